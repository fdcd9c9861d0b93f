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
        CommandLine cli = commandLine(args);
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

    /** kb with every verb: what {@code kb --help} lists and tests run. */
    static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /**
     * kb for these arguments: with only the verb they name when the first one is a verb (picocli
     * parses and reports alike, and that verb's usage is the same), else with every verb, so
     * {@code kb --help} and a mistyped verb's near miss see them all.
     */
    static CommandLine commandLine(String... args) {
        CommandLine cli = new CommandLine(new KbCommand());
        if (args.length > 0 && KbCommand.VERBS.contains(args[0])) {
            cli.addSubcommand(KbCommand.verb(args[0]));
        } else {
            KbCommand.VERBS.forEach(verb -> cli.addSubcommand(KbCommand.verb(verb)));
        }
        cli.setExitCodeExceptionMapper(e -> ExitCodes.CONTENT_ERRORS);
        cli.setExecutionExceptionHandler((e, cmd, parsed) ->
                internalError(cmd, e, parsed.originalArgs().contains("--verbose") || parsed.originalArgs().contains("-v")));
        cli.setParameterExceptionHandler((e, given) -> {
            CommandLine cmd = e.getCommandLine();
            cmd.getErr().println("kb: " + e.getMessage());
            cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
            return ExitCodes.USAGE;
        });
        return cli;
    }
}
