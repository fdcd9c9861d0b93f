package kb.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import kb.diagnostic.Problem;
import kb.diagnostic.Problems;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * Pathological Markdown (50,000 nested brackets, quotes, list levels or emphasis markers) is a
 * located error in milliseconds, never a stack overflow or a minute of parsing; Markdown just
 * inside every limit still renders.
 */
class NestingLimitsTest {
    private static final Path FILE = Path.of("content/articles/basics/deep.md");
    private static final int N = 50_000;

    /** The single problem a document gets, as "line:col message". */
    private static String problem(String markdown) {
        Problems problems = new Problems();
        RenderedMarkdown page = assertTimeoutPreemptively(Duration.ofSeconds(20), () ->
                new MarkdownRenderer(false, kb.markdown.EnglishLabels.LABELS).render(FILE, 5, markdown, Links.AS_WRITTEN, Facts.NONE, problems));
        List<Problem> all = problems.all();
        assertEquals(1, all.size(), all.toString());
        assertEquals("", page.html(), "nothing is rendered from a refused document");
        return all.get(0).where().line() + ":" + all.get(0).where().column() + " " + all.get(0).message();
    }

    private static String renders(String markdown) {
        Problems problems = new Problems();
        RenderedMarkdown page = assertTimeoutPreemptively(Duration.ofSeconds(20), () ->
                new MarkdownRenderer(false, kb.markdown.EnglishLabels.LABELS).render(FILE, 5, markdown, Links.AS_WRITTEN, Facts.NONE, problems));
        assertTrue(problems.all().isEmpty(), problems.all().toString());
        return page.html();
    }

    @Test
    void fiftyThousandNestedQuotes() {
        assertEquals("5:33 block quotes and lists nested more than 32 levels deep", problem(">".repeat(N) + " x\n"));
    }

    @Test
    void fiftyThousandListLevels() {
        String list = IntStream.range(0, N / 10).mapToObj(i -> "  ".repeat(i) + "- level " + i)
                .collect(Collectors.joining("\n"));
        assertEquals("69:130 line indented more than 128 columns", problem(list));
    }

    @Test
    void quotesAndListsMixedOnOneLine() {
        assertEquals("5:65 block quotes and lists nested more than 32 levels deep", problem("> - ".repeat(N) + "x\n"));
    }

    @Test
    void fiftyThousandNestedBrackets() {
        assertEquals("5:33 more than 32 '[' left open in one paragraph", problem("[".repeat(N) + "x" + "]".repeat(N)));
    }

    @Test
    void fiftyThousandBracketsOnSeparateLinesOfOneParagraph() {
        assertEquals("37:1 more than 32 '[' left open in one paragraph", problem("[\n".repeat(N)));
    }

    @Test
    void fiftyThousandUnfinishedLinks() {
        assertEquals("5:99 more than 32 '(' left open in one paragraph", problem("[](".repeat(N)));
    }

    @Test
    void fiftyThousandEmphasisMarkers() {
        assertEquals("5:101 more than 100 '*' in a row", problem("*".repeat(N) + "x" + "*".repeat(N)));
        assertEquals("5:101 more than 100 '_' in a row", problem("_".repeat(N) + "x" + "_".repeat(N)));
        assertEquals("5:101 more than 100 '~' in a row", problem("~~".repeat(N) + "x"));
    }

    @Test
    void emphasisMarkersNestedLineByLine() {
        assertEquals("1005:1 more than 2000 emphasis markers (*, _, ~) in one paragraph",
                problem("*_\n".repeat(N / 2) + "x" + "\n_*".repeat(N / 2)));
    }

    @Test
    void backslashesInALinkLabelThatNeverCloses() {
        // flexmark's link label pattern backtracks exponentially here: 48 backslashes ran for minutes.
        assertEquals("5:18 more than 16 backslashes inside one [...]", problem("[" + "\\".repeat(N) + "[x\n"));
        assertEquals("5:34 more than 16 backslashes inside one [...]", problem("[" + "\\!".repeat(N) + "\n"));
    }

    @Test
    void backslashesOutsideBracketsAreFine() {
        String paths = "Open C:\\Users\\you\\AppData\\Local\\Lofty and \\\\server\\share\\x\\y\\z\\w\\v\\u. ".repeat(20);
        assertTrue(Jsoup.parseBodyFragment(renders(paths)).text().startsWith("Open C:\\Users"));
        renders("[" + "\\!".repeat(8) + "] is a label with sixteen backslashes\n");
    }

