package kb.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kb.diagnostic.Problem;

/**
 * Prints problems the way compilers do: {@code path:line:col: message (hint)}, then the offending
 * line and a caret under the column, so a writer sees the mistake without opening the file.
 */
public final class ProblemPrinter {
    private ProblemPrinter() {
    }

    /** Prints every problem with its source line and a caret, then the count of errors and warnings. */
    public static void print(PrintWriter err, List<Problem> problems) {
        print(err, problems, false);
    }

    /** @param verbose whether an internal error's stack trace follows it (kb's bug, for a report) */
    public static void print(PrintWriter err, List<Problem> problems, boolean verbose) {
        // Each file is read once: a 10 MB article with thousands of errors must not be re-read per error.
        Map<Path, List<String>> files = new HashMap<>();
        for (Problem p : problems) {
            err.println(p);
            String line = sourceLine(p, files);
            if (line != null) {
                String shown = line.replace('\t', ' ');
                if (shown.length() > 160) {
                    shown = shown.substring(0, 160) + "…";
                }
                err.println("    " + shown);
                int col = Math.min(Math.max(p.where().column(), 1), shown.length() + 1);
                err.println("    " + " ".repeat(col - 1) + "^");
            }
            if (verbose && p.cause() != null) {
                p.cause().printStackTrace(err);
            }
        }
        long errors = problems.stream().filter(Problem::isError).count();
        long warnings = problems.size() - errors;
        if (errors > 0) {
            err.println(errors + (errors == 1 ? " error" : " errors")
                    + (warnings > 0 ? ", " + warnings + (warnings == 1 ? " warning" : " warnings") : ""));
        }
        err.flush();
    }

    private static String sourceLine(Problem p, Map<Path, List<String>> files) {
        if (p.where().line() <= 0) {
            return null;
        }
        List<String> lines = files.computeIfAbsent(p.where().file(), ProblemPrinter::readLines);
        int i = p.where().line() - 1;
        return i < lines.size() && !lines.get(i).isBlank() ? lines.get(i) : null;
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readAllLines(file) : List.of();
        } catch (Exception e) {
            return List.of(); // not text we can show; the location alone still says where
        }
    }
}
