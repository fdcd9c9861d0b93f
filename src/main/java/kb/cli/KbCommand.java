package kb.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code kb}: a help-center generator. Without a verb it prints the list of verbs.
 * The verbs are added by {@link Main#commandLine(String...)} rather than listed in the
 * annotation, so a run builds picocli's model of the one verb it runs (see {@link #VERBS}).
 */
@Command(name = "kb", mixinStandardHelpOptions = true, versionProvider = KbCommand.Version.class,
        description = "Builds a searchable static help center from Markdown.")
final class KbCommand implements Callable<Integer> {
    /**
     * The verbs in the order {@code kb --help} lists them. picocli reads every option of every
     * subcommand by reflection when it is added: all eight took about a third of {@code kb search}'s
     * start-up, so a run that names its verb gets that verb alone.
     */
    static final List<String> VERBS = List.of("build", "check", "search", "serve", "new", "init", "theme", "insights");

    @Spec
    CommandSpec spec;

    /** A fresh command object for one of {@link #VERBS}; only that verb's class is loaded. */
    static Object verb(String name) {
        return switch (name) {
            case "build" -> new BuildCommand();
            case "check" -> new CheckCommand();
            case "search" -> new SearchCommand();
            case "serve" -> new ServeCommand();
            case "new" -> new NewCommand();
            case "init" -> new InitCommand();
            case "theme" -> new ThemeCommand();
            case "insights" -> new InsightsCommand();
            default -> throw new IllegalArgumentException("not a verb: " + name);
        };
    }

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
