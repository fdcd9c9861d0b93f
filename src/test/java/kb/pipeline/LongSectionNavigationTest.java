package kb.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import kb.testing.TestSites;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A section longer than the sidebar's window: each article page lists the 30 articles around
 * it, in reading order, and links to the articles just before and after it.
 */
class LongSectionNavigationTest {
    private static final int ARTICLES = 40;

    @TempDir
    static Path dir;
    static Path site;

    @BeforeAll
    static void build() throws IOException {
        Map<String, String> articles = new LinkedHashMap<>();
        // Weights give the reading order; the files' names sort otherwise.
        for (int i = 1; i <= ARTICLES; i++) {
            articles.put("page-" + (ARTICLES + 1 - i) + ".md", "---\nid: " + i + "\ntitle: " + title(i)
                    + "\nweight: " + i + "\n---\n\nText of article " + i + ".\n");
        }
        site = dir.resolve("site");
        TestSites.build(TestSites.minimal(dir.resolve("content"), articles), site);
    }

    private static String title(int i) {
        return String.format("Article %02d", i);
    }

    private static Document article(int i) throws IOException {
        return Jsoup.parse(Files.readString(site.resolve("basics/page-" + (ARTICLES + 1 - i) + "/index.html")));
    }

    private static List<String> titles(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(LongSectionNavigationTest::title).toList();
    }

    private static List<String> sidebarArticles(Document doc) {
        Element open = doc.selectFirst("nav.sidebar li.open");
        return open.select("ul li:not(.nav-more) > a").eachText();
    }

    @Test
    void anArticleInTheMiddleListsTheThirtyAroundIt() throws IOException {
        Document doc = article(25);
        assertEquals(titles(10, 39), sidebarArticles(doc));
        assertEquals(List.of(title(25)), doc.select("nav.sidebar li.open a[aria-current=page]").eachText());
        assertEquals(title(24), doc.selectFirst("nav.prev-next a[rel=prev]").text().replace("←", "").strip());
        assertEquals(title(26), doc.selectFirst("nav.prev-next a[rel=next]").text().replace("→", "").strip());
    }

    @Test
    void theFirstAndLastArticlesListTheSectionsEnds() throws IOException {
        Document first = article(1);
        assertEquals(titles(1, 30), sidebarArticles(first));
        assertNull(first.selectFirst("nav.prev-next a[rel=prev]"));
        assertEquals(title(2), first.selectFirst("nav.prev-next a[rel=next]").text().replace("→", "").strip());
        Document last = article(ARTICLES);
        assertEquals(titles(11, 40), sidebarArticles(last));
        assertEquals(title(39), last.selectFirst("nav.prev-next a[rel=prev]").text().replace("←", "").strip());
        assertNull(last.selectFirst("nav.prev-next a[rel=next]"));
    }

    @Test
    void theSectionPageListsTheFirstThirty() throws IOException {
        Document doc = Jsoup.parse(Files.readString(site.resolve("basics/index.html")));
        assertEquals(titles(1, 30), sidebarArticles(doc));
        assertEquals(1, doc.select("nav.sidebar li.open li.nav-more").size(), "a link to the section's other articles");
    }
}
