package kb.output;

import kb.content.Article;

/**
 * Where every page lives on the site. URLs here are relative to the site root and end in
 * {@code /} (pretty URLs: {@code linkedin/token-expiration/} is
 * {@code linkedin/token-expiration/index.html} on disk).
 */
public final class UrlScheme {
    public static final String HOME = "";
    public static final String FAQ = "faq/";
    public static final String LIFESPANS = "lifespans/";
    public static final String SEARCH = "search/";

    private UrlScheme() {
    }

    public static String article(Article article) {
        return article.section() + "/" + article.slug() + "/";
    }

    public static String section(String slug) {
        return slug + "/";
    }

    /** The permanent short link of an article id. */
    public static String shortLink(int id) {
        return "a/" + id + "/";
    }

    /** The file that serves a URL: {@code x/} is {@code x/index.html}. */
    public static String file(String url) {
        return url.isEmpty() || url.endsWith("/") ? url + "index.html" : url;
    }

    /** {@code ../} once per folder of {@code pageUrl}: the way back to the site root from that page. */
    public static String root(String pageUrl) {
        String dir = pageUrl.endsWith("/") ? pageUrl : pageUrl.substring(0, pageUrl.lastIndexOf('/') + 1);
        int depth = (int) dir.chars().filter(c -> c == '/').count();
        return "../".repeat(depth);
    }

    /** A link from one page to a site URL, relative so the site also works from disk. */
    public static String relative(String fromPageUrl, String toUrl) {
        String link = root(fromPageUrl) + toUrl;
        return link.isEmpty() ? "./" : link;
    }
}
