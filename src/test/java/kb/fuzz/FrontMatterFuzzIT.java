package kb.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import kb.content.FrontMatter;
import kb.content.SourceText;
import kb.diagnostic.KbException;
import kb.diagnostic.Problem;

/**
 * Front matter over arbitrary text: every input is either split or refused with a
 * {@link KbException} located in the file, never another exception. Seeds, and every crash
 * ever found, are in {@code src/test/resources/kb/fuzz/FrontMatterFuzzITInputs/splitsOrReports/}.
 */
class FrontMatterFuzzIT {
    private static final Path FILE = Path.of("content/articles/fuzz/input.md");

    @FuzzTest(maxDuration = "2m")
    void splitsOrReports(byte[] input) {
        check(new String(input, StandardCharsets.UTF_8));
    }

    /** The same over YAML nested, aliased or repeated thousands of times ({@link LongRuns}), in bounded time. */
    @FuzzTest(maxDuration = "10m")
    void longRunsSplitOrReport(FuzzedDataProvider data) {
        String text = "---\n" + LongRuns.text(data, LongRuns.YAML) + "\n---\nBody\n";
        long start = LongRuns.start();
        check(text);
        LongRuns.inTime(start, 20, "splitting " + text.length() + " characters");
    }

    private static void check(String text) {
        try {
            FrontMatter fm = FrontMatter.split(new SourceText(FILE, text));
            if (fm.bodyLine() < 2) {
                throw new AssertionError("the body cannot start above the closing ---: line " + fm.bodyLine());
            }
        } catch (KbException e) {
            for (Problem p : e.problems()) {
                if (!p.where().file().equals(FILE) || p.where().line() < 1) {
                    throw new AssertionError("problem not located in the file: " + p);
                }
            }
        }
    }
}
