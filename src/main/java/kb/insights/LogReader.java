package kb.insights;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Streams the requests out of access-log files, a line at a time in a fixed buffer: a gigabyte
 * of logs takes the memory of one line. Gzipped rotations ({@code access.log.2.gz}) are
 * recognised by their first bytes, whatever their name. Lines that are not requests, or longer
 * than {@link #MAX_LINE}, are counted and skipped.
 */
public final class LogReader {
    /** Longer lines are no access-log line a host writes; they are skipped unread. */
    static final int MAX_LINE = 64 * 1024;

    private final Consumer<LogLine> sink;
    private long lines;
    private long malformed;
    private String firstMalformed;

    public LogReader(Consumer<LogLine> sink) {
        this.sink = sink;
    }

    /** Reads one log file to the end. */
    public void read(Path file) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            raw.mark(2);
            int b1 = raw.read();
            int b2 = raw.read();
            raw.reset();
            InputStream in = b1 == 0x1f && b2 == 0x8b ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16) : raw;
            read(in, file.toString());
        }
    }

    /** Reads requests from a stream; {@code name} says where, in the note on the first bad line. */
    public void read(InputStream in, String name) throws IOException {
        byte[] line = new byte[MAX_LINE];
        int length = 0;
        boolean tooLong = false;
        long number = 0;
        byte[] buffer = new byte[1 << 16];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            for (int i = 0; i < n; i++) {
                byte b = buffer[i];
                if (b == '\n') {
                    number++;
                    line(line, length, tooLong, name, number);
                    length = 0;
                    tooLong = false;
                } else if (length < MAX_LINE) {
                    line[length++] = b;
                } else {
                    tooLong = true;
                }
            }
        }
        if (length > 0 || tooLong) {
            line(line, length, tooLong, name, number + 1);
        }
    }

    private void line(byte[] bytes, int length, boolean tooLong, String name, long number) {
        if (length > 0 && bytes[length - 1] == '\r') {
            length--;
        }
        if (length == 0 && !tooLong) {
            return; // blank lines are nothing, not something wrong
        }
        lines++;
        LogLine parsed = tooLong ? null : parse(bytes, length);
        if (parsed == null) {
            malformed++;
            if (firstMalformed == null) {
                firstMalformed = name + ":" + number;
            }
            return;
        }
        sink.accept(parsed);
    }

    /** One line in either format; null when it is neither. */
    static LogLine parse(byte[] bytes, int length) {
        int start = 0;
        while (start < length && (bytes[start] == ' ' || bytes[start] == '\t')) {
            start++;
        }
        if (start < length && bytes[start] == '{') {
            return JsonFormat.parse(bytes, length);
        }
        return CombinedFormat.parse(new String(bytes, 0, length, StandardCharsets.ISO_8859_1));
    }

    /** Lines read, blank ones aside. */
    public long lines() {
        return lines;
    }

    /** Lines that were not a request in a known format. */
    public long malformed() {
        return malformed;
    }

    /** Where the first malformed line was ({@code file:line}), or null. */
    public String firstMalformed() {
        return firstMalformed;
    }
}
