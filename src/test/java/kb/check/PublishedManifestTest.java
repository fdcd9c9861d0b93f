package kb.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** content/published-urls.txt as a build leaves it: what was there, plus what the build publishes, sorted once each. */
class PublishedManifestTest {
    private static final String HEADER = "# Every URL and anchor this help center has published. Written by the build;\n"
            + "# commit it. A build fails if one would disappear (see README: links that last).\n";

    @TempDir
    Path content;

    private static PublishedTargets site() {
        return new PublishedTargets().add("", List.of()).add("basics/start/", List.of("install", "sign-in"))
                .add("a/7/", List.of());
    }

    @Test
    void aFirstBuildWritesEveryPageAndAnchorSorted() throws Exception {
        PublishedManifest.record(content, PublishedManifest.updated(content, site(), false));
        assertEquals(HEADER + "/\n/a/7/\n/basics/start/\n/basics/start/#install\n/basics/start/#sign-in\n",
                Files.readString(content.resolve(PublishedManifest.FILE)));
    }

    @Test
    void linesPublishedBeforeStayOnceEachAndRemovalsAcceptedGo() throws Exception {
        Path file = content.resolve(PublishedManifest.FILE);
        Files.writeString(file, "# mine\n/old/page/\n  /basics/start/#install  \n\n/a/7/\nhand/written/\n/basics/start/#gone\n");
        PublishedManifest.record(content, PublishedManifest.updated(content, site(), false));
        assertEquals(HEADER + "/\n/a/7/\n/basics/start/\n/basics/start/#gone\n/basics/start/#install\n/basics/start/#sign-in\n"
                + "/old/page/\nhand/written/\n", Files.readString(file));
        PublishedManifest.record(content, PublishedManifest.updated(content, site(), true));
        assertEquals(HEADER + "/\n/a/7/\n/basics/start/\n/basics/start/#install\n/basics/start/#sign-in\n",
                Files.readString(file));
    }

    @Test
    void aBuildThatPublishesNothingNewLeavesTheFileAlone() throws Exception {
        Path file = content.resolve(PublishedManifest.FILE);
        PublishedManifest.record(content, PublishedManifest.updated(content, site(), false));
        FileTime before = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(file, before);
        PublishedManifest.record(content, PublishedManifest.updated(content, site(), false));
        assertEquals(before, Files.getLastModifiedTime(file), "not written again");
        // One more line than the file: written.
        PublishedManifest.record(content, PublishedManifest.updated(content, site().add("b/", List.of()), false));
        assertEquals(List.of("/", "/a/7/", "/b/"), Files.readAllLines(file).subList(2, 5));
    }
}
