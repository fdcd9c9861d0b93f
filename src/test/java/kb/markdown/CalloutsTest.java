package kb.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kb.diagnostic.Problems;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Callouts: a block quote opened by {@code [!KIND]} becomes an aside with its title. */
class CalloutsTest {
    private static final Path FILE = Path.of("content/articles/basics/a.md");
    private final Problems problems = new Problems();

    private Document render(String markdown) {
        return Jsoup.parseBodyFragment(new MarkdownRenderer(false, kb.markdown.EnglishLabels.LABELS)
                .render(FILE, 5, markdown, Links.AS_WRITTEN, Facts.NONE, problems).html());
    }

    @Test
    void eachKindBecomesAnAsideWithItsClassAndTitle() {
        Map<String, String> titles = Map.of("NOTE", "Note", "TIP", "Tip", "RECOMMENDED", "Recommended",
                "IMPORTANT", "Important", "WARNING", "Warning", "CAUTION", "Caution");
        titles.forEach((kind, title) -> {
            Document doc = render("> [!" + kind + "]\n> Turn on **alerts**.\n");
            Element aside = doc.selectFirst("aside.callout.callout-" + kind.toLowerCase());
            assertTrue(aside != null, kind + ": " + doc.body().html());
            assertEquals(title, aside.selectFirst(".callout-title").text());
            assertEquals("Turn on alerts.", aside.select("p").last().text());
            assertEquals("alerts", aside.selectFirst("strong").text());
            assertNull(doc.selectFirst("blockquote"), kind);
            assertTrue(aside.text().indexOf("KBCALLOUT") < 0, "the internal marker never shows: " + aside.text());
        });
        assertTrue(problems.all().isEmpty(), problems.all().toString());
    }

    @Test
    void theMarkerIsCaseInsensitive() {
        assertEquals("Tip", render("> [!tip]\n> Lower case works.\n").selectFirst("aside.callout-tip .callout-title").text());
    }

    @Test
    void aPlainQuoteStaysABlockQuote() {
        Document doc = render("> Just a quote.\n");
        assertEquals("Just a quote.", doc.selectFirst("blockquote").text());
        assertNull(doc.selectFirst("aside"));
    }

    @Test
    void anUnknownKindIsAnErrorAtTheKind() {
        render("Intro.\n\n> [!DANGER]\n> Careful.\n");
        assertEquals(List.of("content/articles/basics/a.md:7:5: unknown callout '[!DANGER]' "
                + "(use one of CAUTION, IMPORTANT, NOTE, RECOMMENDED, TIP, WARNING)"),
                problems.all().stream().map(Object::toString).toList());
    }

    @Test
    void aMarkerInsideFencedCodeIsShownAsWritten() {
        Document doc = render("```\n> [!TIP]\n> not a callout\n```\n");
        assertEquals("> [!TIP]\n> not a callout\n", doc.selectFirst("pre code").wholeText());
        assertTrue(problems.all().isEmpty());
    }
}
