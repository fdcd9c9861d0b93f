package kb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kb.testing.FixtureSites;
import kb.testing.TestSites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar kb.jar build} compiles with C1 only (the manifest opens what {@link QuickJit}
 * needs), {@code -Dkb.fullJit=true} brings C2 back, and the compiler never changes a byte of the
 * site.
 */
class QuickJitIT {
    private static final Path JAR = Path.of(System.getProperty("kb.jar", "target/kb.jar"));

    @TempDir
    Path dir;

    private String build(Path content, Path out, String... jvmOptions) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-jar", JAR.toString(), "build", "-v", "--content", content.toString(),
                "--templates", TestSites.TEMPLATES.toAbsolutePath().toString(), "--out", out.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "kb build finished");
        assertEquals(0, p.exitValue(), output);
        return output;
    }

    @Test
    void buildsCompileWithC1OnlyUnlessToldAndTheSiteIsTheSame() throws Exception {
        assertTrue(Files.isRegularFile(JAR), "build the jar first: " + JAR);
        Path content = TestSites.minimal(dir.resolve("content"), Map.of(
                "first.md", "---\nid: 1\ntitle: First\n---\n\nSome words about tokens.\n",
                "second.md", "---\nid: 2\ntitle: Second\n---\n\nMore words about tokens and pages.\n"));
        String quick = build(content, dir.resolve("quick"));
        String full = build(content, dir.resolve("full"), "-Dkb.fullJit=true");
        assertTrue(quick.lines().anyMatch(l -> l.strip().startsWith("compiled with C1 only")), quick);
        assertTrue(full.lines().anyMatch(l -> l.strip().equals("compiled with C1 and C2")), full);
        assertEquals(tree(dir.resolve("full")), tree(dir.resolve("quick")));
    }

    private static List<String> tree(Path site) {
        return FixtureSites.hashes(site).stream().filter(h -> !h.startsWith(".kb/")).toList();
    }
}
