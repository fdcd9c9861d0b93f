package kb.output;

import java.time.LocalDate;
import java.util.List;

/**
 * The machine-readable files of a site: sitemap, robots.txt, Atom feed and llms.txt. Text
 * built here is escaped for XML; nothing in them depends on the build's clock.
 */
public final class Feeds {
    private Feeds() {
    }

    /** One published page, as the feeds list it. */
    public record Entry(String url, String title, String summary, LocalDate updated) { }

    public static String sitemap(String baseUrl, List<Entry> pages) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (Entry p : pages) {
            sb.append("  <url><loc>").append(xml(baseUrl + p.url())).append("</loc>");
            if (p.updated() != null) {
                sb.append("<lastmod>").append(p.updated()).append("</lastmod>");
            }
            sb.append("</url>\n");
        }
        return sb.append("</urlset>\n").toString();
    }

    /** Another language's version of a page, for a sitemap: {@code hreflang} and absolute URL. */
    public record Alternate(String language, String href) { }

    /** One page of a multilingual sitemap: its absolute URL, date and every language's version. */
    public record Url(String loc, LocalDate updated, List<Alternate> alternates) {
        public Url {
            alternates = List.copyOf(alternates);
        }
    }

    /** A sitemap of several languages' pages, each with its {@code xhtml:link} alternates (as search engines read them). */
    public static String sitemap(List<Url> urls) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
        for (Url u : urls) {
            sb.append("  <url><loc>").append(xml(u.loc())).append("</loc>");
            if (u.updated() != null) {
                sb.append("<lastmod>").append(u.updated()).append("</lastmod>");
            }
            for (Alternate a : u.alternates()) {
                sb.append("\n    <xhtml:link rel=\"alternate\" hreflang=\"").append(xml(a.language())).append("\" href=\"")
                        .append(xml(a.href())).append("\"/>");
            }
            sb.append("</url>\n");
        }
        return sb.append("</urlset>\n").toString();
    }

    public static String robots(String baseUrl) {
        return "User-agent: *\nAllow: /\nDisallow: /search/\n\nSitemap: " + baseUrl + "sitemap.xml\n";
    }

    /** An Atom feed of the most recently updated articles (by their {@code updated} dates). */
    public static String atom(String baseUrl, String siteName, List<Entry> articles) {
        LocalDate newest = articles.stream().map(Entry::updated).filter(d -> d != null).max(LocalDate::compareTo)
                .orElse(LocalDate.of(2000, 1, 1));
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
        sb.append("  <title>").append(xml(siteName)).append("</title>\n");
        sb.append("  <id>").append(xml(baseUrl)).append("</id>\n");
        sb.append("  <link href=\"").append(xml(baseUrl)).append("\"/>\n");
        sb.append("  <link rel=\"self\" href=\"").append(xml(baseUrl + "feed.xml")).append("\"/>\n");
        sb.append("  <updated>").append(newest).append("T00:00:00Z</updated>\n");
        for (Entry a : articles) {
            LocalDate date = a.updated() == null ? newest : a.updated();
            sb.append("  <entry>\n");
            sb.append("    <title>").append(xml(a.title())).append("</title>\n");
            sb.append("    <id>").append(xml(baseUrl + a.url())).append("</id>\n");
            sb.append("    <link href=\"").append(xml(baseUrl + a.url())).append("\"/>\n");
            sb.append("    <updated>").append(date).append("T00:00:00Z</updated>\n");
            sb.append("    <summary>").append(xml(a.summary())).append("</summary>\n");
            sb.append("  </entry>\n");
        }
        return sb.append("</feed>\n").toString();
    }

    /**
     * llms.txt: the site's name, what it is, and a Markdown link to each article's Markdown copy.
     *
     * @param articlesHeading the heading over the links, in the site's language
     */
    public static String llms(String baseUrl, String siteName, String description, String articlesHeading,
            List<Entry> articles) {
        StringBuilder sb = new StringBuilder("# ").append(siteName).append("\n\n");
        if (!description.isBlank()) {
            sb.append("> ").append(description).append("\n\n");
        }
        sb.append("## ").append(articlesHeading).append("\n\n");
        for (Entry a : articles) {
            sb.append("- [").append(a.title().replace("]", "\\]")).append("](").append(baseUrl).append(a.url())
                    .append("index.md)");
            if (!a.summary().isBlank()) {
                sb.append(": ").append(a.summary());
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