    @Test
    void escapedMarkersAndCodeFencesDoNotCount() {
        String escaped = "\\[".repeat(2000);
        assertTrue(Jsoup.parseBodyFragment(renders(escaped)).text().startsWith("[[["));
        String fenced = "```\n" + "[".repeat(N) + "\n" + ">".repeat(200) + "\n```\n";
        assertNotNull(Jsoup.parseBodyFragment(renders(fenced)).selectFirst("pre code"));
    }

    @Test
    void markdownJustInsideEveryLimitStillRenders() {
        renders(">".repeat(32) + " thirty-two quotes\n");
        renders(IntStream.range(0, 32).mapToObj(i -> "    ".repeat(i) + "- level " + i).collect(Collectors.joining("\n")));
        renders("[".repeat(32) + "x" + "]".repeat(32) + "\n");
        renders("*".repeat(100) + "x" + "*".repeat(100) + "\n");
        renders("*_\n".repeat(500) + "x" + "\n_*".repeat(500));
        renders("[a](b) ".repeat(999) + "\n");
        String table = "| a | b |\n|---|---|\n" + "| **x** | *y* |\n".repeat(2000);
        assertEquals(2000, Jsoup.parseBodyFragment(renders(table)).select("tbody tr").size(),
                "each table row is counted on its own");
    }

    @Test
    void manyEscapesInOneParagraph() {
        assertEquals("5:4001 more than 2000 backslash escapes in one paragraph", problem("\\[".repeat(N)));
        assertEquals("5:4001 more than 2000 backslash escapes in one paragraph", problem("\\".repeat(N)));
    }

    @Test
    void inlineCodeEverywhereInOneParagraphIsRefused() {
        // each code span costs flexmark a copy of the paragraph: 40,000 of them took 52 s
        String problem = problem("LinkedIn " + "`]".repeat(40_000) + " token.");
        assertTrue(problem.startsWith("5:") && problem.contains(" too much inline code, HTML or entities in one paragraph ("), problem);
        // the same copy for every tag and every entity flexmark tries to match
        assertTrue(problem("LinkedIn " + "<div>".repeat(24_000)).contains(" too much inline code, HTML or entities "));
        assertTrue(problem("LinkedIn " + "&amp;".repeat(24_000)).contains(" too much inline code, HTML or entities "));
        assertEquals("5:44 more than 32 '`' in a row", problem("Some code: " + "`".repeat(40) + "x"));
        // runs of every length, each looking ahead for a partner it never finds
        assertTrue(problem(IntStream.range(1, 300).mapToObj(i -> "`".repeat(i) + "a").collect(Collectors.joining()))
                .endsWith(" more than 32 '`' in a row"));
    }

    @Test
    void inlineCodeAsHelpArticlesUseItRenders() {
        String paragraph = "Open `Settings` and then `Integrations`, pick ``a `tick` here`` and go. ".repeat(60);
        assertEquals(180, Jsoup.parseBodyFragment(renders(paragraph + "\n")).select("code").size());
        String entities = "Fish &amp; chips &copy; <https://example.com/a> and <b>bold</b> &#169; ".repeat(60);
        assertEquals(60, Jsoup.parseBodyFragment(renders(entities + "\n")).select("a[href]").size());
    }

    @Test
    void aLongRuleOverflowsFlexmarksPatternSoItIsRefused() {
        assertEquals("6:1 more than 500 '-' opening a line", problem("Text\n" + "-".repeat(N)));
        assertEquals("5:1 more than 500 '_' opening a line", problem("_ ".repeat(600)));
        assertEquals("5:3 more than 500 '*' opening a line", problem("> " + "** ".repeat(300)));
    }

    @Test
    void aLongWordOfDotsAndLettersIsRefusedForTheAutolinker() {
        assertEquals("5:257 more than 256 letters, digits, '.', '+' or '-' without a space", problem("a.".repeat(N)));
        renders("-".repeat(300) + "x\n");
        renders("A.".repeat(N / 10) + "\n");
    }

    @Test
    void aParagraphOfManyLinesIsRefused() {
        assertEquals("5005:1 more than 5000 lines without a blank line", problem("!\n".repeat(N)));
        renders("!\n\n".repeat(N / 10));
    }

    @Test
    void aThematicBreakOfManyDashesIsFine() {
        assertNotNull(Jsoup.parseBodyFragment(renders("Text\n\n" + "-".repeat(500) + "\n\nMore\n")).selectFirst("hr"));
    }
}
