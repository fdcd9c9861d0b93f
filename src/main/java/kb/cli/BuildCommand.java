package kb.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import kb.pipeline.BuildOptions;
import kb.pipeline.BuildReport;
import kb.pipeline.SiteBuild;
import kb.diagnostic.KbException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kb build}: the whole site into {@code --out}, or nothing at all. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Builds the site from content/ and templates/ into site/ (the old site stays if anything fails).")
final class BuildCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SiteOptions site;

    @Option(names = "--drafts", description = "Include draft articles.")
    boolean drafts;

    @Option(names = "--accept-removals", description = "Allow published pages or anchors to disappear this once.")
    boolean acceptRemovals;

    @Option(names = "--no-cache", negatable = false,
            description = "Render everything again, and keep no build cache in <out>/.kb/cache/ for the next build.")
    boolean noCache;

    @Option(names = {"-q", "--quiet"}, description = "Print errors only.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Print time per phase, every warning, and the stack trace of an internal error.")
    boolean verbose;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!site.templatesExist(spec.commandLine().getErr())) {
            return ExitCodes.USAGE;
        }
        boolean quickJit = QuickJit.forThisRun();
        BuildOptions options = new BuildOptions(site.content, site.templates, site.out, site.baseUrl, drafts, false,
                acceptRemovals, !noCache);
        try {
            Progress line = Progress.forTerminal(err, quiet);
            BuildReport report;
            try {
                report = new SiteBuild(options, line::phase).run();
            } finally {
                line.done();
            }
            if (!quiet) {
                Summary.print(out, report, site.out.toString(), verbose);
            }
            if (verbose) {
                out.println(quickJit ? "  compiled with C1 only (-Dkb.fullJit=true for C2 too)" : "  compiled with C1 and C2");
                out.flush();
            }
            return ExitCodes.OK;
        } catch (KbException e) {
            ProblemPrinter.print(err, e.problems(), verbose);
            err.println("Build failed; " + site.out + "/ was left as it was.");
            err.flush();
            return ExitCodes.CONTENT_ERRORS;
        }
    }
}
