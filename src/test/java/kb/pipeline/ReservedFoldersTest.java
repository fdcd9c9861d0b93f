package kb.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import kb.content.ContentLoader;
import kb.testing.FixtureSites;
import kb.testing.TestSites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every top-level folder a build writes is a section or one of the names kb keeps for itself,
 * so {@link ContentLoader#RESERVED} (which stops a section or alias from overwriting kb's own
 * pages) cannot fall behind when a new kind of page is added.
 */
class ReservedFoldersTest {
    @TempDir
    Path dir;

    @Test
    void everyFolderKbWritesIsASectionOrReserved() throws IOException {
        Path site = dir.resolve("site");
        TestSites.build(FixtureSites.copy("small-site", dir.resolve("content")), site);
        Set<String> folders = new TreeSet<>();
        try (Stream<Path> top = Files.list(site)) {
            top.filter(Files::isDirectory).forEach(p -> folders.add(p.getFileName().toString()));
        }
        folders.removeAll(List.of("getting-started", "troubleshooting"));
        assertEquals(new TreeSet<>(ContentLoader.RESERVED), folders,
                "a new top-level folder must be added to ContentLoader.RESERVED");
    }
}
