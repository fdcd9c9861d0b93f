package kb.content;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import kb.diagnostic.KbException;
import kb.diagnostic.Problem;
import kb.diagnostic.SourceLocation;

/**
 * A text file as the rest of kb sees it: valid UTF-8, no byte-order mark, lines ended by
 * {@code \n} only (CRLF and lone CR are folded), so every line and column kb reports matches
 * what the writer's editor shows.
 */
public record SourceText(Path path, String text) {
    /** Files larger than this are refused: no help article is 20 MB, and reading one would stall. */
    static final long MAX_BYTES = 20L * 1024 * 1024;

    /** Reads and normalises a file; invalid UTF-8 is an error pointing at the first bad byte. */
    public static SourceText read(Path path) {
        return of(path, bytes(path));
    }

    /** A file's bytes as they are, refused past {@link #MAX_BYTES}. */
    static byte[] bytes(Path path) {
        try {
            if (Files.size(path) > MAX_BYTES) {
                throw new KbException(Problem.error(SourceLocation.of(path),
                        "file is larger than " + MAX_BYTES / (1024 * 1024) + " MB",
                        "split it into several articles"));
            }
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new KbException(Problem.error(SourceLocation.of(path), "cannot read file: " + e.getMessage()));
        }
    }

    /** The text of {@code bytes}, read from {@code path}, as {@link #read} makes it. */
    static SourceText of(Path path, byte[] bytes) {
        return new SourceText(path, normalise(decode(path, bytes)));
    }

    /** The 1-based line, without its ending; empty past the end. */
    public String line(int number) {
        int start = 0;
        for (int i = 1; i < number; i++) {
            start = text.indexOf('\n', start) + 1;
            if (start == 0) {
                return "";
            }
        }
        int end = text.indexOf('\n', start);
        return end < 0 ? text.substring(start) : text.substring(start, end);
    }

    private static String decode(Path path, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new KbException(Problem.error(firstInvalidByte(path, bytes),
                    "file is not valid UTF-8", "save it as UTF-8 in your editor"));
        }
    }

    /** Finds the line and column of the first byte that is not UTF-8, by decoding a prefix at a time. */
    private static SourceLocation firstInvalidByte(Path path, byte[] bytes) {
        int line = 1;
        int column = 1;
        int i = 0;
        while (i < bytes.length) {
            int b = bytes[i] & 0xFF;
            int length = b < 0x80 ? 1 : b >= 0xC2 && b < 0xE0 ? 2 : b >= 0xE0 && b < 0xF0 ? 3 : b >= 0xF0 && b < 0xF5 ? 4 : 0;
            if (length == 0 || i + length > bytes.length || !validSequence(bytes, i, length)) {
                return new SourceLocation(path, line, column);
            }
            if (b == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
            i += length;
        }
        return new SourceLocation(path, line, column);
    }

    private static boolean validSequence(byte[] bytes, int start, int length) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, length));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String normalise(String text) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
    }
}
