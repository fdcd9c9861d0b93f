package kb.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import kb.pipeline.BuildOptions;
import kb.pipeline.BuildReport;
import kb.pipeline.SiteBuild;
import kb.diagnostic.KbException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kb check}: every validation of a build, writing nothing. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Checks content and templates as a build would, writing nothing.")
final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SiteOptions site;

    @Option(names = {"-v", "--verbose"}, description = "Print the stack trace of an internal error.")
    boolean verbose;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (!site.templatesExist(spec.commandLine().getErr())) {
            return ExitCodes.USAGE;
        }
        QuickJit.forThisRun();
        try {
            BuildReport report = new SiteBuild(new BuildOptions(site.content, site.templates, site.out, site.baseUrl,
                    false, false, false)).check();
            out.printf("OK: %d articles, %d FAQ questions, %d networks checked.%n", report.articles(), report.questions(),
                    report.networks());
            Summary.warnings(out, report, true);
            out.flush();
            return ExitCodes.OK;
        } catch (KbException e) {
            ProblemPrinter.print(spec.commandLine().getErr(), e.problems(), verbose);
            return ExitCodes.CONTENT_ERRORS;
        }
    }
}
