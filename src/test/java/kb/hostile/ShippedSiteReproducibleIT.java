package kb.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import kb.testing.FixtureSites;
import kb.testing.TestSites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped help center, built twice from two copies, gives byte-identical sites but for
 * each language's .kb/ (Lucene writes a random segment id and a timestamp; see ReproducibleBuildTest),
 * so a deploy uploads only what changed.
 */
class ShippedSiteReproducibleIT {
    @TempDir
    Path dir;

    private List<String> build(String name) {
        Path content = FixtureSites.copyTree(TestSites.CONTENT, dir.resolve(name).resolve("content"));
        Path site = dir.resolve(name).resolve("site");
        TestSites.build(content, site);
        return FixtureSites.hashes(site).stream().filter(h -> !h.startsWith(".kb/") && !h.contains("/.kb/")).toList(); // es/.kb/ too
    }

    @Test
    void theShippedSiteBuildsByteIdenticalTwice() {
        List<String> one = build("one");
        assertTrue(one.size() > 100, one.size() + " files");
        assertEquals("", FixtureSites.diff(one, build("two")));
    }
}
