package kb.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kb serve}: preview on 127.0.0.1 with live reload. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serves a live preview on 127.0.0.1 and rebuilds on every change.")
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SiteOptions site;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080", description = "Port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--drafts", description = "Show draft articles, with a badge.")
    boolean drafts;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("kb serve is not available in this version yet.");
        return ExitCodes.USAGE;
    }
}
