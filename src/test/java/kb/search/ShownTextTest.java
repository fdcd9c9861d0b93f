package kb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** What a result shows of a record's text in the browser: its words, one space apart, cut at a word. */
class ShownTextTest {
    /** The text as the export once made it from the whole record: the definition the shown text keeps. */
    private static String wholeText(String fullText) {
        String text = fullText.replaceAll("\\s+", " ").strip();
        if (text.length() > BrowserExport.TEXT_CHARS) {
            int cut = text.lastIndexOf(' ', BrowserExport.TEXT_CHARS);
            text = text.substring(0, cut > 0 ? cut : BrowserExport.TEXT_CHARS) + "…";
        }
        return text;
    }

    @Test
    void aShortTextShowsWholeWithOneSpaceBetweenWords() {
        assertEquals("Reconnect the page. Then post again.", BrowserExport.shownText("\n  Reconnect the\tpage.\n\nThen post again.  \n"));
    }

    @Test
    void aLongTextIsCutAtTheLastWordThatFits() {
        String words = "word ".repeat(100);
        String shown = BrowserExport.shownText(words);
        assertEquals("word ".repeat(72).strip() + "…", shown);
    }

    @Test
    void aTextOfExactlyTheLimitIsNotCutEvenWithWhiteSpaceAfterIt() {
        String text = "x".repeat(BrowserExport.TEXT_CHARS);
        assertEquals(text, BrowserExport.shownText(text + " \n\t \u2003 "));
        assertEquals(text.substring(0, BrowserExport.TEXT_CHARS) + "…", BrowserExport.shownText(text + " \n y"));
    }

    @Test
    void anyTextShowsWhatTheWholeTextGave() {
        // Spaces the pattern \s knows, spaces only strip() knows, a no-break space, surrogates and
        // words, around the limit: the shown text is made of the first characters only.
        String[] pieces = {" ", "\t", "\n", "\r\n", "\u000B", "\f", "\u2003", "\u00a0", "\u001c", "\ud83d\ude00", "a", "word",
            "longerword", "x".repeat(50)};
        Random random = new Random(21);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int target = random.nextInt(BrowserExport.TEXT_CHARS * 2);
            while (text.length() < target) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            assertEquals(wholeText(text.toString()), BrowserExport.shownText(text.toString()), () -> "for " + text.toString().replace("\n", "\\n"));
        }
    }
}
