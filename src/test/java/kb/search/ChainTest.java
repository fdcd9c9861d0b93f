package kb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

/** What each language's chain makes of words its readers type: the terms a query and a page share. */
class ChainTest {
    private static List<String> terms(Chain chain, String text) {
        List<String> out = new ArrayList<>();
        try (Analyzer analyzer = chain.analyzer(true); TokenStream ts = analyzer.tokenStream("body", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    @Test
    void languagesPickTheirChain() {
        assertEquals(Chain.EN, Chain.of("en"));
        assertEquals(Chain.DE, Chain.of("de-AT"));
        assertEquals(Chain.PT, Chain.of("pt_BR"));
        assertEquals(Chain.CJK, Chain.of("ja"));
        assertEquals(Chain.CJK, Chain.of("zh"));
        assertEquals(Chain.STANDARD, Chain.of("nl"));
        assertEquals("kb-de-1", Chain.DE.version());
    }

    @Test
    void germanMatchesUmlautFreeSpellingsAndAnyCase() {
        assertEquals(terms(Chain.DE, "Überprüfung"), terms(Chain.DE, "Uberprufung"));
        assertEquals(terms(Chain.DE, "Überprüfung"), terms(Chain.DE, "Ueberpruefung"));
        assertEquals(terms(Chain.DE, "Zugriffstoken"), terms(Chain.DE, "zugriffstoken"));
        assertEquals(terms(Chain.DE, "Straße"), terms(Chain.DE, "Strasse"));
        assertEquals(List.of(), terms(Chain.DE, "und die der"));
    }

    @Test
    void arabicMatchesWithAndWithoutDiacritics() {
        assertEquals(terms(Chain.AR, "كَلِمَةُ المُرُورِ"), terms(Chain.AR, "كلمة المرور"));
        assertEquals(1, terms(Chain.AR, "الحساب").size());
    }

    @Test
    void cjkQueriesOfTwoCharactersAreAPairOfThePage() {
        List<String> page = terms(Chain.CJK, "アクセストークンの有効期限");
        for (String query : List.of("期限", "有効", "トー")) {
            assertEquals(List.of(query), terms(Chain.CJK, query));
            assertEquals(true, page.contains(query), query + " in " + page);
        }
    }

    @Test
    void romanceChainsDropElisionsAndStemPlurals() {
        assertEquals(terms(Chain.FR, "accès"), terms(Chain.FR, "l’accès"));
        assertEquals(terms(Chain.IT, "account"), terms(Chain.IT, "dell'account"));
        assertEquals(terms(Chain.ES, "contraseña"), terms(Chain.ES, "contraseñas"));
        assertEquals(terms(Chain.ES, "conexión"), terms(Chain.ES, "conexion"));
        assertEquals(terms(Chain.PT, "conexões"), terms(Chain.PT, "conexão"));
    }

    @Test
    void englishIsTheChainItWas() {
        assertEquals(List.of("reset", "your", "password"), terms(Chain.EN, "Resetting your passwords"));
        assertEquals("kb-en-1", Chain.EN.version());
    }

    @Test
    void oneStemmerForManyWordsStemsEachAsAFreshOneWould() {
        List<String> words = List.of("passwords", "reconnecting", "a", "connexions", "contraseñas", "überprüfungen",
                "الحسابات", "", "tokens", "conexões", "accounts");
        for (Chain chain : Chain.values()) {
            var stemmer = chain.wordStemmer();
            for (String word : words) {
                assertEquals(chain.stem(word), stemmer.apply(word), chain + " " + word);
            }
        }
        assertEquals("password", Chain.EN.wordStemmer().apply("passwords"));
    }
}
