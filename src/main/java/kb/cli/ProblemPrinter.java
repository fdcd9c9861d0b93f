package kb.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.List;
import kb.diagnostic.Problem;

/**
 * Prints problems the way compilers do: {@code path:line:col: message (hint)}, then the offending
 * line and a caret under the column, so a writer sees the mistake without opening the file.
 */
final class ProblemPrinter {
    private ProblemPrinter() {
    }

    static void print(PrintWriter err, List<Problem> problems) {
        for (Problem p : problems) {
            err.println(p);
            String line = sourceLine(p);
            if (line != null) {
                String shown = line.replace('\t', ' ');
                if (shown.length() > 160) {
                    shown = shown.substring(0, 160) + "…";
                }
                err.println("    " + shown);
                int col = Math.min(Math.max(p.where().column(), 1), shown.length() + 1);
                err.println("    " + " ".repeat(col - 1) + "^");
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

    private static String sourceLine(Problem p) {
        if (p.where().line() <= 0 || !Files.isRegularFile(p.where().file())) {
            return null;
        }
        try {
            List<String> lines = Files.readAllLines(p.where().file());
            int i = p.where().line() - 1;
            return i < lines.size() && !lines.get(i).isBlank() ? lines.get(i) : null;
        } catch (Exception e) {
            return null; // not text we can show; the location alone still says where
        }
    }
}
