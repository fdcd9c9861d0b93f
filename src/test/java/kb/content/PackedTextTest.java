package kb.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PackedTextTest {
    private static final String LONG = """
            ## Reconnect a page

            When a token expires — after 60 days on Facebook, «renewal» in Español, 日本語 too — the page
            stops publishing. Open **Settings → Connections** and choose *Reconnect*. 🔑
            """.repeat(40);

    @Test
    void aLongTextComesBackWholeWhateverItsCharacters() {
        PackedText packed = PackedText.of(LONG);
        assertEquals(LONG, packed.text());
        assertEquals(LONG, packed.text(), "reading it twice gives it twice");
    }

    @Test
    void shortAndEmptyTextsComeBackAsGiven() {
        assertEquals("", PackedText.of("").text());
        assertTrue(PackedText.of("").isEmpty());
        assertEquals("A short line.", PackedText.of("A short line.").text());
    }

    @Test
    void equalTextsAreEqualValues() {
        assertEquals(PackedText.of(LONG), PackedText.of(new String(LONG.toCharArray())));
        assertEquals(PackedText.of(LONG).hashCode(), PackedText.of(new String(LONG.toCharArray())).hashCode());
        assertNotEquals(PackedText.of(LONG), PackedText.of(LONG + "."));
        assertEquals(PackedText.of("short"), PackedText.of("short"));
    }

    @Test
    void manyThreadsPackAndUnpackAtOnce() {
        java.util.List<String> texts = java.util.stream.IntStream.range(0, 400)
                .mapToObj(i -> LONG.replace("Reconnect", "Reconnect " + i)).toList();
        java.util.List<String> back = texts.parallelStream().map(PackedText::of).map(PackedText::text).toList();
        assertEquals(texts, back);
    }
}
