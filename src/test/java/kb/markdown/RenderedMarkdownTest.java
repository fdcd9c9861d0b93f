package kb.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A rendered document gives back its HTML and its sections' texts as they were, though kept packed. */
class RenderedMarkdownTest {
    private static final String HTML = "<p>Intro, with commas, 12,3\nand lines.</p>\n" + "<h2 id=\"a\">Part A</h2>\n<p>A's text</p>\n".repeat(60);

    @Test
    void theHtmlAndEverySectionComeBackWhole() {
        List<TextSection> sections = List.of(new TextSection(null, null, 0, "Intro, with commas, 12,3\nand lines."),
                new TextSection("Part A", "a", 2, "A's text ".repeat(100)), new TextSection("Empty", "empty", 3, ""),
                new TextSection("Último", "ultimo", 2, "Texto con acentos: ñ, é. 日本語"));
        RenderedMarkdown m = new RenderedMarkdown(HTML, List.of(), sections, List.of());
        assertEquals(HTML, m.html());
        assertEquals(sections, m.sections());
        assertEquals("Intro, with commas, 12,3\nand lines.\n" + "A's text ".repeat(100) + "\n\nTexto con acentos: ñ, é. 日本語",
                m.plainText());
        assertEquals(List.of("Part A", "Empty", "Último"), m.sectionHeads().stream().skip(1).map(TextSection::heading).toList());
    }

    @Test
    void aDocumentWithoutSectionsOrHtml() {
        RenderedMarkdown empty = new RenderedMarkdown("", List.of(), List.of(), List.of());
        assertEquals("", empty.html());
        assertEquals(List.of(), empty.sections());
        RenderedMarkdown short1 = new RenderedMarkdown("<p>1,2</p>", List.of(), List.of(), List.of());
        assertEquals("<p>1,2</p>", short1.html());
    }

    @Test
    void equalDocumentsAreEqual() {
        List<TextSection> sections = List.of(new TextSection("Part A", "a", 2, "A's text ".repeat(100)));
        assertEquals(new RenderedMarkdown(HTML, List.of(), sections, List.of()),
                new RenderedMarkdown(new String(HTML.toCharArray()), List.of(), List.copyOf(sections), List.of()));
    }
}
