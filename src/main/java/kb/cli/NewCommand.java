package kb.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kb new}: scaffolds an article with the next free id. */
@Command(name = "new", mixinStandardHelpOptions = true, description = "Creates a new article; never overwrites.")
final class NewCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SiteOptions site;

    @Option(names = "--section", paramLabel = "S", description = "Section folder (default: the first section).")
    String section;

    @Parameters(arity = "1..*", paramLabel = "TITLE")
    List<String> title;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("kb new is not available in this version yet.");
        return ExitCodes.USAGE;
    }
}
