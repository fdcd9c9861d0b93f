package kb.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import kb.pipeline.Phase;

/**
 * The one-line progress shown while a build runs in a terminal: the phase under way and how far
 * along the recipe it is. Nothing is printed when output goes to a file or a pipe, or with
 * {@code --quiet}, so logs and scripts see only the summary.
 */
final class Progress {
    /** The build's phases in order, for "3/8". */
    private static final List<String> PHASES = Arrays.stream(Phase.values()).map(Phase::label).toList();

    private final PrintWriter err;
    private final boolean on;
    private boolean shown;

    private Progress(PrintWriter err, boolean on) {
        this.err = err;
        this.on = on;
    }

    static Progress forTerminal(PrintWriter err, boolean quiet) {
        return new Progress(err, !quiet && System.console() != null && System.getenv("TERM") != null
                && !"dumb".equals(System.getenv("TERM")));
    }

    void phase(String name) {
        if (!on) {
            return;
        }
        int at = PHASES.indexOf(name) + 1;
        int width = 20;
        int filled = at <= 0 ? 0 : width * (at - 1) / PHASES.size();
        err.print("\r\033[K[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + name
                + (at > 0 ? " (" + at + "/" + PHASES.size() + ")" : "") + "…");
        err.flush();
        shown = true;
    }

    /** Clears the line, so the summary starts clean. */
    void done() {
        if (shown) {
            err.print("\r\033[K");
            err.flush();
        }
    }
}
