package kb.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import kb.testing.TestSites;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sitemap, feed, JSON-LD, llms.txt and Markdown copies list exactly the published articles. */
class FindableIT {
    @TempDir
    static Path temp;
    static Path site;
    static Set<String> published;

    @BeforeAll
    static void build() throws Exception {
        site = temp.resolve("site");
        TestSites.build(TestSites.CONTENT, site);
        published = new TreeSet<>();
        try (var files = Files.walk(TestSites.CONTENT.resolve("articles"))) {
            files.filter(p -> p.toString().endsWith(".md")).forEach(p -> {
                String text;
                try {
                    text = Files.readString(p);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                if (!text.contains("\ndraft: true")) {
                    published.add("https://help.example.com/" + p.getParent().getFileName() + "/"
                            + p.getFileName().toString().replace(".md", "") + "/");
                }
            });
        }
    }

    @Test
    void sitemapListsEveryArticleWithLastmod() throws Exception {
        Document xml = Jsoup.parse(Files.readString(site.resolve("sitemap.xml")), "", Parser.xmlParser());
        Set<String> locs = xml.select("url > loc").eachText().stream().collect(Collectors.toCollection(TreeSet::new));
        assertTrue(locs.containsAll(published), "missing: " + difference(published, locs));
        // Articles of the default language: two path segments, the first not a language's folder
        // (another language's edition, es/, has its own search index in es/.kb/).
        Set<String> articleLocs = locs.stream().filter(l -> l.split("/").length == 5
                && !Files.isDirectory(site.resolve(l.split("/")[3]).resolve(".kb"))).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(published, articleLocs);
        for (Element url : xml.select("url")) {
            if (published.contains(url.selectFirst("loc").text())) {
                assertTrue(url.selectFirst("lastmod") != null, "lastmod for " + url.selectFirst("loc").text());
            }
        }
    }

    @Test
    void atomFeedListsPublishedArticles() throws Exception {
        Document xml = Jsoup.parse(Files.readString(site.resolve("feed.xml")), "", Parser.xmlParser());
        Set<String> ids = xml.select("entry > id").eachText().stream().collect(Collectors.toCollection(TreeSet::new));
        assertEquals(published, ids);
    }

    @Test
    void everyArticleHasArticleAndBreadcrumbJsonLdAndItsMarkdownCopy() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (String url : published) {
            String path = url.replace("https://help.example.com/", "");
            Document page = Jsoup.parse(site.resolve(path + "index.html").toFile());
            boolean article = false;
            boolean breadcrumb = false;
            for (Element script : page.select("script[type=application/ld+json]")) {
                JsonNode ld = json.readTree(script.data());
                if (ld.get("@type").asText().equals("Article")) {
                    article = true;
                    assertEquals(url, ld.get("url").asText());
                    assertEquals(page.selectFirst("h1").ownText().strip(), ld.get("headline").asText());
                }
                breadcrumb |= ld.get("@type").asText().equals("BreadcrumbList");
            }
            assertTrue(article && breadcrumb, "JSON-LD on " + url);
            assertEquals(url, page.selectFirst("link[rel=canonical]").attr("href"));
            assertTrue(Files.readString(site.resolve(path + "index.md")).startsWith("# "), "Markdown copy of " + url);
            assertTrue(Files.readString(site.resolve("llms.txt")).contains(url + "index.md"), "llms.txt lists " + url);
        }
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }
}
