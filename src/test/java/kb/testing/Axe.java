package kb.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * axe-core, the accessibility engine behind Lighthouse's accessibility score, run on the page a
 * {@link Reader} has open. Injected from the copy {@code .ci/run} installs with npm, so no request
 * leaves the machine. Where it is missing the test is skipped with a message, unless
 * {@code kb.requireBrowser} is true (CI), which makes that a failure.
 */
public final class Axe {
    /** Where {@code .ci/run} installs it. */
    public static final Path SCRIPT = Path.of(".ci/axe/node_modules/axe-core/axe.min.js");
    private static final String INSTALL = "npm install --prefix .ci/axe --no-save axe-core@4 (as .ci/run does)";

    private Axe() {
    }

    /** Each axe violation on the open page as "rule: help target summary", none when it is clean. */
    public static List<String> violations(Reader reader) {
        return violations(reader, "document");
    }

    /**
     * The same for one part of the page: {@code context} is a script expression for the element
     * to check (such as an embedded widget's host element, whose open shadow root axe enters).
     */
    public static List<String> violations(Reader reader, String context) {
        return run(reader, context);
    }

    /** The violations of only the given axe rules (such as {@code color-contrast}) on the whole page. */
    public static List<String> violations(Reader reader, List<String> rules) {
        String ids = String.join(", ", rules.stream().map(rule -> "'" + rule + "'").toList());
        return run(reader, "document, {runOnly: {type: 'rule', values: [" + ids + "]}}");
    }

    /** Runs axe with {@code arguments}, a script expression list for axe.run. */
    @SuppressWarnings("unchecked")
    private static List<String> run(Reader reader, String arguments) {
        boolean present = Files.isRegularFile(SCRIPT);
        if (!present && Boolean.getBoolean("kb.requireBrowser")) {
            Assertions.fail("axe-core is required (kb.requireBrowser=true) but missing: " + INSTALL);
        }
        Assumptions.assumeTrue(present, "skipped: axe-core not installed: " + INSTALL);
        List<String> before = reader.problems();
        try {
            reader.js(Files.readString(SCRIPT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Object found = reader.jsAsync("""
                const done = arguments[arguments.length - 1];
                axe.run(%s).then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' '
                    + v.nodes.map(n => n.target.join(' ') + ' ' + n.failureSummary).join(', '))), e => done(['axe failed: ' + e]));""".formatted(arguments));
        // axe adds <style> elements of its own, which the site's policy rightly refuses: not the page's fault.
        List<String> problems = reader.problems();
        problems.removeIf(p -> p.startsWith("CSP blocked style-src-elem inline"));
        problems.addAll(0, before);
        List<String> violations = new ArrayList<>((List<String>) found);
        problems.forEach(p -> violations.add("page problem: " + p));
        return violations;
    }
}
