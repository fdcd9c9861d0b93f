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

    /** The manifest {@link PublishedManifest#updated} makes of the file, as text. */
    private String updated(PublishedTargets targets, boolean acceptRemovals) throws Exception {
        try (var in = new java.util.zip.InflaterInputStream(new java.io.ByteArrayInputStream(
                PublishedManifest.updated(content, targets, acceptRemovals)))) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /**
     * A build skips the manifest's check and update exactly when the file lists what the build
     * publishes, as an update would leave it.
     */
    @Test
    void theFileIsCurrentExactlyWhenTheUpdateWouldLeaveItAsItIs() throws Exception {
        Path file = content.resolve(PublishedManifest.FILE);
        String written = HEADER + "/\n/a/7/\n/basics/start/\n/basics/start/#install\n/basics/start/#sign-in\n";
        List<String> files = List.of(written,
                written + "/old/page/\n", // published before, gone now
                written.replace("/a/7/\n", ""), // one published line missing
                written.replace("/a/7/\n/basics/start/\n", "/basics/start/\n/a/7/\n"), // out of order
                written.replace("/a/7/\n", "/a/7/\n/a/7/\n"), // twice
                written.replace("\n", "\r\n"),
                written.substring(0, written.length() - 1), // no newline at the end
                written.replace("/a/7/", "/a/7/ "),
                written.substring(HEADER.length()), // no header
                "");
        for (String text : files) {
            Files.writeString(file, text);
            // Exactly what is published: no removal to accept, and the file as either update leaves it.
            boolean current = text.equals(updated(site(), true));
            assertEquals(current, PublishedManifest.current(content, site()), () -> "for " + text.replace("\n", "|"));
            assertEquals(current, current && text.equals(updated(site(), false)));
        }
        Files.delete(file);
        assertEquals(false, PublishedManifest.current(content, site()), "no file yet");
    }
}
