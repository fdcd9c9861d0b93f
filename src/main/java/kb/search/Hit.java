package kb.search;

import java.util.List;

/**
 * One search result: a page, or a place in it, with the best-matching part's text.
 *
 * @param url relative to the site root, ending in {@code #anchor} for a place inside a page
 * @param title the article title, FAQ question or network name
 * @param section the matching section's heading, or empty when the hit is the page itself
 * @param sections other matching sections of the same article, best first
 */
public record Hit(String url, String title, String section, String excerpt, float score, String kind,
        int articleId, List<SubHit> sections) {
    public Hit {
        sections = List.copyOf(sections);
    }

    /** A further matching section of the same article. */
    public record SubHit(String url, String heading, float score) { }
}
