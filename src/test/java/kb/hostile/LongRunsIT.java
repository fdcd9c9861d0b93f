package kb.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import kb.testing.TestSites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One long run of one character, or one construct repeated thousands of times, in an article's
 * body or front matter, with the default JVM stack: each file gets a located error or renders,
 * in seconds, and no stack trace reaches the writer. The fact-drift check reads every article
 * before the Markdown limits do, so the site has networks it could check against.
 */
class LongRunsIT {
    private static final Path JAR = Path.of(System.getProperty("kb.jar", "target/kb.jar"));
    private static final String NETWORKS = """
            networks:
              - id: linkedin
                name: LinkedIn
                lifespan_days: 365
                inactivity_days: 60
                activity: publishing
              - id: twitter
                name: Twitter
                renews: never
            """;

    /**
     * Seconds, not minutes: what a quadratic pass or a recursing pattern took here was minutes or
     * a crash. Generous, since the machine running the tests may be shared and this JVM cold.
     */
    private static final java.time.Duration LIMIT = java.time.Duration.ofSeconds(60);

    @TempDir
    Path dir;

    /** Article bodies: the issue's cases, then their siblings, each after a sentence the fact check reads. */
    static Map<String, String> bodies() {
        Map<String, String> b = new LinkedHashMap<>();
        b.put("quotes", ">".repeat(20_000) + " deep");
        b.put("spaced-quotes", "> ".repeat(20_000) + "deep");
        b.put("brackets", "[".repeat(20_000));
        b.put("unfinished-links", "[a](".repeat(20_000));
        b.put("nested-lists", IntStream.range(0, 3000).mapToObj(i -> "  ".repeat(i) + "- level").collect(Collectors.joining("\n")));
        b.put("emphasis", "*_".repeat(25_000));
        b.put("wide-table", "|" + " a |".repeat(5000) + "\n|" + "---|".repeat(5000) + "\n|" + " 1 |".repeat(5000));
        b.put("rule", "-".repeat(20_000));
        b.put("dotted-word", "a.".repeat(20_000));
        b.put("backslashes", "\\".repeat(20_000));
        b.put("backticks", "`".repeat(20_000) + "a");
        b.put("code-spans", "`]".repeat(20_000));
        b.put("inline-html", "<div>".repeat(20_000));
        b.put("entities", "&amp;".repeat(20_000));
        b.put("backtick-runs", IntStream.range(1, 300).mapToObj(i -> "`".repeat(i) + "a").collect(Collectors.joining()));
        b.put("link-targets", "](".repeat(20_000));
        b.put("autolinks", "<a:".repeat(20_000));
        b.put("heading-ids", "## Heading {#a" + " #b".repeat(20_000) + "}");
        b.put("open-heading-ids", "{#".repeat(20_000));
        b.put("facts", "{{ ".repeat(20_000));
        b.put("many-lines", "!\n".repeat(20_000));
        b.put("long-line", "word ".repeat(200_000));
        return b;
    }

    /** Front matter: YAML nesting, anchors and aliases, long values. */
    static Map<String, String> frontMatters() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("yaml-flow-sequences", "title: " + "[".repeat(20_000));
        f.put("yaml-flow-mappings", "title: " + "{".repeat(20_000));
        f.put("yaml-block-nesting", "title: x\ntags:\n" + IntStream.range(0, 3000).mapToObj(i -> " ".repeat(i) + "-")
                .collect(Collectors.joining("\n")));
        f.put("yaml-alias-chain", "title: x\nsummary: &a0 s\n" + IntStream.range(1, 40)
                .mapToObj(i -> "x" + i + ": &a" + i + " [*a" + (i - 1) + ", *a" + (i - 1) + "]").collect(Collectors.joining("\n")));
        f.put("yaml-many-anchors", "title: x\n" + IntStream.range(0, 20_000).mapToObj(i -> "k" + i + ": &a" + i + " v")
                .collect(Collectors.joining("\n")));
        f.put("long-title", "title: LinkedIn tokens last 90 days " + "> ".repeat(20_000));
        f.put("long-alias", "title: x\naliases: [\"" + "/".repeat(20_000) + "x\"]");
        return f;
    }

    private Path site() throws IOException {
        Path content = TestSites.minimal(dir.resolve("content"), Map.of());
        Files.createDirectories(content.resolve("data"));
        Files.writeString(content.resolve("data/networks.yaml"), NETWORKS);
        return content;
    }

    @Test
    void everyLongRunInAnArticleIsALocatedErrorOrRendersInSeconds() throws IOException {
        List<String> slow = new ArrayList<>();
        for (Map.Entry<String, String> body : bodies().entrySet()) {
            slow.addAll(buildOne(body.getKey(), "---\nid: 1\ntitle: Long run\n---\n\nLinkedIn tokens last 90 days.\n\n"
                    + body.getValue() + "\n"));
        }
        for (Map.Entry<String, String> fm : frontMatters().entrySet()) {
            slow.addAll(buildOne(fm.getKey(), "---\nid: 1\n" + fm.getValue() + "\n---\n\nLinkedIn text.\n"));
        }
        System.out.println("long runs, build time per case: " + slow);
    }

    /** Builds a site whose only article is {@code text}, checked by {@link HostileBuild}; returns "name: ms". */
    private List<String> buildOne(String name, String text) throws IOException {
        Path content = site();
        Path article = content.resolve("articles/basics/" + name + ".md");
        Files.writeString(article, text, StandardCharsets.UTF_8);
        long start = System.nanoTime();
        HostileBuild.Outcome outcome = HostileBuild.build(content, TestSites.TEMPLATES, LIMIT);
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (outcome.status() != 0) {
            assertTrue(outcome.errors().stream().anyMatch(e -> e.startsWith("articles/basics/" + name + ".md:")),
                    name + ": the error names the file:\n" + outcome.err());
            assertTrue(outcome.errors().stream().noneMatch(e -> e.contains("internal error")),
                    name + ": a known shape gets a real message, not the net:\n" + outcome.err());
        }
        Files.delete(article);
        deleteTree(dir.resolve("site"));
        Files.deleteIfExists(content.resolve("published-urls.txt"));
        return List.of(name + " " + (outcome.status() == 0 ? "rendered" : "refused") + " in " + millis + " ms");
    }

    @Test
    void theJarPrintsALocatedErrorNotAStackTrace() throws Exception {
        assertTrue(Files.isRegularFile(JAR), "build the jar first (mvn verify runs this after package): " + JAR);
        Path content = site();
        Files.writeString(content.resolve("articles/basics/quotes.md"),
                "---\nid: 1\ntitle: Quotes\n---\n\nLinkedIn tokens.\n\n" + ">".repeat(20_000) + " deep\n");
        for (String verb : List.of("build", "check")) {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                    JAR.toString(), verb, "--content", content.toString(), "--templates", TestSites.TEMPLATES.toString(),
                    "--out", dir.resolve("site").toString()).start();
            p.getOutputStream().close();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "kb " + verb + " finished");
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(1, p.exitValue(), err);
            assertFalse((out + err).contains("\tat ") || (out + err).contains("Exception in thread"), err);
            String located = content.resolve("articles/basics/quotes.md") + ":8:33: block quotes and lists nested "
                    + "more than 32 levels deep";
            assertTrue(err.lines().anyMatch(l -> l.startsWith(located)), err);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var files = Files.walk(root)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
