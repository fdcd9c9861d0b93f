package kb.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import kb.testing.FixtureSites;
import kb.testing.TestSites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same content and theme give byte-identical sites, so a deploy uploads only what changed.
 * One folder is left out: {@code .kb/}, the index {@code kb search} reopens. Lucene
 * stamps every segment with a random id and the time it was written (SegmentInfo's id and
 * "timestamp" diagnostic) and offers no way to fix them; nothing a browser loads comes from there.
 */
class ReproducibleBuildTest {
    @TempDir
    Path dir;

    static List<String> withoutLucene(Path site) {
        return FixtureSites.hashes(site).stream().filter(h -> !h.startsWith(".kb/")).toList();
    }

    @Test
    void twoBuildsOfTheSameContentAreByteIdentical() {
        // Two copies: a build writes published-urls.txt into its content, which must not feed back.
        Path one = dir.resolve("one/site");
        Path two = dir.resolve("two/site");
        TestSites.build(FixtureSites.copy("small-site", dir.resolve("one/content")), one);
        TestSites.build(FixtureSites.copy("small-site", dir.resolve("two/content")), two);
        List<String> first = withoutLucene(one);
        assertTrue(first.size() > 20, first.toString());
        assertEquals("", FixtureSites.diff(first, withoutLucene(two)));
    }

    @Test
    void rebuildingInPlaceChangesNothing() {
        Path content = FixtureSites.copy("small-site", dir.resolve("content"));
        Path site = dir.resolve("site");
        TestSites.build(content, site);
        List<String> first = withoutLucene(site);
        TestSites.build(content, site);
        assertEquals("", FixtureSites.diff(first, withoutLucene(site)));
    }
}
