package kb.maven;

import java.io.PrintWriter;
import kb.cli.Summary;
import kb.diagnostic.KbException;
import kb.pipeline.BuildReport;
import kb.pipeline.SiteBuild;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/** {@code mvn kb:check}: {@code kb check}, every validation of a build, writing nothing. */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class CheckMojo extends SiteMojo {
    @Override
    public void execute() throws MojoFailureException {
        if (skip) {
            getLog().info("kb: skipped (kb.skip)");
            return;
        }
        BuildReport report;
        try {
            report = new SiteBuild(options(false, false, false)).check();
        } catch (KbException e) {
            throw failure(e, "");
        }
        try (PrintWriter log = info()) {
            log.printf("OK: %d articles, %d FAQ questions, %d networks checked.%n", report.articles(), report.questions(),
                    report.networks());
            Summary.warnings(log, report, true);
        }
    }
}
