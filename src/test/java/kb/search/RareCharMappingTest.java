package kb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.CharFilter;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.junit.jupiter.api.Test;

/**
 * The analysis reads text through RareCharMapping where it read it through Lucene's
 * MappingCharFilter: the same characters and, for each of them, the same corrected offset (the
 * CLI's excerpts mark words by offset), whether the text holds a key or not. The analyzers read
 * nothing else of it, so their words and offsets stay the same (KbAnalyzerTest, and the parity
 * tests against the browser's copy of the chain).
 */
class RareCharMappingTest {
    private static final String LONG = "word ".repeat(2000);

    private static final List<String> TEXTS = List.of(
            "",
            "no key in this text at all",
            "don\u2019t forget the user\u2019s key",
            "\u2018quoted\u2019 at both ends\uFF07",
            "P&L and R&D, Q&A; a lone & too",
            "&&& then text",
            "abcdef\u2019ghijklm&nop", // a key last in a read of 7, and first in one
            "abcdefg&&\u2019hijkl&",
            LONG + "the last word\u2019s apostrophe", // past the first chunk of a read
            LONG + "a & b " + LONG);

    /** Each character read, with the offset it corrects to. */
    private static List<String> read(Reader filter) throws IOException {
        List<String> out = new ArrayList<>();
        char[] buffer = new char[7]; // small reads, as a tokenizer's refills split text anywhere
        int at = 0;
        for (int n; (n = filter.read(buffer, 0, buffer.length)) != -1; ) {
            for (int i = 0; i < n; i++, at++) {
                out.add(buffer[i] + "@" + ((CharFilter) filter).correctOffset(at));
            }
        }
        out.add("end@" + ((CharFilter) filter).correctOffset(at));
        return out;
    }

    @Test
    void readsWhatLucenesMappingFilterReads() throws IOException {
        for (RareCharMapping.Keys keys : List.of(KbAnalyzer.APOSTROPHES, IndexAnalyzer.AMPERSAND)) {
            for (String text : TEXTS) {
                assertEquals(read(new MappingCharFilter(keys.map(), new StringReader(text))),
                        read(keys.over(new StringReader(text))), "keys " + keys.chars() + " over " + text.strip());
            }
        }
    }

    @Test
    void stackedOverAnotherFilterCorrectsThroughBoth() throws IOException {
        for (String text : TEXTS) {
            Reader lucene = new MappingCharFilter(IndexAnalyzer.AMPERSAND.map(),
                    new MappingCharFilter(KbAnalyzer.APOSTROPHES.map(), new StringReader(text)));
            Reader ours = IndexAnalyzer.AMPERSAND.over(KbAnalyzer.APOSTROPHES.over(new StringReader(text)));
            assertEquals(read(lucene), read(ours), text.strip());
        }
    }
}
