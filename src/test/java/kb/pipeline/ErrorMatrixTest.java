package kb.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kb.cli.CliRun;
import kb.diagnostic.KbException;
import kb.diagnostic.Problem;
import kb.maven.MojoRun;
import kb.testing.FixtureSites;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * One kind of mistake per scenario, and every entry point fails on it at the same place:
 * {@code kb build}, {@code kb check}, the preview and the Maven plugin's goals (run in process,
 * their log captured) run one pipeline, so none may pass what
 * another stops, or point somewhere else. A scenario is {@code sites/small-site} with the files
 * of {@code sites/error-<kind>/} laid over it: {@code content/...} over the content, {@code templates/...}
 * as a theme override. The preview starts from the good site and then receives the bad files as
 * an edit, as a writer's save would bring them (an article edit takes its page-by-page path).
 */
class ErrorMatrixTest {
    /** {@code path:line:col: message}, as the CLI prints each problem. */
    private static final Pattern PROBLEM = Pattern.compile("^(\\S.*?:\\d+:\\d+): (warning: )?.+$");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "front-matter,       articles/getting-started/tokens.md:6:10",
        "markdown,           articles/getting-started/tokens.md:10:5",
        "template-syntax,    templates/section.peb:5:3",
        "unknown-variable,   templates/article.peb:5:9",
        "broken-link,        articles/getting-started/tokens.md:8:16",
        "broken-anchor,      articles/getting-started/tokens.md:8:30",
        "fact-drift,         articles/getting-started/tokens.md:8:63",
        "bad-data,           data/networks.yaml:5:15",
        "translation,        es/articles/getting-started/tokens.md:2:5",
    })
    void buildCheckAndPreviewFailAtTheSamePlace(String kind, String where) throws IOException {
        Path content = FixtureSites.copy("small-site", dir.resolve("content"));
        Path templates = Files.createDirectories(dir.resolve("templates"));
        Path site = dir.resolve("site");
        Path preview = dir.resolve("preview");
        List<Path> bad = layOver(kind, content, templates);

        List<String> built = cli("build", content, templates, site);
        assertTrue(built.contains(where), "kb build: " + built);
        assertFalse(Files.exists(site), "a failed build publishes nothing");
        assertEquals(built, cli("check", content, templates, site), "kb check");
        assertEquals(built, mojo(MojoRun.build(content, templates, site), content, templates), "mvn kb:build");
        assertFalse(Files.exists(site), "a failed kb:build publishes nothing");
        assertEquals(built, mojo(MojoRun.check(content, templates, site), content, templates), "mvn kb:check");

        Path good = FixtureSites.copy("small-site", dir.resolve("good"));
        Path theme = Files.createDirectories(dir.resolve("theme"));
        try (IncrementalBuild build = new IncrementalBuild(new BuildOptions(good, theme, preview, null, false, true, false))) {
            build.full();
            List<Path> edited = layOver(kind, good, theme);
            KbException e = assertThrows(KbException.class, () -> build.apply(edited), "the preview");
            List<String> previewed = e.problems().stream().filter(Problem::isError)
                    .map(p -> relative(p.where().toString(), good, theme)).toList();
            // An article that no longer reads is left out of a full build, which then also reports
            // what referred to it (kb.yaml's featured list); the preview keeps its last good copy.
            assertTrue(previewed.contains(where) && built.containsAll(previewed), "the preview: " + previewed);
        }
        assertFalse(bad.isEmpty());
    }

    /** Copies the scenario's files over a site; returns them where they landed. */
    private static List<Path> layOver(String kind, Path content, Path templates) throws IOException {
        Path scenario = FixtureSites.copy("error-" + kind, content.resolveSibling(content.getFileName() + "-" + kind));
        List<Path> landed = new java.util.ArrayList<>();
        try (Stream<Path> files = Files.walk(scenario)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path rel = scenario.relativize(file);
                Path root = rel.getName(0).toString().equals("templates") ? templates : content;
                Path target = root.resolve(rel.subpath(1, rel.getNameCount()).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                landed.add(target);
            }
        }
        return landed;
    }

    /** The locations of the errors one command printed, folders cut off. */
    private static List<String> cli(String command, Path content, Path templates, Path site) {
        CliRun.Result run = CliRun.run(command, "--content", content.toString(), "--templates", templates.toString(),
                "--out", site.toString());
        assertEquals(1, run.status(), command + ":\n" + run.out() + run.err());
        return run.err().lines().map(PROBLEM::matcher).filter(Matcher::matches).filter(m -> m.group(2) == null)
                .map(m -> relative(m.group(1), content, templates)).toList();
    }

    /** The locations of the errors a goal logged; it must have failed the Maven build. */
    private static List<String> mojo(MojoRun.Result run, Path content, Path templates) {
        assertTrue(run.failed(), "the goal passed: " + run.errors());
        return run.errors().stream().map(PROBLEM::matcher).filter(Matcher::matches).filter(m -> m.group(2) == null)
                .map(m -> relative(m.group(1), content, templates)).toList();
    }

    private static String relative(String location, Path content, Path templates) {
        return location.replace(templates + "/", "templates/").replace(content + "/", "");
    }
}
