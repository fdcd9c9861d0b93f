package kb.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import kb.cli.CliRun;
import kb.testing.TestSites;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * {@code kb build} run as a writer runs it, on a content tree in a test's temporary folder:
 * bounded in time, never a stack trace, and on failure exit status 1 with nothing on stderr but
 * {@code path:line:col: message} lines, their source excerpts and the summary.
 */
final class HostileBuild {
    /** Generous: the machine running the tests may be shared. */
    static final Duration LIMIT = Duration.ofSeconds(20);
    private static final Pattern PROBLEM = Pattern.compile("^\\S.*:\\d+:\\d+: .+$");
    private static final Pattern SUMMARY = Pattern.compile("^\\d+ errors?(, \\d+ warnings?)?$|^Build failed; .* was left as it was\\.$");

    private HostileBuild() {
    }

    /** What one build printed, and where its content and site are. */
    record Outcome(int status, String out, String err, Path content, Path templates, Path site) {
        /** The error lines, folders cut off: {@code articles/basics/a.md:3:8: message (hint)}. */
        List<String> errors() {
            String contentPrefix = content.toString() + "/";
            String templatesPrefix = templates.toString() + "/";
            return err.lines().filter(l -> PROBLEM.matcher(l).matches())
                    .map(l -> l.replace(contentPrefix, "").replace(templatesPrefix, "templates/")).toList();
        }

        /** A page of the built site, parsed. */
        Document page(String path) {
            try {
                return Jsoup.parse(Files.readString(site.resolve(path)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Outcome assertBuilt() {
            assertEquals(0, status, err);
            return this;
        }
    }

    static Outcome build(Path content) {
        return build(content, TestSites.TEMPLATES);
    }

    static Outcome build(Path content, Path templates) {
        return build(content, templates, LIMIT);
    }

    /** As {@link #build(Path, Path)}, within {@code limit}. */
    static Outcome build(Path content, Path templates, Duration limit) {
        Path site = content.resolveSibling("site");
        CliRun.Result run = assertTimeoutPreemptively(limit, () -> CliRun.run("build", "--content", content.toString(),
                "--templates", templates.toString(), "--out", site.toString()));
        assertFalse(run.err().contains("Exception") || run.err().contains("\tat ") || run.err().contains("java.lang."),
                "a stack trace reached the writer:\n" + run.err());
        if (run.status() != 0) {
            assertEquals(1, run.status(), run.err());
            for (String line : run.err().lines().toList()) {
                // The message as a supplier: built eagerly, it copied the whole output once per line
                // (20,000 errors: minutes of the test's time, none of kb's).
                assertTrue(PROBLEM.matcher(line).matches() || line.startsWith("    ") || SUMMARY.matcher(line).matches(),
                        () -> "not a path:line:col: message line: '" + line + "' in\n" + run.err());
            }
            assertTrue(run.err().lines().anyMatch(l -> PROBLEM.matcher(l).matches()), run.err());
        }
        return new Outcome(run.status(), run.out(), run.err(), content, templates, site);
    }
}
