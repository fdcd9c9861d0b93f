package kb.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kb.cli.CliRun;
import kb.testing.FixtureSites;
import kb.testing.TestSites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 2's acceptance case, through the command line: a broken front matter, a missing title and
 * an unknown key give three {@code path:line:col} errors in one run, exit status 1, and the site
 * built before stays as it was.
 */
class ThreeErrorsInOneRunTest {
    @TempDir
    Path dir;

    @Test
    void threeMistakesThreeLocatedErrorsOneRunOldSiteKept() throws IOException {
        Path content = FixtureSites.copy("small-site", dir.resolve("content"));
        Path site = dir.resolve("site");
        String[] build = {"build", "--content", content.toString(), "--templates", TestSites.TEMPLATES.toString(),
                "--out", site.toString()};
        CliRun.Result first = CliRun.run(build);
        assertEquals(0, first.status(), first.err());
        List<String> before = FixtureSites.hashes(site);

        TestSites.write(content, Map.of(
                "articles/troubleshooting/broken.md", "---\nid: 10\ntitle: [Oops\n---\n\nBody.\n",
                "articles/troubleshooting/untitled.md", "---\nid: 11\nsummary: No title here.\n---\n\nBody.\n",
                "articles/troubleshooting/typo.md", "---\nid: 12\ntitle: Typo\ntitel: Typo\n---\n\nBody.\n"));
        CliRun.Result run = CliRun.run(build);

        assertEquals(1, run.status());
        String folder = content.resolve("articles/troubleshooting") + "/";
        List<String> errors = run.err().lines().filter(l -> l.startsWith(folder)).toList();
        assertEquals(List.of(
                folder + "broken.md:3:8: invalid YAML: while parsing a flow sequence: expected ',' or ']', but got <stream end>",
                folder + "typo.md:4:1: unknown key 'titel' in article front matter (did you mean 'title'?)",
                folder + "untitled.md:2:1: missing required 'title' (add a line 'title: ...')"), errors);
        assertTrue(run.err().contains("\n3 errors\n"), run.err());
        assertTrue(run.err().contains("was left as it was"), run.err());
        assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), run.err());
        assertEquals("", FixtureSites.diff(before, FixtureSites.hashes(site)), "the earlier site is unchanged, byte for byte");
        assertFalse(Files.exists(dir.resolve(".site.new")));
    }
}
