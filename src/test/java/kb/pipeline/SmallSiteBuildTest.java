package kb.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kb.testing.FixtureSites;
import kb.testing.TestSites;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A build of the small-site fixture with the shipped theme, read back as a reader's browser would. */
class SmallSiteBuildTest {
    @TempDir
    static Path dir;
    static Path site;

    @BeforeAll
    static void build() {
        site = dir.resolve("site");
        TestSites.build(FixtureSites.copy("small-site", dir.resolve("content")), site);
    }

    private static Document page(String path) throws IOException {
        Path file = site.resolve(path);
        assertTrue(Files.isRegularFile(file), "missing " + path);
        return Jsoup.parse(Files.readString(file), "https://help.small.example/docs/" + path);
    }

    private static final String ARTICLE = "getting-started/how-it-works/index.html";

    @Test
    void theArticlePageHasItsTitleHeadingAndDescription() throws IOException {
        Document doc = page(ARTICLE);
        assertEquals("en", doc.selectFirst("html").attr("lang"));
        assertEquals("How connections work · Small Help", doc.title());
        assertEquals("How connections work", doc.selectFirst("main h1").text());
        assertEquals(1, doc.select("h1").size());
        assertEquals("A connection is a token the network gives Lofty when you sign in.",
                doc.selectFirst("meta[name=description]").attr("content"));
        assertEquals("https://help.small.example/docs/getting-started/how-it-works/",
                doc.selectFirst("link[rel=canonical]").attr("href"), "canonical from kb.yaml's base_url");
        assertEquals("2026-03-04", doc.selectFirst("time").attr("datetime"));
    }

    @Test
    void breadcrumbsLeadHomeThroughTheSection() throws IOException {
        Document doc = page(ARTICLE);
        Element crumbs = doc.selectFirst("nav.breadcrumbs");
        assertEquals(List.of("Home", "Getting started"), crumbs.select("a").eachText());
        assertEquals(List.of("../../", "../../getting-started/"), crumbs.select("a").eachAttr("href"));
        assertEquals("How connections work", crumbs.selectFirst("[aria-current=page]").text());
    }

    @Test
    void theSidebarListsTheSectionsAndMarksTheCurrentPage() throws IOException {
        Document doc = page(ARTICLE);
        Element sidebar = doc.selectFirst("nav.sidebar");
        assertTrue(sidebar.select("a").eachText().containsAll(List.of("Getting started", "Troubleshooting")));
        assertEquals(List.of("How connections work"), sidebar.select("a[aria-current=page]").eachText());
        assertTrue(sidebar.select("a").eachText().containsAll(List.of("How connections work", "Tokens at a glance")),
                "the open section lists its articles in order");
        assertFalse(sidebar.text().contains("Not ready yet"), "drafts are left out");
    }

    @Test
    void everyTableOfContentsLinkLandsOnAHeadingOfThePage() throws IOException {
        Document doc = page(ARTICLE);
        List<String> toc = doc.select("nav.toc a").eachAttr("href");
        assertEquals(List.of("#what-a-token-is", "#where-it-is-kept", "#when-it-stops-working"), toc);
        for (String href : toc) {
            assertNotNull(doc.getElementById(href.substring(1)), href);
        }
    }

    @Test
    void everyPageHasTheLandmarksAndASkipLinkThatLands() throws IOException {
        for (String path : List.of("index.html", "getting-started/index.html", ARTICLE, "faq/index.html",
                "lifespans/index.html", "troubleshooting/reconnect/index.html")) {
            Document doc = page(path);
            for (String landmark : List.of("header", "nav", "main", "footer")) {
                assertNotNull(doc.selectFirst(landmark), path + " has no <" + landmark + ">");
            }
            Element skip = doc.selectFirst("a.skip-link");
            assertNotNull(skip, path);
            assertNotNull(doc.getElementById(skip.attr("href").substring(1)), path + ": skip link target");
            assertFalse(doc.title().isBlank(), path);
            assertFalse(doc.selectFirst("meta[name=description]").attr("content").isBlank(), path);
        }
    }

    @Test
    void theBodyIsRenderedWithFactsCalloutsTablesAndRewrittenLinks() throws IOException {
        Document doc = page(ARTICLE);
        Element body = doc.selectFirst(".article-body");
        assertTrue(body.text().contains("A token lasts 365 days on LinkedIn."), body.text());
        assertEquals("Tip", body.selectFirst("aside.callout-tip .callout-title").text());
        assertEquals("365 days", body.select("table td").get(1).text());
        assertEquals("../../troubleshooting/reconnect/#step-2", body.selectFirst("a:contains(step 2)").attr("href"));
        assertEquals("../../faq/#token-length", body.selectFirst("a:contains(the FAQ)").attr("href"));
        Document target = page("troubleshooting/reconnect/index.html");
        assertNotNull(target.getElementById("step-2"), "the link's anchor exists on its page");
    }

    @Test
    void theSectionPageListsItsArticlesByWeightThenTitle() throws IOException {
        Document doc = page("getting-started/index.html");
        assertEquals("Getting started", doc.selectFirst("h1").text());
        assertEquals(List.of("How connections work", "Tokens at a glance"), doc.select("ul.article-list > li > a").eachText());
    }

    @Test
    void theHomePageReachesEverySectionAndShowsSupport() throws IOException {
        Document doc = page("index.html");
        assertEquals("Small Help", doc.title());
        assertTrue(doc.select("main a").eachText().containsAll(List.of("Getting started", "Troubleshooting",
                "Tokens at a glance", "Reconnect an account")));
        assertEquals("mailto:help@small.example", doc.selectFirst("main a[href^=mailto:]").attr("href"));
    }

    @Test
    void draftsArePublishedNowhere() {
        assertFalse(Files.exists(site.resolve("getting-started/unfinished")));
        assertFalse(Files.exists(site.resolve("a/4")));
    }

    @Test
    void theFaqGivesEachQuestionItsAnchor() throws IOException {
        Document doc = page("faq/index.html");
        assertNotNull(doc.getElementById("token-length"));
        assertNotNull(doc.getElementById("can-i-connect-two-accounts"));
        assertTrue(doc.text().contains("LinkedIn tokens last 365 days."));
    }
}
