package kb.insights;

import java.util.Optional;

/** What the report needs to know about the help center as it is now. */
public interface SiteView {
    /** The article or FAQ answer at a URL relative to the site root ({@code faq/#anchor} for an answer). */
    Optional<Page> page(String url);

    /** How many results the site's search gives a query today. */
    int results(String query);

    /** The article that best matches some words (those of a dead address), if any does. */
    Optional<Page> closest(String words);

    /**
     * A page of the site.
     *
     * @param kind {@code article} or {@code faq}
     * @param source the file a writer edits, relative to the content folder
     */
    record Page(String url, String title, String kind, String source) { }
}
