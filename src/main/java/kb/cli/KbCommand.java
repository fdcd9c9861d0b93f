package kb.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kb}: a help-center generator. Without a verb it prints the list of verbs. */
@Command(name = "kb", mixinStandardHelpOptions = true, versionProvider = KbCommand.Version.class,
        description = "Builds a searchable static help center from Markdown.",
        subcommands = {BuildCommand.class, CheckCommand.class, SearchCommand.class, ServeCommand.class,
                NewCommand.class, InitCommand.class, ThemeCommand.class,
                InsightsCommand.class})
final class KbCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** {@code kb --version}: the version pom.xml gave the jar, so it never goes stale. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"kb " + kb.Version.current()};
        }
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
