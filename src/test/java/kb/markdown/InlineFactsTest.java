package kb.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import kb.diagnostic.Problems;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Data facts in Markdown: shown as text, boxes on their own, every mistake located. */
class InlineFactsTest {
    private static final Path FILE = Path.of("content/articles/basics/a.md");

    /** LinkedIn is known; its name carries markup, which must come out as text. */
    private static final Facts FACTS = new Facts() {
        @Override
        public String inline(String fact, String network) {
            if (!network.equals("linkedin")) {
                throw new IllegalArgumentException("unknown network '" + network + "'");
            }
            return switch (fact) {
                case "lifespan" -> "365 days";
                case "name" -> "Linked<b>In</b> *star* [x](javascript:alert(1))";
                default -> throw new IllegalArgumentException("unknown fact '" + fact + "'");
            };
        }

        @Override
        public String box(String network) {
            inline("name", network);
            return "<aside class=\"token-facts\">box</aside>";
        }
    };

    private final Problems problems = new Problems();

    private Document render(String markdown) {
        return Jsoup.parseBodyFragment(new MarkdownRenderer(false, kb.markdown.EnglishLabels.LABELS)
                .render(FILE, 5, markdown, Links.AS_WRITTEN, FACTS, problems).html());
    }

    private List<String> problems() {
        return problems.all().stream().map(Object::toString).toList();
    }

    @Test
    void anInlineFactIsTextEvenWhenTheDataLooksLikeMarkup() {
        Document doc = render("It lasts {{ lifespan linkedin }} on {{ name linkedin }}.\n");
        assertEquals("It lasts 365 days on Linked<b>In</b> *star* [x](javascript:alert(1)).", doc.selectFirst("p").text());
        assertTrue(doc.select("b, em, a").isEmpty(), doc.body().html());
        assertEquals(List.of(), problems());
    }

    @Test
    void unknownFactsAndNetworksAreLocatedErrors() {
        render("Intro.\n\nIt lasts {{ lifespan linkdin }} and {{ colour linkedin }}.\n");
        assertEquals(List.of("content/articles/basics/a.md:7:10: unknown network 'linkdin'",
                "content/articles/basics/a.md:7:37: unknown fact 'colour'"), problems());
    }

    @Test
    void aFactsBoxOnItsOwnLineBecomesTheBox() {
        Document doc = render("Before.\n\n{{ token-facts linkedin }}\n\nAfter.\n");
        assertNotNull(doc.selectFirst("aside.token-facts"));
        assertEquals(List.of("Before.", "After."), doc.select("p").eachText());
    }

    @Test
    void aFactsBoxJoinedToAParagraphIsAnErrorNotLeakedText() {
        render("Some text\n{{ token-facts linkedin }}\n");
        render("- an item\n  {{ token-facts linkedin }}\n");
        assertEquals(List.of(
                "content/articles/basics/a.md:6:1: the token-facts box must stand on its own, not inside a paragraph or list "
                        + "(leave a blank line before and after {{ token-facts ... }})",
                "content/articles/basics/a.md:6:1: the token-facts box must stand on its own, not inside a paragraph or list "
                        + "(leave a blank line before and after {{ token-facts ... }})"), problems());
    }

    @Test
    void aWriterTypingKbsInternalMarkersGetsPlainText() {
        Document doc = render("KBFACTSBOX-linkedin\n\n> KBCALLOUT-TIP\n> quoted\n");
        assertEquals("KBFACTSBOX-linkedin", doc.selectFirst("p").text());
        assertNull(doc.selectFirst("aside"), doc.body().html());
        assertEquals("KBCALLOUT-TIP quoted", doc.selectFirst("blockquote").text());
        assertEquals(List.of(), problems());
    }
}
