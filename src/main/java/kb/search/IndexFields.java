package kb.search;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields of kb's Lucene index and their boosts. The browser export carries this table, so
 * both sides weigh a match the same way.
 */
final class IndexFields {
    /** Article titles, FAQ questions and network names: what a result is called matters most. */
    static final String TITLE = "title";
    /** The title again, unstemmed: an exact word outranks one that only shares its stem. */
    static final String TITLE_EXACT = "title_x";
    /** Section headings: a hit here deep-links to that section. */
    static final String HEADING = "heading";
    static final String HEADING_EXACT = "heading_x";
    static final String TAGS = "tags";
    static final String SUMMARY = "summary";
    static final String BODY = "body";
    /**
     * Every word of the record, lower-cased but unstemmed and without synonyms: the vocabulary that
     * prefix and typo matching search. Indexed for its terms only, never scored.
     */
    static final String SURFACE = "surface";

    /** Stored only: what a hit needs to be shown. */
    static final String KIND = "kind";
    static final String URL = "url";
    static final String ANCHOR = "anchor";
    static final String SHOWN_TITLE = "shown_title";
    static final String SHOWN_HEADING = "shown_heading";
    static final String CONTEXT = "context";
    static final String TEXT = "text";
    static final String ARTICLE_ID = "article_id";
    /** Doc-values order key: keeps doc ids in record order though records are indexed in parallel. */
    static final String ORDER = "order";
    /**
     * Doc values only, written by a build with the build cache: a digest of everything the
     * document holds, by which the next build finds it again (PreviousIndex).
     */
    static final String KEY = "key";
    /** Doc values only, with the build cache: what the browser export shows of the record (BrowserExport#shown). */
    static final String SHOWN = "shown";

    /** Scored fields and their boosts, in the order the export lists them. */
    static final Map<String, Float> BOOSTS = boosts();

    /**
     * Where a completion of the word being typed is looked for: what a record is called and is
     * about, not its body. Autocomplete means the titles a reader is heading for; and these
     * postings are small enough to ship with the vocabulary, so the browser needs no second round
     * trip for them while the reader types.
     */
    static final java.util.Set<String> COMPLETION = java.util.Set.of(TITLE, HEADING, TAGS, SUMMARY);

    /** The title fields, whose score a section inherits from its page (Searcher#inheritPageTitles). */
    static final java.util.Set<String> TITLES = java.util.Set.of(TITLE, TITLE_EXACT);
    /** How much of its page title's score a matching section inherits (tuned on bench/relevance). */
    static final float INHERITED_TITLE = 1f;
    /** Short fields, where query words found together are near each other (Searcher#together). */
    static final java.util.Set<String> HEADS = java.util.Set.of(TITLE, TITLE_EXACT, HEADING, HEADING_EXACT);

    /** Fields matched with the exact (surface) word rather than its stem. */
    static boolean isExact(String field) {
        return field.endsWith("_x");
    }

    private static Map<String, Float> boosts() {
        Map<String, Float> m = new LinkedHashMap<>();
        m.put(TITLE, 3.0f);
        m.put(TITLE_EXACT, 1.0f);
        m.put(HEADING, 2.0f);
        m.put(HEADING_EXACT, 0.6f);
        m.put(TAGS, 1.5f);
        m.put(SUMMARY, 1.2f);
        m.put(BODY, 1.0f);
        return java.util.Collections.unmodifiableMap(m);
    }

    private IndexFields() {
    }
}
