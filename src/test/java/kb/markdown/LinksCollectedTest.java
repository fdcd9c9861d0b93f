package kb.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import kb.diagnostic.Problems;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Every link a page has is handed to the link check, located, and rewritten the same way. */
class LinksCollectedTest {
    private static final Path FILE = Path.of("content/articles/basics/a.md");

    private static RenderedMarkdown render(String markdown, Links links) {
        return new MarkdownRenderer(false, kb.markdown.EnglishLabels.LABELS).render(FILE, 5, markdown, links, Facts.NONE, new Problems());
    }

    @Test
    void inlineLinksImagesAndAutolinksAreCollectedWithTheirPlace() {
        RenderedMarkdown page = render("See [the FAQ](/faq/#q).\n\n![chart](img.png) <https://example.com/>\n",
                Links.AS_WRITTEN);
        assertEquals(List.of("/faq/#q @ 5:5", "img.png @ 7:1", "https://example.com/ @ 7:19"),
                page.links().stream().map(l -> l.href() + " @ " + l.at().line() + ":" + l.at().column()).toList());
    }

    @Test
    void referenceStyleLinksAreCheckedWhereTheirUrlIsWritten() {
        RenderedMarkdown page = render("A [reference link][docs] and ![img][pic].\n\n[docs]: ../other/b.md#x\n[pic]: p.png\n",
                href -> "rewritten:" + href);
        assertEquals(List.of("../other/b.md#x @ 7:1", "p.png @ 8:1"),
                page.links().stream().map(l -> l.href() + " @ " + l.at().line() + ":" + l.at().column()).toList());
        Document doc = Jsoup.parseBodyFragment(page.html());
        assertEquals("rewritten:../other/b.md#x", doc.selectFirst("a").attr("href"), "rewritten like an inline link");
        assertEquals("rewritten:p.png", doc.selectFirst("img").attr("src"));
    }
}
