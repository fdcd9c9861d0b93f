package kb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kb.testing.FixtureSites;
import kb.testing.TestSites;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/kb}, the quick launcher, answers and builds as {@code java -jar kb.jar} does, with or
 * without its class-data archive, and whatever state that archive is in.
 */
class LauncherIT {
    private static final Path LAUNCHER = Path.of("bin", "kb").toAbsolutePath();
    private static final List<String> QUERIES = List.of("reconnect", "how do I reconnect facebook", "pasword", "tiktok tok");

    @TempDir
    static Path dir;
    /** A copy of kb.jar of this test's own, so its archive is written beside it, not in target/. */
    static Path jar;
    static Path site;

    /** What one run printed and returned. */
    record Run(int status, String out, String err) { }

    @BeforeAll
    static void buildSite() throws IOException {
        String built = System.getProperty("kb.jar");
        assertNotNull(built, "run by Failsafe, which sets kb.jar");
        jar = Files.copy(Path.of(built), dir.resolve("kb.jar"));
        site = dir.resolve("site");
        TestSites.build(TestSites.CONTENT, site);
    }

    private static Path archive() {
        return dir.resolve("kb.jsa");
    }

    private static Path record() {
        return dir.resolve("kb.jsa.ok");
    }

    private static Run run(Map<String, String> env, List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        pb.environment().put("KB_JAR", jar.toString());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().putAll(env);
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        int status = p.waitFor();
        return new Run(status, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static List<String> search(String... args) {
        List<String> command = new ArrayList<>(List.of("search", "--content", TestSites.CONTENT.toString(), "--out", site.toString()));
        command.addAll(List.of(args));
        return command;
    }

    private static Run launcher(Map<String, String> env, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("sh", LAUNCHER.toString()));
        command.addAll(args);
        return run(env, command);
    }

    private static Run launcher(List<String> args) throws IOException, InterruptedException {
        return launcher(Map.of(), args);
    }

    /**
     * What {@code java -jar} answers, asked once per argument list: the site and the jar do not
     * change during the run, so each test's launcher runs are compared with the same answers.
     */
    private static Run javaJar(List<String> args) throws IOException, InterruptedException {
        Run known = JAVA_JAR_ANSWERS.get(args);
        if (known == null) {
            known = runJavaJar(args);
            JAVA_JAR_ANSWERS.put(List.copyOf(args), known);
        }
        return known;
    }

    private static final Map<List<String>, Run> JAVA_JAR_ANSWERS = new java.util.HashMap<>();

    private static Run runJavaJar(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        command.addAll(args);
        return run(Map.of(), command);
    }

    private static JsonNode json(Run run) throws IOException {
        assertEquals(0, run.status(), run.err());
        assertEquals("", run.err());
        return new ObjectMapper().readTree(run.out());
    }

    /** The launcher's answer is java -jar's, as parsed JSON, for each query. */
    private static void answersAsJavaJar() throws IOException, InterruptedException {
        answersAsJavaJar(QUERIES.size());
    }

    /**
     * The same for the first {@code count} queries. After a damaged archive two are enough: the
     * first search meets the damage, the second the archive the first one wrote again.
     */
    private static void answersAsJavaJar(int count) throws IOException, InterruptedException {
        for (String query : QUERIES.subList(0, count)) {
            JsonNode expected = json(javaJar(search("--json", query)));
            assertTrue(expected.size() > 0, query);
            assertEquals(expected, json(launcher(search("--json", query))), query);
        }
    }

    @Test
    void answersAsJavaJarWithTheSameArchiveItWroteOnItsFirstSearch() throws IOException, InterruptedException {
        Files.deleteIfExists(archive());
        answersAsJavaJar();
        assertTrue(Files.size(archive()) > 0, "the first search wrote the archive");
        assertEquals(Files.size(archive()) + " " + jar.toRealPath(), Files.readString(record()).strip());
        Path loaded = dir.resolve("classes.log");
        Run shared = launcher(Map.of("KB_JAVA_OPTS", "-Xlog:class+load=info:file=" + loaded), search("--json", "reconnect"));
        assertEquals(json(javaJar(search("--json", "reconnect"))), json(shared));
        assertTrue(Files.readAllLines(loaded).stream().anyMatch(l -> l.contains("kb.search.SearchIndex source: shared objects file")),
                "kb's classes came from the archive");
        for (String format : List.of("--markdown", "--limit=2")) {
            assertEquals(javaJar(search(format, "reconnect")), launcher(search(format, "reconnect")), format);
        }
        assertEquals(javaJar(search("--lang", "es", "--json", "reconectar")), launcher(search("--lang", "es", "--json", "reconectar")));
    }

    @Test
    void errorsAndExitStatusesAreJavaJars() throws IOException, InterruptedException {
        for (List<String> args : List.of(search("--lang", "xx", "token"), search("--limit", "0", "token"), search(),
                List.of("search", "--content", dir.resolve("none").toString(), "token"), List.of("--version"))) {
            Run expected = javaJar(args);
            assertEquals(expected, launcher(args), String.join(" ", args));
        }
    }

    @Test
    void aTruncatedArchiveIsLeftAsideAndTheAnswerIsTheSame() throws IOException, InterruptedException {
        launcher(search("--json", "reconnect"));
        byte[] whole = Files.readAllBytes(archive());
        FileTime written = Files.getLastModifiedTime(archive());
        // Cut short in place, dated as it was: only its length tells (a JDK 17 JVM mapping it crashes).
        Files.write(archive(), java.util.Arrays.copyOf(whole, whole.length / 3));
        Files.setLastModifiedTime(archive(), written);
        answersAsJavaJar(2);
    }

    @Test
    void anArchiveOfAnotherJarOrOfGarbageIsLeftAside() throws IOException, InterruptedException {
        launcher(search("--json", "reconnect"));
        // kb.jar rebuilt after the archive: the archive is stale.
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(5)));
        answersAsJavaJar(2);
        // Garbage of the recorded length, dated before its record.
        FileTime recorded = Files.getLastModifiedTime(record());
        byte[] garbage = new byte[(int) Files.size(archive())];
        new java.util.Random(7).nextBytes(garbage);
        Files.write(archive(), garbage);
        Files.writeString(record(), garbage.length + " " + jar.toRealPath() + "\n");
        Files.setLastModifiedTime(archive(), FileTime.from(recorded.toInstant().minusSeconds(60)));
        Files.setLastModifiedTime(jar, FileTime.from(recorded.toInstant().minusSeconds(120)));
        answersAsJavaJar(2);
    }

    @Test
    void aBuildWritesAnArchiveOfItsOwnAndJavaJarsSite() throws IOException, InterruptedException {
        Path buildArchive = dir.resolve("kb-build.jsa");
        Files.deleteIfExists(buildArchive);
        launcher(search("--json", "reconnect"));
        FileTime searchs = Files.getLastModifiedTime(archive());
        // A small help center: the three builds compare sites and where classes came from, which
        // the shipped help center's size does not change, at a third of its time.
        Path small = FixtureSites.copy("small-site", dir.resolve("small-site"));
        List<String> build = List.of("build", "--content", small.toString(),
                "--templates", TestSites.TEMPLATES.toString(), "--out", dir.resolve("by-launcher").toString());
        Run first = launcher(build);
        assertEquals(0, first.status(), first.err());
        assertTrue(Files.size(buildArchive) > 0, "the first build wrote its archive");
        assertEquals(Files.size(buildArchive) + " " + jar.toRealPath(), Files.readString(dir.resolve("kb-build.jsa.ok")).strip());
        assertEquals(searchs, Files.getLastModifiedTime(archive()), "the search's archive is left as it was");

        Path loaded = dir.resolve("build-classes.log");
        List<String> again = new ArrayList<>(build);
        again.set(again.size() - 1, dir.resolve("by-launcher-again").toString());
        Run second = launcher(Map.of("KB_JAVA_OPTS", "-Xlog:class+load=info:file=" + loaded), again);
        assertEquals(0, second.status(), second.err());
        assertTrue(Files.readAllLines(loaded).stream().anyMatch(l -> l.contains("kb.pipeline.SiteBuild source: shared objects file")),
                "the build's classes came from its archive");
        List<String> byJar = new ArrayList<>(build);
        byJar.set(byJar.size() - 1, dir.resolve("by-jar").toString());
        assertEquals(0, runJavaJar(byJar).status());
        List<String> expected = tree(dir.resolve("by-jar"));
        assertEquals(List.of(), FixtureSites.diff(expected, tree(dir.resolve("by-launcher"))).lines().toList());
        assertEquals(List.of(), FixtureSites.diff(expected, tree(dir.resolve("by-launcher-again"))).lines().toList());
        answersAsJavaJar(2);
    }

    /** A site's files and their hashes, without the build's own records (times, Lucene's random segment ids). */
    private static List<String> tree(Path site) {
        return FixtureSites.hashes(site).stream().filter(h -> !h.startsWith(".kb/") && !h.contains("/.kb/")).toList();
    }
}
