package kb.maven;

import java.io.PrintWriter;
import kb.cli.Summary;
import kb.diagnostic.KbException;
import kb.pipeline.BuildReport;
import kb.pipeline.SiteBuild;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** {@code mvn kb:build}, bound to {@code package}: {@code kb build}, the whole site or nothing. */
@Mojo(name = "build", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public final class BuildMojo extends SiteMojo {
    /** Includes draft articles ({@code --drafts}). */
    @Parameter(property = "kb.drafts", defaultValue = "false")
    boolean drafts;

    /** Lets published pages or anchors disappear this once ({@code --accept-removals}). */
    @Parameter(property = "kb.acceptRemovals", defaultValue = "false")
    boolean acceptRemovals;

    /**
     * Reuses what the previous build left in {@code <out>/.kb/cache/} (false: {@code --no-cache},
     * everything rendered again and no cache kept).
     */
    @Parameter(property = "kb.cache", defaultValue = "true")
    boolean cache;

    /** Lists every warning and the time of each phase ({@code --verbose}). */
    @Parameter(property = "kb.verbose", defaultValue = "false")
    boolean verbose;

    @Override
    public void execute() throws MojoFailureException {
        if (skip) {
            getLog().info("kb: skipped (kb.skip)");
            return;
        }
        BuildReport report;
        try {
            report = new SiteBuild(options(drafts, false, acceptRemovals).withCache(cache)).run();
        } catch (KbException e) {
            throw failure(e, "; " + shown(out) + "/ was left as it was");
        }
        try (PrintWriter log = info()) {
            Summary.print(log, report, shown(out).toString(), verbose);
        }
    }
}
