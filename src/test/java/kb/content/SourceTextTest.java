package kb.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import kb.diagnostic.KbException;
import kb.diagnostic.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What kb reads from disk: UTF-8, with line endings and byte-order marks normalised. */
class SourceTextTest {
    @TempDir
    Path dir;

    private Path file(byte[] bytes) throws IOException {
        return Files.write(dir.resolve("a.md"), bytes);
    }

    private Problem refused(Path file) {
        KbException e = assertThrows(KbException.class, () -> SourceText.read(file));
        return e.problems().get(0);
    }

    @Test
    void invalidUtf8IsAnErrorAtTheFirstBadByte() throws IOException {
        byte[] latin1 = "---\ntitle: Caf\u00e9 cr\u00e8me\n---\n".getBytes(StandardCharsets.ISO_8859_1);
        Problem p = refused(file(latin1));
        assertEquals(file(latin1) + ":2:11: file is not valid UTF-8 (save it as UTF-8 in your editor)", p.toString());
    }

    @Test
    void aTruncatedMultiByteCharacterAtTheEndIsFound() throws IOException {
        byte[] bytes = {'o', 'k', '\n', 'x', (byte) 0xE2, (byte) 0x82};
        assertEquals("2:2", line(refused(file(bytes))));
    }

    @Test
    void overlongAndSurrogateEncodingsAreNotUtf8() throws IOException {
        assertEquals("1:3", line(refused(file(new byte[] {'a', 'b', (byte) 0xC0, (byte) 0xAF}))));
        assertEquals("1:1", line(refused(file(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}))));
    }

    @Test
    void columnsCountCharactersNotBytes() throws IOException {
        byte[] bytes = ("h\u00e9llo \u2603 ").getBytes(StandardCharsets.UTF_8);
        byte[] bad = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, bad, 0, bytes.length);
        bad[bytes.length] = (byte) 0xFF;
        assertEquals("1:9", line(refused(file(bad))));
    }

    @Test
    void aByteOrderMarkIsDropped() throws IOException {
        byte[] text = "---\ntitle: A\n---\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        assertEquals("---\ntitle: A\n---\n", SourceText.read(file(withBom)).text());
    }

    @Test
    void crlfAndLoneCrBecomeNewlinesSoLinesMatchTheEditor() throws IOException {
        SourceText crlf = SourceText.read(file("one\r\ntwo\r\nthree".getBytes(StandardCharsets.UTF_8)));
        assertEquals("one\ntwo\nthree", crlf.text());
        SourceText cr = SourceText.read(file("one\rtwo\r\rfour".getBytes(StandardCharsets.UTF_8)));
        assertEquals("one\ntwo\n\nfour", cr.text());
        assertEquals("four", cr.line(4));
        assertEquals("", cr.line(9));
    }

    @Test
    void aFileLargerThanTheLimitIsRefusedWithoutReadingIt() throws IOException {
        Path big = dir.resolve("big.md");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(SourceText.MAX_BYTES + 1); // sparse: nothing is really written
        }
        Problem p = refused(big);
        assertEquals(big + ":1:1: file is larger than 20 MB (split it into several articles)", p.toString());
    }

    @Test
    void anUnreadableFileIsAProblemNotACrash() {
        Problem p = refused(dir.resolve("missing.md"));
        assertEquals(dir.resolve("missing.md"), p.where().file());
    }

    private static String line(Problem p) {
        return p.where().line() + ":" + p.where().column();
    }
}
