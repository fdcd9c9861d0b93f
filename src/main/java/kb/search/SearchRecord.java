package kb.search;

/**
 * One thing a reader can land on: an article (its title, summary and intro), one of its
 * {@code ##}/{@code ###} sections, an FAQ question, or a network's row of the lifespan table.
 *
 * @param url the page's site URL, without anchor
 * @param anchor where on the page, or null for the top
 * @param title what the hit is called: the article title, the question, the network
 * @param heading the section heading for a section record, else empty
 * @param context where it sits, for the result's breadcrumb: the section or FAQ group title
 * @param articleId the article's permanent id, 0 for records that are not articles
 */
public record SearchRecord(Kind kind, String url, String anchor, String title, String heading, String context,
        String summary, String tags, String body, int articleId) {

    /** Between an article's tags in {@link #tags()}: no token, so the index sees the words alone. */
    public static final String TAG_SEPARATOR = ", ";

    /** What a record stands for; the browser shows each kind a little differently. */
    public enum Kind { ARTICLE, SECTION, FAQ, NETWORK }

    /** The URL a hit links to: the page, plus {@code #anchor} for a place inside it. */
    public String target() {
        return anchor == null || anchor.isEmpty() ? url : url + "#" + anchor;
    }

    /**
     * Records that group under one result: an article and its sections share their page; an FAQ
     * question or a table row stands alone.
     */
    public String groupKey() {
        return kind == Kind.FAQ || kind == Kind.NETWORK ? target() : url;
    }
}
