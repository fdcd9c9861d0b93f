package kb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InsightsCommandTest {
    @Test
    void everyUnreadableLogIsNamedAtOnce(@TempDir Path dir) {
        CliRun.Result r = CliRun.run("insights", dir.resolve("a.log").toString(), dir.toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("a.log: cannot read this log file (no such file)"), r.err());
        assertTrue(r.err().contains(dir + ": cannot read this log file (not a readable file)"), r.err());
        assertTrue(!r.err().contains("Exception"), r.err());
    }

    @Test
    void aWrongDateIsAUsageErrorQuotingIt(@TempDir Path dir) throws IOException {
        Path log = java.nio.file.Files.writeString(dir.resolve("access.log"), "");
        CliRun.Result r = CliRun.run("insights", "--since", "last tuesday", log.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("got 'last tuesday'"), r.err());
    }

    static Path helpCenter(Path dir) throws IOException {
        return kb.testing.TestSites.minimal(dir.resolve("content"), java.util.Map.of("first.md",
                "---\ntitle: Reconnect your page\nid: 7\n---\n\nOpen settings and reconnect.\n"));
    }

    static Path log(Path dir) throws IOException {
        return java.nio.file.Files.writeString(dir.resolve("access.log"),
                "h - - [06/Dec/2026:10:00:00 +0000] \"GET /_kb/e?t=search&q=qwxz&n=0 HTTP/1.1\" 204 0 \"-\" \"Mozilla\"\n"
                        + "h - - [06/Dec/2026:10:00:01 +0000] \"GET /_kb/e?t=search&q=reconnect&n=1 HTTP/1.1\" 204 0 \"-\" \"Mozilla\"\n"
                        + "not a log line\n");
    }

    @Test
    void printsTablesWithWhatToDo(@TempDir Path dir) throws IOException {
        Path content = helpCenter(dir);
        CliRun.Result r = CliRun.run("insights", "--content", content.toString(), "--out", dir.resolve("site").toString(),
                log(dir).toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("Skipped 1 lines that are not access-log requests (the first at " + dir.resolve("access.log") + ":3)"),
                r.out());
        String noResults = r.out().substring(r.out().indexOf("Searches with no results, still none today"));
        assertTrue(noResults.lines().anyMatch(l -> l.matches("1\\s+qwxz")), noResults);
        assertTrue(noResults.contains("-> synonym:"), noResults);
        assertTrue(!java.nio.file.Files.exists(dir.resolve("site")), "kb insights wrote a site");
    }

    @Test
    void aReportFolderThatCannotBeMadeIsNamed(@TempDir Path dir) throws IOException {
        Path content = helpCenter(dir);
        Path file = java.nio.file.Files.writeString(dir.resolve("taken"), "x");
        CliRun.Result r = CliRun.run("insights", "--html", file.toString(), "--content", content.toString(),
                "--out", dir.resolve("site").toString(), log(dir).toString());
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith(file + ": cannot write the report there"), r.err());
    }

    @Test
    void jsonAndHtmlCannotBothBeAsked(@TempDir Path dir) {
        CliRun.Result r = CliRun.run("insights", "--json", "--html", dir.toString(), "x.log");
        assertEquals(2, r.status());
    }
}
