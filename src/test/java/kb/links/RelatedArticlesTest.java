package kb.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kb.testing.TestSites;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Related articles: computed with Lucene over the same index, never the article itself, overridable. */
class RelatedArticlesTest {
    @TempDir
    Path temp;

    private static String article(int id, String title, String extra, String body) {
        return "---\nid: " + id + "\ntitle: " + title + "\n" + extra + "---\n\n" + body + "\n";
    }

    private Path content() throws Exception {
        return TestSites.minimal(temp.resolve("content"), Map.of(
                "checkpoint.md", article(1, "Security checkpoint", "",
                        "Facebook shows a security checkpoint after a suspicious login. Complete the checkpoint, clear cookies."),
                "suspicious-login.md", article(2, "Suspicious login alerts", "",
                        "A suspicious login triggers a checkpoint on Facebook; clear cookies and complete the checkpoint."),
                "invoices.md", article(3, "Invoices", "", "Download invoices and receipts from the billing page."),
                "receipts.md", article(4, "Receipts", "", "Receipts and invoices are in billing; download them as PDF."),
                "pinned.md", article(5, "Pinned choice", "related: [3]\n",
                        "A page whose related list a writer chose by hand.")));
    }

    private static List<String> related(Path site, String page) throws Exception {
        var doc = Jsoup.parse(site.resolve("basics/" + page + "/index.html").toFile());
        return doc.select("aside.related li a").eachText();
    }

    @Test
    void relatedArticlesAreTheMostSimilarOthersAndStableAcrossBuilds() throws Exception {
        Path content = content();
        Path first = temp.resolve("one");
        Path second = temp.resolve("two");
        TestSites.build(content, first);
        TestSites.build(content, second);
        List<String> forCheckpoint = related(first, "checkpoint");
        assertFalse(forCheckpoint.isEmpty());
        assertEquals("Suspicious login alerts", forCheckpoint.get(0));
        assertFalse(forCheckpoint.contains("Security checkpoint"), "never the article itself");
        assertEquals("Receipts", related(first, "invoices").get(0));
        for (String page : List.of("checkpoint", "suspicious-login", "invoices", "receipts", "pinned")) {
            assertEquals(related(first, page), related(second, page), "deterministic for " + page);
        }
    }

    @Test
    void frontMatterOverridesTheComputedList() throws Exception {
        Path site = temp.resolve("site");
        TestSites.build(content(), site);
        assertEquals(List.of("Invoices"), related(site, "pinned"));
    }
}
