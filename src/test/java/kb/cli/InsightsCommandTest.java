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

    @Test
    void jsonAndHtmlCannotBothBeAsked(@TempDir Path dir) {
        CliRun.Result r = CliRun.run("insights", "--json", "--html", dir.toString(), "x.log");
        assertEquals(2, r.status());
    }
}
