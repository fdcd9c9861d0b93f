package kb.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kb.testing.NuHtmlChecker;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The adopter's path, offline, as a new team takes it: {@code java -jar kb.jar init help}, then
 * {@code mvn -o package} in it through the kb Maven plugin this build installed before its
 * integration tests (see maven-install-plugin in pom.xml). No templates/ folder: the theme is the
 * jar's. Then one overridden template, then one mistake in it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KbInitIT {
    @TempDir
    static Path temp;
    static SortedMap<String, byte[]> plain;

    /** What one command printed (stdout and stderr together, as a terminal shows them) and returned. */
    record Run(int status, String output) { }

    static Run run(Path dir, String... command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("kb-run", ".log");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "timed out: " + String.join(" ", command));
        // Maven writes a colour reset before its first line even with -B.
        String output = Files.readString(log, StandardCharsets.UTF_8).replaceAll("\u001B\\[[0-9;]*m", "");
        Files.delete(log);
        return new Run(p.exitValue(), output);
    }

    static Run mvnPackage(Path help, String... options) throws IOException, InterruptedException {
        String home = System.getProperty("maven.home");
        assertNotNull(home, "run by Failsafe, which sets maven.home");
        List<String> command = new ArrayList<>(List.of(Path.of(home, "bin", "mvn").toString(), "-o", "-B", "-q"));
        command.addAll(List.of(options)); // -B: no colours, so the output reads as plain lines
        command.add("package");
        return run(help, command.toArray(String[]::new));
    }

    /** {@code java -jar kb.jar init HELP --name "Acme Help"}, which must succeed. */
    static void init(Path help) throws IOException, InterruptedException {
        String jar = System.getProperty("kb.jar");
        assertNotNull(jar, "run by Failsafe, which sets kb.jar");
        Run init = run(help.getParent(), "java", "-jar", jar, "init", help.toString(), "--name", "Acme Help");
        assertEquals(0, init.status(), init.output());
    }

    private static Path help() {
        return temp.resolve("help");
    }

    private static SortedMap<String, byte[]> files(Path site) throws IOException {
        SortedMap<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(site)) {
            for (Path f : all.filter(Files::isRegularFile).toList()) {
                String name = site.relativize(f).toString().replace('\\', '/');
                if (!name.startsWith(".kb/")) { // Lucene stamps its index with a random id
                    files.put(name, Files.readAllBytes(f));
                }
            }
        }
        return files;
    }

    @Test
    @Order(1)
    void initThenMavenOfflineBuildsASiteThatPassesThePageChecks() throws Exception {
        init(help());
        assertFalse(Files.exists(help().resolve("templates")));

        Run build = mvnPackage(help());
        assertEquals(0, build.status(), build.output());
        Path site = help().resolve("site");
        assertEquals(List.of(), NuHtmlChecker.errors(site), "the W3C Nu HTML Checker finds no error");
        List<Path> pages;
        try (Stream<Path> all = Files.walk(site)) {
            pages = all.filter(f -> f.toString().endsWith(".html")).toList();
        }
        assertTrue(pages.size() >= 8, pages.toString());
        for (Path page : pages) {
            Document d = Jsoup.parse(page.toFile(), "UTF-8");
            String where = site.relativize(page).toString();
            assertEquals("kb " + kb.Version.current(), d.select("meta[name=generator]").attr("content"), where);
            assertFalse(d.selectFirst("html").attr("lang").isBlank(), where + " lang");
            assertFalse(d.title().isBlank(), where + " title");
            if (d.selectFirst("meta[http-equiv=refresh]") == null) {
                for (String landmark : List.of("header", "nav", "main", "footer")) {
                    assertNotNull(d.selectFirst(landmark), where + " has <" + landmark + ">");
                }
                assertEquals(1, d.select("h1").size(), where + " has one h1");
            }
        }
        Document article = Jsoup.parse(site.resolve("getting-started/writing-articles/index.html").toFile(), "UTF-8");
        assertEquals("How to write an article", article.selectFirst("h1").text());
        plain = files(site);
    }

    @Test
    @Order(2)
    void replacingOnlyTheArticleTemplateChangesArticlePagesAndNothingElse() throws Exception {
        Path templates = Files.createDirectories(help().resolve("templates"));
        String standard = Files.readString(Path.of("templates/article.peb"));
        Files.writeString(templates.resolve("article.peb"),
                standard.replace("</h1>", "</h1>\n<p class=\"team-note\">Written by the Acme support team</p>"));
        Run build = mvnPackage(help());
        assertEquals(0, build.status(), build.output());
        SortedMap<String, byte[]> custom = files(help().resolve("site"));
        assertEquals(plain.keySet(), custom.keySet());
        List<String> changed = new ArrayList<>();
        plain.forEach((name, bytes) -> {
            if (!Arrays.equals(bytes, custom.get(name))) {
                changed.add(name);
            }
        });
        assertEquals(List.of("getting-started/writing-articles/index.html"), changed);
        Document article = Jsoup.parse(help().resolve("site/getting-started/writing-articles/index.html").toFile(), "UTF-8");
        assertEquals("Written by the Acme support team", article.selectFirst("p.team-note").text());
    }

    @Test
    @Order(3)
    void aMistakeInTheOverrideFailsTheMavenBuildAtItsLineWithACaretAndNoStackTrace() throws Exception {
        Path file = help().resolve("templates/article.peb");
        String text = Files.readString(file);
        Files.writeString(file, text.replaceFirst("\\{\\{ article\\.title }}", "{{ article.titel }}"));
        int line = text.lines().takeWhile(l -> !l.contains("{{ article.title }}")).toList().size() + 1;
        Run build = mvnPackage(help());
        assertEquals(1, build.status(), build.output());
        List<String> lines = build.output().lines().map(l -> l.replaceFirst("^\\[ERROR\\] ", "")).toList();
        String problem = lines.stream().filter(l -> l.startsWith("templates/article.peb:" + line + ":")).findFirst()
                .orElseThrow(() -> new AssertionError(build.output()));
        assertTrue(problem.contains("titel"), problem);
        int at = lines.indexOf(problem);
        assertTrue(lines.get(at + 1).contains("{{ article.titel }}"), build.output());
        assertEquals("^", lines.get(at + 2).strip(), build.output());
        assertTrue(build.output().contains("1 error in the content or templates; site/ was left as it was"), build.output());
        assertFalse(build.output().contains("\tat "), "no stack trace:\n" + build.output());
        assertEquals(plain.keySet(), files(help().resolve("site")).keySet(), "the last good site stays");
    }
}
