package kb.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * Runs kb's command line in this JVM with its output captured, for tests in other packages
 * (the build's and the bad-input suite's): the same {@link Main#commandLine()} the jar runs.
 */
public final class CliRun {
    private CliRun() {
    }

    /** What one run printed and returned. */
    public record Result(int status, String out, String err) { }

    public static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int status = cli.execute(args);
        return new Result(status, out.toString(), err.toString());
    }
}
