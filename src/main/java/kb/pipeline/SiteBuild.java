package kb.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import kb.diagnostic.KbException;
import kb.diagnostic.Problem;
import kb.diagnostic.Problems;
import kb.diagnostic.SourceLocation;
import kb.output.BuildLock;
import kb.output.SiteWriter;

/**
 * {@code kb build} and {@code kb check}: the {@link Pipeline} over the whole site. Any error
 * stops it before the swap, so the previous site stays exactly as it was; check stops after
 * rendering every page in memory and writes nothing.
 */
public final class SiteBuild {
    private final BuildOptions options;
    private final Consumer<String> progress;

    public SiteBuild(BuildOptions options) {
        this(options, phase -> { });
    }

    /** @param progress told each phase's name ({@link Phase#label}) as it starts, for a progress line */
    public SiteBuild(BuildOptions options, Consumer<String> progress) {
        this.progress = progress;
        this.options = options;
    }

    /**
     * Builds the site into {@code --out}, holding its {@link BuildLock}: a second build into the
     * same folder waits a moment, then fails naming this one.
     *
     * @throws KbException with every problem found
     */
    public BuildReport run() {
        try (BuildLock lock = BuildLock.acquire(options.out(), "kb build")) {
            recoverInterruptedSwap();
            // Deleted while this build reads and renders: SiteWriter#commit left it there.
            SiteWriter.Trash trash = SiteWriter.emptyTrash(options.out());
            BuildReport report;
            try {
                report = run(Phase.SWAP);
            } catch (RuntimeException e) {
                awaitQuietly(trash);
                throw e;
            }
            trash.await();
            return report;
        }
    }

    /** Waits for the trash of a build that failed: its own error is the one to report, and the next build tries again. */
    private static void awaitQuietly(SiteWriter.Trash trash) {
        try {
            trash.await();
        } catch (KbException ignored) {
            // the failed build's own problems are what the writer needs to see
        }
    }

    /** Every validation of a build, writing nothing. @throws KbException with every problem found */
    public BuildReport check() {
        return run(Phase.PAGES);
    }

    private BuildReport run(Phase last) {
        recoverInterruptedSwap();
        PhaseTimer timer = new PhaseTimer(progress);
        try (WholeSite steps = new WholeSite(options, last == Phase.SWAP, () -> { })) {
            Problems problems = Pipeline.run(steps, last, timer);
            return steps.report(problems, timer);
        } catch (UncheckedIOException e) {
            throw new KbException(Problem.error(SourceLocation.of(options.out()),
                    "cannot write the site: " + e.getCause().getMessage()));
        } catch (KbException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            // The net under every step: a bug of kb's that no step turned into a problem naming
            // its file still reaches the writer as a located problem, never as a JVM stack trace.
            throw new KbException(Problem.internal(SourceLocation.of(options.content()), "building the site", e));
        }
    }

    /** A build killed mid-swap left no site at --out: restore it first, even if this build then fails. */
    private void recoverInterruptedSwap() {
        try {
            SiteWriter.recover(options.out());
        } catch (IOException e) {
            throw new KbException(Problem.error(SourceLocation.of(options.out()), "cannot restore the site: " + e.getMessage()));
        }
    }
}
