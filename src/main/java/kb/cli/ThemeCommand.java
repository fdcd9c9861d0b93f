package kb.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kb theme}: the verbs about the default theme; alone it lists them. */
@Command(name = "theme", mixinStandardHelpOptions = true,
        description = "Works with kb's default theme (the one inside kb.jar).",
        subcommands = {ThemeEjectCommand.class})
final class ThemeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
