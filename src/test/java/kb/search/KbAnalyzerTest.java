package kb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

/** Pins the analysis behaviours readers notice; AnalyzerParityIT keeps the browser's copy equal. */
class KbAnalyzerTest {
    private static List<String> terms(boolean stem, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (Analyzer analyzer = new KbAnalyzer(stem);
                TokenStream ts = analyzer.tokenStream("body", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        }
        return out;
    }

    @Test
    void curlyApostrophesEqualStraightOnes() throws IOException {
        List<String> straight = terms(true, "don't forget the user's key");
        assertEquals(List.of("don't", "forget", "user", "kei"), straight);
        for (String quote : new String[] {"\u2019", "\u2018", "\u02BC", "\uFF07"}) {
            String text = "don't forget the user's key".replace("'", quote);
            assertEquals(straight, terms(true, text), "with " + quote);
        }
    }

    @Test
    void stemsToTheIndexedTermsAndKeepsSurfaceWords() throws IOException {
        assertEquals(List.of("reset", "your", "password"), terms(true, "Resetting your passwords"));
        assertEquals(List.of("resetting", "your", "passwords"), terms(false, "Resetting your passwords"));
    }

    @Test
    void removesEnglishStopWords() throws IOException {
        assertEquals(List.of("what", "printer"), terms(true, "What is the printer in THE"));
        assertEquals(List.of(), terms(false, "The and of to a it is"));
    }

    @Test
    void splitsLikeUax29AndLowerCasesPerCodePoint() throws IOException {
        assertEquals(List.of("wi", "fi", "example.com", "v1.2.3", "10,000", "api_kei"),
                terms(true, "Wi-Fi example.com v1.2.3 10,000 API_KEY"));
        assertEquals(List.of("istanbul", "οδοσ"), terms(false, "\u0130STANBUL \u039F\u0394\u039F\u03A3"));
    }
}
