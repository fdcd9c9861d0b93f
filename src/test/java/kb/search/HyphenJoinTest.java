package kb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/** A word written with a hyphen is found written as one word too, and still by its parts and its synonyms. */
class HyphenJoinTest {
    private static SearchIndex index(Map<String, List<String>> synonyms, SearchRecord... records) throws Exception {
        return SearchIndexer.build(List.of(records), new ByteBuffersDirectory(), synonyms, "en", null);
    }

    private static String first(SearchIndex index, String query) throws Exception {
        return index.search(query, 10, false).get(0).url();
    }

    @Test
    void aHyphenatedWordIsFoundJoinedAndByItsParts() throws Exception {
        try (SearchIndex index = index(Map.of(),
                TestRecords.article("a/", "Selling ahead", "Take pre-orders for items that are not in stock yet."),
                TestRecords.article("b/", "Orders", "Every order shows its items and stock."))) {
            assertEquals("a/", first(index, "preorders"));
            assertEquals("a/", first(index, "pre-orders"));
        }
    }

    @Test
    void aSynonymOfAHyphenatedPhraseStillFindsIt() throws Exception {
        try (SearchIndex index = index(Map.of("reconnect", List.of("re-authenticate")),
                TestRecords.article("a/", "Accounts", "Re-authenticate your account every month."),
                TestRecords.article("b/", "Billing", "Your account is billed every month."))) {
            assertEquals("a/", first(index, "reconnect"));
            assertEquals("a/", first(index, "reauthenticate"));
        }
    }

    @Test
    void aHyphenatedPhraseOfASynonymGroupGetsItsSynonymsAsWrittenApart() throws Exception {
        // The joined word once stood between the parts, and the rule for "plim plom" no longer
        // matched there. Made-up words: no support-desk word or correction reaches them.
        try (SearchIndex index = index(Map.of("zorbify", List.of("plim-plom")),
                TestRecords.article("a/", "Accounts", "Plim-plom your account every month."),
                TestRecords.article("b/", "Accounts", "Plim plom your account every month."))) {
            List<Hit> hits = index.search("zorbify", 10, false);
            assertEquals(2, hits.size(), () -> "hits " + hits);
            assertEquals(hits.get(0).score(), hits.get(1).score(), 0f, () -> "scores " + hits);
        }
    }

    @Test
    void theJoinedWordAddsNoLengthToThePage() throws Exception {
        // With a synonym group, so the joined word passes through the synonyms' stacking too.
        try (SearchIndex index = index(Map.of("invoice", List.of("bill")),
                TestRecords.article("a/", "Orders", "Take pre-orders and keep posting."),
                TestRecords.article("b/", "Orders", "Take pre orders and keep posting."))) {
            List<Hit> hits = index.search("posting", 10, false);
            assertEquals(2, hits.size());
            assertEquals(hits.get(0).score(), hits.get(1).score(), 0f, () -> "scores " + hits);
        }
    }
}
