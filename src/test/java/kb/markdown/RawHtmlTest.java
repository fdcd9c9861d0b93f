package kb.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import kb.diagnostic.Problems;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Raw HTML in Markdown is shown as text unless kb.yaml says {@code raw_html: true}. */
class RawHtmlTest {
    private static final String HOSTILE = """
            <script>alert(1)</script>

            Inline <img src=x onerror=alert(2)> and <b onclick="alert(3)">bold</b>.

            <iframe src="https://evil.example/"></iframe>
            """;

    private static Document render(boolean rawHtml, String markdown) {
        return Jsoup.parseBodyFragment(new MarkdownRenderer(rawHtml, kb.markdown.EnglishLabels.LABELS)
                .render(Path.of("a.md"), 1, markdown, Links.AS_WRITTEN, Facts.NONE, new Problems()).html());
    }

    @Test
    void rawHtmlIsEscapedByDefault() {
        Document doc = render(false, HOSTILE);
        assertTrue(doc.select("script, img, iframe, b").isEmpty(), doc.body().html());
        assertTrue(doc.getAllElements().stream().allMatch(e -> e.attributes().asList().stream()
                .noneMatch(a -> a.getKey().startsWith("on"))), doc.body().html());
        assertEquals("<script>alert(1)</script>", doc.selectFirst("p").text(), "shown to the reader as written");
    }

    @Test
    void rawHtmlPassesWhenTheSiteAllowsIt() {
        Document doc = render(true, "<div class=\"note\">Hand-written <b>HTML</b></div>\n\nText with <kbd>Ctrl</kbd>.\n");
        assertNotNull(doc.selectFirst("div.note b"), doc.body().html());
        assertEquals("Ctrl", doc.selectFirst("kbd").text());
    }

    @Test
    void markdownInsideCodeIsAlwaysEscaped() {
        Document doc = render(true, "`<script>x</script>`\n\n```\n<b>not bold</b>\n```\n");
        assertTrue(doc.select("script, b").isEmpty(), doc.body().html());
        assertEquals("<script>x</script>", doc.selectFirst("code").text());
    }
}
