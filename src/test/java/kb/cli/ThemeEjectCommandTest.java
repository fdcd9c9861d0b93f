package kb.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThemeEjectCommandTest {
    /** The shipped theme, which the jar carries (tests run from the project folder). */
    private static final Path SHIPPED = Path.of("templates");

    @TempDir
    Path dir;

    private static List<String> files(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).map(f -> root.relativize(f).toString()).sorted().toList();
        }
    }

    @Test
    void withNoFileItCopiesTheWholeDefaultTheme() throws IOException {
        Path templates = dir.resolve("templates");
        CliRun.Result run = CliRun.run("theme", "eject", "--templates", templates.toString());
        assertEquals(0, run.status(), run.err());
        assertEquals(files(SHIPPED), files(templates));
        for (String f : files(SHIPPED)) {
            assertArrayEquals(Files.readAllBytes(SHIPPED.resolve(f)), Files.readAllBytes(templates.resolve(f)), f);
        }
        assertTrue(run.out().contains("Copied " + templates.resolve("article.peb")), run.out());
    }

    @Test
    void itCopiesTheNamedFilesAndFoldersOnly() throws IOException {
        Path templates = dir.resolve("templates");
        CliRun.Result run = CliRun.run("theme", "eject", "--templates", templates.toString(), "article", "assets/js/");
        assertEquals(0, run.status(), run.err());
        List<String> copied = files(templates);
        assertTrue(copied.contains("article.peb"), copied.toString());
        assertTrue(copied.stream().filter(f -> !f.equals("article.peb")).allMatch(f -> f.startsWith("assets/js/")), copied.toString());
        assertEquals(files(SHIPPED.resolve("assets/js")).size() + 1, copied.size());
    }

    @Test
    void itNeverOverwritesAndSaysWhatItSkipped() throws IOException {
        Path templates = Files.createDirectories(dir.resolve("templates"));
        Files.writeString(templates.resolve("article.peb"), "our own article page");
        CliRun.Result run = CliRun.run("theme", "eject", "--templates", templates.toString(), "article.peb", "base.peb");
        assertEquals(0, run.status(), run.err());
        assertEquals("our own article page", Files.readString(templates.resolve("article.peb")));
        assertTrue(Files.exists(templates.resolve("base.peb")));
        assertTrue(run.out().contains("Skipped 1 file already in " + templates + "/"), run.out());
        assertTrue(run.out().contains("  " + templates.resolve("article.peb")), run.out());
    }

    @Test
    void anUnknownFileIsAUsageErrorWithANearMissAndCopiesNothing() throws IOException {
        Path templates = dir.resolve("templates");
        CliRun.Result run = CliRun.run("theme", "eject", "--templates", templates.toString(), "base.peb", "artcle.peb");
        assertEquals(2, run.status());
        assertEquals("kb: the default theme has no file 'artcle.peb' (did you mean 'article.peb'?)", run.err().strip());
        assertFalse(Files.exists(templates), "nothing is copied when one name is wrong");
    }
}
