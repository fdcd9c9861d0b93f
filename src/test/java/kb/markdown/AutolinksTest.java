package kb.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import kb.diagnostic.Problems;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * Bare addresses in prose become links: a URL, an e-mail address, a www. address, alone in a page
 * or among other text. A page without any (most pages) is parsed without the autolinker, so these
 * pin that each kind still finds it.
 */
class AutolinksTest {
    private static List<String> hrefs(String markdown) {
        String html = new MarkdownRenderer(false, EnglishLabels.LABELS)
                .render(Path.of("content/articles/basics/a.md"), 1, markdown, Links.AS_WRITTEN, Facts.NONE, new Problems()).html();
        return Jsoup.parseBodyFragment(html).select("a").stream().map(a -> a.attr("href")).toList();
    }

    @Test
    void eachKindOfBareAddressBecomesALink() {
        assertEquals(List.of("https://status.example.com/incidents"), hrefs("See https://status.example.com/incidents today.\n"));
        assertEquals(List.of("mailto:help@example.com"), hrefs("Write to help@example.com.\n"));
        assertEquals(List.of("http://www.example.com"), hrefs("Our site, www.example.com, has it.\n"));
    }

    @Test
    void anAddressDeepInALongPageIsStillFound() {
        String prose = "A paragraph of ordinary words about tokens and reconnecting.\n\n".repeat(40);
        assertEquals(List.of("mailto:billing@example.com"), hrefs(prose + "- ask billing@example.com\n"));
    }

    @Test
    void textWithoutAddressesHasNoLinks() {
        assertEquals(List.of(), hrefs("Version 2.5 of the app, at 10:30, for teams of 5.\n"));
    }

    @Test
    void theGateLetsThroughEveryTriggerWhateverItsCase() {
        assertTrue(MarkdownRenderer.mayAutolink("go to WWW.Example.com"));
        assertTrue(MarkdownRenderer.mayAutolink("ftp://host"));
        assertTrue(MarkdownRenderer.mayAutolink("a@b"));
        assertFalse(MarkdownRenderer.mayAutolink("Version 2.5, at 10:30, w.w. example"));
    }

}
