package kb.cli;

import picocli.CommandLine;

/** The {@code kb} command: the only place that calls {@code System.exit}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs kb with the given arguments and returns its exit status (for tests). */
    public static int run(String... args) {
        CommandLine cli = commandLine();
        try {
            return cli.execute(args);
        } catch (StackOverflowError | OutOfMemoryError e) {
            // picocli passes Errors through; the last net, so no input ever shows a JVM stack trace.
            return internalError(cli, e, verbose(args));
        }
    }

    private static boolean verbose(String... args) {
        return java.util.Arrays.asList(args).contains("--verbose") || java.util.Arrays.asList(args).contains("-v");
    }

    /** A bug of kb's no command turned into a located problem: one line, the trace only under --verbose. */
    private static int internalError(CommandLine cli, Throwable e, boolean verbose) {
        java.io.PrintWriter err = cli.getErr();
        err.println("kb: internal error (" + e.getClass().getSimpleName() + "); run with --verbose for details");
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.CONTENT_ERRORS;
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new KbCommand());
        cli.setExitCodeExceptionMapper(e -> ExitCodes.CONTENT_ERRORS);
        cli.setExecutionExceptionHandler((e, cmd, parsed) ->
                internalError(cmd, e, parsed.originalArgs().contains("--verbose") || parsed.originalArgs().contains("-v")));
        cli.setParameterExceptionHandler((e, args) -> {
            CommandLine cmd = e.getCommandLine();
            cmd.getErr().println("kb: " + e.getMessage());
            cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
            return ExitCodes.USAGE;
        });
        return cli;
    }
}
