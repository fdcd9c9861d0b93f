package kb.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import kb.pipeline.BuildOptions;
import kb.diagnostic.KbException;
import kb.serve.PortInUseException;
import kb.serve.Preview;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kb serve}: preview on 127.0.0.1 with live reload. The preview is built into
 * {@code --out} like {@code kb build} builds it, with the live-reload script and (with
 * {@code --drafts}) the drafts: run {@code kb build} again before you deploy.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serves a live preview on 127.0.0.1 and rebuilds on every change.",
                "The preview is written into --out (default site/) with the live-reload script; run `kb build` before deploying."})
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SiteOptions site;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
            description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--drafts", description = "Show draft articles, with a badge.")
    boolean drafts;

    @Option(names = {"-v", "--verbose"}, description = "Print the stack trace of an internal error.")
    boolean verbose;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65535) {
            err.println("kb: --port must be between 0 and 65535, got " + port);
            return ExitCodes.USAGE;
        }
        if (!site.foldersExist(err)) {
            return ExitCodes.USAGE;
        }
        BuildOptions options = new BuildOptions(site.content, site.templates, site.out, site.baseUrl, drafts, true, false);
        Preview preview;
        try {
            preview = Preview.start(options, port, new PreviewConsole(out, err, site.out.toString(), verbose));
        } catch (PortInUseException e) {
            err.println("kb: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        } catch (KbException e) {
            ProblemPrinter.print(err, e.problems(), verbose);
            return ExitCodes.CONTENT_ERRORS;
        } catch (IOException e) {
            err.println("kb: cannot start the preview: " + e.getMessage());
            err.flush();
            return ExitCodes.CONTENT_ERRORS;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(preview::close, "kb-serve-stop"));
        out.println("Serving " + preview.url() + (drafts ? " with drafts" : "") + ", watching " + site.content + "/"
                + (Files.isDirectory(site.templates) ? " and " + site.templates + "/" : "") + " (Ctrl+C stops)");
        out.flush();
        preview.await();
        return ExitCodes.OK;
    }
}
