package kb.cli;

import java.io.PrintWriter;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import kb.diagnostic.Problem;
import kb.pipeline.IncrementalBuild;
import kb.serve.Preview;

/**
 * Prints what a preview does: one line per update, the summary of a full build, problems with
 * their line and caret. {@code kb serve} and the Maven plugin's {@code kb:serve} both use it.
 *
 * @param where the output folder, as the summary names it
 * @param verbose whether an internal error is followed by its stack trace
 */
public record PreviewConsole(PrintWriter out, PrintWriter err, String where, boolean verbose) implements Preview.Listener {
    /** A console that prints no stack traces. */
    public PreviewConsole(PrintWriter out, PrintWriter err, String where) {
        this(out, err, where, false);
    }

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    @Override
    public void built(IncrementalBuild.Update u) {
        String at = LocalTime.now().format(CLOCK);
        switch (u.kind()) {
            case FULL -> {
                out.println(at + " full build (" + u.reason() + ")");
                Summary.print(out, u.report(), where, false);
            }
            case PAGES -> out.printf("%s updated %s in %d ms%n", at, pages(u.pages()), u.millis());
            case SEARCH -> out.printf("%s search index updated in %d ms%s%n", at, u.millis(),
                    u.pages().isEmpty() ? "" : "; related articles changed on " + pages(u.pages()));
            case NONE -> { }
        }
        out.flush();
    }

    @Override
    public void failed(List<Problem> problems) {
        ProblemPrinter.print(err, problems, verbose);
        err.println(LocalTime.now().format(CLOCK) + " the preview keeps serving the last good build;"
                + " the errors also show in the browser.");
        err.flush();
    }

    private static String pages(List<String> urls) {
        String shown = String.join(", ", urls.stream().limit(3).map(u -> "/" + u).toList());
        return urls.size() + (urls.size() == 1 ? " page (" : " pages (") + shown
                + (urls.size() > 3 ? ", ..." : "") + ")";
    }
}
