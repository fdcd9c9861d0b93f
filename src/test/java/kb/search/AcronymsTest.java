package kb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/** The help center's own abbreviations: "p&l" finds the page about profit and loss. */
class AcronymsTest {
    private static SearchRecord article(String url, String title, String tags, String body) {
        return new SearchRecord(SearchRecord.Kind.ARTICLE, url, null, title, "", "Help", "", tags, body, url.hashCode() & 0xffff);
    }

    private static SearchRecord section(String url, String title, String anchor, String heading, String body) {
        return new SearchRecord(SearchRecord.Kind.SECTION, url, anchor, title, heading, "Help", "", "", body, url.hashCode() & 0xffff);
    }

    private static final List<SearchRecord> RECORDS = List.of(
            article("reports/", "Tax and profit reports", String.join(SearchRecord.TAG_SEPARATOR, "reports", "profit and loss"),
                    "See what you owe and how the year went."),
            section("reports/", "Tax and profit reports", "profit-and-loss", "Profit and loss",
                    "The profit and loss report lists income against expenses."),
            article("plans/", "Plans and pricing", "", "Each plan lists its price per month."),
            article("rd/", "R&D tax credits", "", "Claim R&D costs in the yearly return."),
            section("invoices/", "Invoice dates", "issue-date", "Issue date", "The issue date is when the invoice was sent."),
            article("invoices/", "Invoice dates", String.join(SearchRecord.TAG_SEPARATOR, "issue date", "due date"),
                    "Every invoice has an id and an issue date."),
            section("help/", "Getting help", "what-to-do", "What to do", "Ask support."),
            section("help2/", "More help", "what-to-do", "What to do", "Ask again."));

    @Test
    void aPhraseTheHelpCenterNamesThingsByTwiceGivesItsInitials() {
        Map<String, String> mined = Acronyms.mine(RECORDS, Chain.EN);
        assertEquals("pl", mined.get("profit loss"), "a heading and a tag, stop words aside");
        assertEquals(null, mined.get("tax profit reports"), "a title used once is wording, not a name");
        assertEquals(null, mined.get("issue date"), "'id' is a word of the pages");
        assertEquals(null, mined.get("what do"), "question words name nothing");
    }

    /** Each record's key as SearchIndexer gives one: a digest of everything it holds. */
    private static Analyses.Key[] keys(List<SearchRecord> records) {
        return records.stream().map(r -> Analyses.key("test", "", new String[] {"record"}, new String[] {r.toString()}))
                .toArray(Analyses.Key[]::new);
    }

    /** Mines {@code records} with what {@code before} kept, checks it finds what mining them afresh finds, and returns it. */
    private static Acronyms.Mined mineAfter(List<SearchRecord> records, AcronymsMemo before) {
        Acronyms.Mined mined = Acronyms.mine(records, records, Chain.EN, keys(records), before);
        assertEquals(Acronyms.mine(records, Chain.EN), mined.initials());
        return mined;
    }

    private static List<SearchRecord> with(List<SearchRecord> records, int at, SearchRecord r) {
        List<SearchRecord> out = new java.util.ArrayList<>(records);
        out.set(at, r);
        return out;
    }

    @Test
    void initialsKeptFromTheBuildBeforeFollowTheRecordsAnEditChanged() {
        AcronymsMemo first = mineAfter(RECORDS, null).memo();
        assertEquals(java.util.Set.of("pl"), first.absent(), "no record holds 'pl'");
        assertEquals(java.util.Set.of("id"), first.words().keySet(), "'id' is a word of the invoices page");

        // The plans page now says "PL": read although every other record is as it was.
        List<SearchRecord> plWord = with(RECORDS, 2, article("plans/", "Plans and pricing", "", "Each PL plan lists its price."));
        Acronyms.Mined second = mineAfter(plWord, first);
        assertEquals(null, second.initials().get("profit loss"));

        // It no longer does: the one record that held the word changed, so every record is read.
        Acronyms.Mined third = mineAfter(RECORDS, second.memo());
        assertEquals("pl", third.initials().get("profit loss"));

        // The record that held "id" loses it: "issue date" gives its initials.
        List<SearchRecord> noId = with(RECORDS, 5, article("invoices/", "Invoice dates",
                String.join(SearchRecord.TAG_SEPARATOR, "issue date", "due date"), "Every invoice has an issue date."));
        assertEquals("id", mineAfter(noId, third.memo()).initials().get("issue date"));
    }

    private static List<String> urls(SearchIndex index, String query) {
        return index.search(query, 3, false).stream().map(Hit::url).toList();
    }

    @Test
    void theInitialsFindThePhrasesPagesTypedWithOrWithoutAnAmpersand() {
        try (SearchIndex index = SearchIndexer.build(RECORDS, new ByteBuffersDirectory(), Map.of())) {
            assertEquals("reports/#profit-and-loss", urls(index, "p&l").get(0));
            assertEquals("reports/#profit-and-loss", urls(index, "P&L report").get(0));
            assertEquals("reports/#profit-and-loss", urls(index, "pl").get(0));
        }
    }

    @Test
    void anAmpersandBetweenLettersOnAPageJoinsThemAsInAQuery() {
        try (SearchIndex index = SearchIndexer.build(RECORDS, new ByteBuffersDirectory(), Map.of())) {
            assertEquals(List.of("rd/"), urls(index, "r&d"));
            assertEquals(List.of("rd/"), urls(index, "rd credits"));
        }
    }

    @Test
    void theInitialsNeverTakeAWordOfTheAuthorsSynonyms() {
        // "profit" is a word of kb.yaml's synonyms: "pl" would shadow the rule "profit" -> "gain"
        // where the phrase occurs, so it is not indexed.
        try (SearchIndex index = SearchIndexer.build(RECORDS, new ByteBuffersDirectory(), Map.of("profit", List.of("gain")))) {
            assertEquals(List.of(), urls(index, "pl"));
            assertEquals("reports/#profit-and-loss", urls(index, "gain and loss").get(0));
        }
        // Nor initials the author gave another meaning: "pl" is the plans page's.
        try (SearchIndex index = SearchIndexer.build(RECORDS, new ByteBuffersDirectory(), Map.of("plans", List.of("pl")))) {
            assertEquals(List.of("plans/"), urls(index, "pl"));
        }
    }
}
