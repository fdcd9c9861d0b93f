package kb.widget;

/**
 * One article as the widget's reader shows it.
 *
 * @param url the page, relative to the site root ({@code linkedin/token-expiration/})
 * @param section the title of the article's section
 * @param html the rendered body, as on the article's page (links relative to that page)
 */
public record WidgetArticle(int id, String title, String url, String section, String html) {
    public WidgetArticle {
        if (!url.endsWith("/") || url.startsWith("/")) {
            throw new IllegalArgumentException("url must be relative to the site root and end in /: " + url);
        }
    }
}
