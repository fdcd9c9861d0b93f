package kb.insights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogParsingTest {
    private static LogLine one(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        return LogReader.parse(bytes, bytes.length);
    }

    @Test
    void readsNginxCombinedFormat() {
        LogLine l = one("203.0.113.9 - - [06/Dec/2026:13:55:36 +0100] \"GET /_kb/e?t=search&q=fb HTTP/1.1\" 204 0"
                + " \"https://help.test/\" \"Mozilla/5.0 (X11)\"");
        assertEquals(Instant.parse("2026-12-06T12:55:36Z"), l.time());
        assertEquals("GET", l.method());
        assertEquals("/_kb/e", l.path());
        assertEquals("t=search&q=fb", l.query());
        assertEquals(204, l.status());
        assertEquals("Mozilla/5.0 (X11)", l.userAgent());
    }

    @Test
    void readsQuotesEscapedTheWayNginxAndApacheEscapeThem() {
        LogLine nginx = one("::1 - - [06/Dec/2026:13:55:36 +0000] \"GET /x?q=a\\x22b HTTP/1.1\" 404 9 \"-\" \"say \\x22hi\\x22\"");
        assertEquals("q=a\"b", nginx.query());
        assertEquals("say \"hi\"", nginx.userAgent());
        LogLine apache = one("::1 - frank [06/Dec/2026:13:55:36 -0700] \"GET /x HTTP/1.0\" 200 - \"-\" \"a \\\"quoted\\\" agent\"");
        assertEquals("a \"quoted\" agent", apache.userAgent());
        assertEquals(Instant.parse("2026-12-06T20:55:36Z"), apache.time());
    }

    @Test
    void readsTheCommonFormatWithoutRefererAndAgent() {
        LogLine l = one("127.0.0.1 - - [01/Jan/2026:00:00:00 +0000] \"GET /faq/ HTTP/1.1\" 200 2326");
        assertEquals("/faq/", l.path());
        assertEquals("", l.userAgent());
    }

    @Test
    void readsJsonLinesAsCdnsWriteThem() {
        LogLine cloudflare = one("{\"ClientRequestMethod\":\"GET\",\"ClientRequestURI\":\"/_kb/e?t=vote&v=yes\","
                + "\"EdgeResponseStatus\":200,\"EdgeStartTimestamp\":1796651736000000000,\"ClientRequestUserAgent\":\"UA\"}");
        assertEquals("/_kb/e", cloudflare.path());
        assertEquals("t=vote&v=yes", cloudflare.query());
        assertEquals(Instant.ofEpochSecond(1796651736L), cloudflare.time());
        LogLine google = one("{\"timestamp\":\"2026-12-06T10:00:05.123Z\",\"httpRequest\":{\"requestMethod\":\"GET\","
                + "\"requestUrl\":\"https://help.test/faq/?x=1\",\"status\":304,\"userAgent\":\"UA\"}}");
        assertEquals("/faq/", google.path());
        assertEquals(304, google.status());
        assertEquals(Instant.parse("2026-12-06T10:00:05.123Z"), google.time());
        LogLine nginxJson = one("{\"time_local\":\"x\",\"time\":\"06/Dec/2026:13:55:36 +0000\",\"request\":\"GET /a/1/ HTTP/1.1\",\"status\":\"200\"}");
        assertEquals("/a/1/", nginxJson.path());
        assertEquals(Instant.parse("2026-12-06T13:55:36Z"), nginxJson.time());
        LogLine split = one("{\"method\":\"get\",\"path\":\"/search/\",\"query\":\"q=%C3%A9\",\"status\":200}");
        assertEquals("GET", split.method());
        assertEquals("q=%C3%A9", split.query());
    }

    @Test
    void linesInNoKnownFormatAreNotRequests() {
        for (String bad : List.of("garbage", "{\"no\":\"fields\"}", "{broken json", "[06/Dec/2026:13:55:36 +0000]",
                "h - - [31/Feb/2026:13:55:36 +0000] \"GET / HTTP/1.1\" 200 1", "h - - [06/Dec/2026:13:55:36 +0000] \"-\" 400 0",
                "h - - [06/Dec/2026:13:55:36 +0000] \"GET / HTTP/1.1\" 2000 1", "h - - [06/Dec/2026:13:55:36 +0000] \"GET /")) {
            assertNull(one(bad), bad);
        }
    }

    @Test
    void countsAndSkipsMalformedLinesAndNamesTheFirst() throws IOException {
        List<LogLine> got = new ArrayList<>();
        LogReader reader = new LogReader(got::add);
        String text = "h - - [06/Dec/2026:13:55:36 +0000] \"GET /a/ HTTP/1.1\" 200 1\r\n\nnot a request\n\u0000\u0001\u00ff\n"
                + "h - - [06/Dec/2026:13:55:37 +0000] \"GET /b/ HTTP/1.1\" 200 1";
        reader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "access.log");
        assertEquals(List.of("/a/", "/b/"), got.stream().map(LogLine::path).toList());
        assertEquals(4, reader.lines());
        assertEquals(2, reader.malformed());
        assertEquals("access.log:3", reader.firstMalformed());
    }

    @Test
    void aLineLongerThanAnyHostWritesIsSkippedWithoutBeingKept() throws IOException {
        List<LogLine> got = new ArrayList<>();
        LogReader reader = new LogReader(got::add);
        String huge = "h - - [06/Dec/2026:13:55:36 +0000] \"GET /?" + "a".repeat(LogReader.MAX_LINE * 3) + " HTTP/1.1\" 200 1\n";
        String fine = "h - - [06/Dec/2026:13:55:36 +0000] \"GET /ok/ HTTP/1.1\" 200 1\n";
        reader.read(new ByteArrayInputStream((huge + fine).getBytes(StandardCharsets.UTF_8)), "x");
        assertEquals(1, reader.malformed());
        assertEquals(List.of("/ok/"), got.stream().map(LogLine::path).toList());
    }

    @Test
    void twentyThousandCharacterLinesParseInLinearTime() {
        String[] hostile = {
            "h - - [06/Dec/2026:13:55:36 +0000] \"GET /_kb/e?t=search&q=" + "%".repeat(20_000) + " HTTP/1.1\" 204 0 \"-\" \"-\"",
            "h - - [06/Dec/2026:13:55:36 +0000] \"" + "\\\\x".repeat(7_000) + "\" 200 1",
            "[".repeat(20_000),
            "h - - [" + "]".repeat(20_000),
            "h - - [06/Dec/2026:13:55:36 +0000] \"GET / HTTP/1.1\" 200 1 " + "\"".repeat(20_000),
            "{" + "\"a\":{".repeat(3_000) + "}".repeat(3_000) + "}",
        };
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            for (int round = 0; round < 20; round++) {
                for (String line : hostile) {
                    one(line);
                }
            }
        });
        assertNotNull(one(hostile[0]));
    }

    @Test
    void readsGzippedRotationsByTheirFirstBytesWhateverTheirName(@TempDir Path dir) throws IOException {
        Path rotated = dir.resolve("access.log.1");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(rotated))) {
            out.write("h - - [06/Dec/2026:13:55:36 +0000] \"GET /zipped/ HTTP/1.1\" 200 1\n".getBytes(StandardCharsets.UTF_8));
        }
        Path plain = Files.writeString(dir.resolve("access.log.gz"),
                "h - - [06/Dec/2026:13:55:36 +0000] \"GET /plain/ HTTP/1.1\" 200 1\n");
        List<LogLine> got = new ArrayList<>();
        LogReader reader = new LogReader(got::add);
        reader.read(rotated);
        reader.read(plain);
        assertEquals(List.of("/zipped/", "/plain/"), got.stream().map(LogLine::path).toList());
        assertEquals(0, reader.malformed());
    }
}
