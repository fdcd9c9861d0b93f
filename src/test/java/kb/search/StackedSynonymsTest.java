package kb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/** A synonym the index adds to a page is a word more to find it by, never length that ranks it lower. */
class StackedSynonymsTest {
    /** "reconnect" also stands for "re-authenticate", two words in the index's analysis. */
    private static final Map<String, List<String>> SYNONYMS = Map.of("reconnect", List.of("re-authenticate"));

    @Test
    void aPageIsNotRankedLowerForAWordWhoseSynonymIsLonger() throws Exception {
        List<SearchRecord> records = List.of(
                TestRecords.article("a/", "Reconnect Facebook", "Open the settings and reconnect Facebook to keep posting."),
                TestRecords.article("b/", "Renew Facebook", "Open the settings and renew Facebook to keep posting."));
        try (SearchIndex index = SearchIndexer.build(records, new ByteBuffersDirectory(), SYNONYMS, "en", null)) {
            List<Hit> hits = index.search("facebook posting", 10, false);
            assertEquals(2, hits.size());
            // Before StackedSynonyms, "re authenticate" made a's title and body a word longer, so
            // b ranked first for words the two pages share, the same number of times each.
            assertEquals(hits.get(0).score(), hits.get(1).score(), 0f, () -> "scores " + hits);
            // and the synonym still finds the page that says "reconnect"
            assertEquals("a/", index.search("re-authenticate", 10, false).get(0).url());
        }
    }
}
