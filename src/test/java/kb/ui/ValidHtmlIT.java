package kb.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kb.testing.NuHtmlChecker;
import kb.testing.TestSites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every page of the shipped site is valid HTML as the W3C Nu HTML Checker reads it: what
 * validator.w3.org/nu would tell a team that adopts the default theme.
 */
class ValidHtmlIT {
    @Test
    void everyPageOfTheShippedSitePassesTheNuHtmlChecker(@TempDir Path dir) {
        Path site = dir.resolve("site");
        TestSites.build(TestSites.CONTENT, site);
        assertEquals(List.of(), NuHtmlChecker.errors(site));
    }

    @Test
    void theCheckerNamesTheFileLineAndColumnOfAnError(@TempDir Path dir) throws IOException {
        TestSites.write(dir, Map.of("ok/index.html", """
                <!DOCTYPE html><html lang="en"><head><title>Fine</title></head><body><p>Fine.</p></body></html>
                """, "bad/index.html", """
                <!DOCTYPE html><html lang="en"><head><title>Bad</title></head><body>
                <input type="search" role="combobox" aria-expanded="false">
                </body></html>
                """));
        List<String> errors = NuHtmlChecker.errors(dir);
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("bad/index.html:2:"), errors.get(0));
        assertTrue(errors.get(0).contains("“input”"), errors.get(0));
    }
}
