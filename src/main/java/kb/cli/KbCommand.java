package kb.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kb}: a help-center generator. Without a verb it prints the list of verbs. */
@Command(name = "kb", mixinStandardHelpOptions = true, version = "kb 0.1.0",
        description = "Builds a searchable static help center from Markdown.",
        subcommands = {BuildCommand.class, CheckCommand.class, SearchCommand.class, ServeCommand.class,
                NewCommand.class})
final class KbCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
