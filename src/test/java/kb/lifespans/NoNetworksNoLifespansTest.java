package kb.lifespans;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import kb.testing.TestSites;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A help center about something other than social tokens (no networks in its data file, or no
 * data file) gets no token-lifespans page, and no page, feed or sitemap points to one.
 */
class NoNetworksNoLifespansTest {
    @TempDir
    Path dir;

    @Test
    void aSiteWithoutNetworksHasNoLifespansPageAndNoLinkToOne() throws IOException {
        Path content = TestSites.minimal(dir.resolve("content"), Map.of("first.md",
                "---\nid: 1\ntitle: First steps\n---\n\nHow to begin.\n"));
        Path site = dir.resolve("site");
        TestSites.build(content, site);

        assertFalse(Files.exists(site.resolve("lifespans")), "no lifespans folder");
        List<Path> pages;
        try (Stream<Path> files = Files.walk(site)) {
            pages = files.filter(p -> p.toString().endsWith(".html")).toList();
        }
        assertTrue(pages.size() >= 5, "home, section, article, FAQ, search: " + pages);
        for (Path file : pages) {
            Document page = Jsoup.parse(file.toFile(), "UTF-8");
            assertTrue(page.select("a[href]").stream().noneMatch(a -> a.attr("href").contains("lifespans")),
                    site.relativize(file) + " links to a lifespans page that does not exist");
        }
        Document sitemap = Jsoup.parse(Files.readString(site.resolve("sitemap.xml")), "", org.jsoup.parser.Parser.xmlParser());
        assertTrue(sitemap.select("loc").size() >= 3);
        assertTrue(sitemap.select("loc").stream().noneMatch(l -> l.text().contains("lifespans")), sitemap.outerHtml());
    }
}
