package kb.template;

/**
 * A link to an article as lists show it (home cards, sidebar, related, previous and next), its
 * URL relative to the page it is on.
 *
 * @param updated the date as the page's language writes it, or empty
 * @param current whether it is the page being shown (the sidebar marks it)
 */
public record ArticleLinkModel(String title, String url, String summary, String updated, int id, boolean current) {
    /** The same link, marked as the page being shown or not. */
    public ArticleLinkModel current(boolean now) {
        return new ArticleLinkModel(title, url, summary, updated, id, now);
    }
}
