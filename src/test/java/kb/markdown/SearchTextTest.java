package kb.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import kb.diagnostic.Problems;
import org.junit.jupiter.api.Test;

/** The plain text a page gives search: every word the reader sees, each one still a word. */
class SearchTextTest {
    private static final Path FILE = Path.of("content/articles/basics/a.md");

    private static List<TextSection> sections(String markdown) {
        return new MarkdownRenderer(false, kb.markdown.EnglishLabels.LABELS).render(FILE, 1, markdown, Links.AS_WRITTEN, Facts.NONE, new Problems()).sections();
    }

    @Test
    void tableCellsStaySeparateWords() {
        List<TextSection> parts = sections("Intro.\n\n| Setting | Value |\n|---|---|\n| The webhook was reconnected | Off |\n"
                + "| [Changing a password](b.md) | Every **token** ends |\n");
        assertEquals("Intro. Setting Value The webhook was reconnected Off Changing a password Every token ends",
                parts.get(0).text().replaceAll("\\s+", " "));
    }

    @Test
    void aTableInsideAListKeepsItsCellsApartToo() {
        List<TextSection> parts = sections("## Steps\n\n- Check this:\n\n  | Name | Limit |\n  |---|---|\n  | Pages | Ten |\n");
        assertEquals("Check this: Name Limit Pages Ten", parts.get(0).text().replaceAll("\\s+", " "));
    }

    @Test
    void runsOfWhiteSpaceBecomeOneSpaceAndOtherSpacesStay() {
        // A tab and line breaks inside a paragraph are white space; a no-break space and an em
        // space are characters the reader sees, kept as written.
        assertEquals("Tabs\u00a0and line breaks.\u2003Kept.", sections("Tabs\u00a0and\t\tline\nbreaks.\u2003Kept.\n").get(0).text());
    }

    @Test
    void aCalloutsMarkerIsNotPartOfTheText() {
        assertEquals("Back up the page first.", sections("> [!WARNING]\n> Back up the page first.\n").get(0).text());
    }

    @Test
    void inlineMarkupDoesNotSplitAWord() {
        assertEquals("An unbelievable linktext.", sections("An un**believ**able [link](b.md)text.\n").get(0).text());
    }
}
