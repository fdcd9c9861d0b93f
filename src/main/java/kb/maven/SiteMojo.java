package kb.maven;

import java.io.File;
import java.io.PrintWriter;
import java.nio.file.Path;
import kb.cli.ProblemPrinter;
import kb.diagnostic.KbException;
import kb.pipeline.BuildOptions;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every kb goal shares: the folders, named as the command line's flags are, with the same
 * defaults relative to the project, and the way content errors reach Maven's output.
 */
abstract class SiteMojo extends AbstractMojo {
    /** The content folder ({@code --content}). */
    @Parameter(property = "kb.content", defaultValue = "${project.basedir}/content")
    File content;

    /** The theme folder overriding kb's default theme file by file ({@code --templates}); it may not exist. */
    @Parameter(property = "kb.templates", defaultValue = "${project.basedir}/templates")
    File templates;

    /** The output folder ({@code --out}). */
    @Parameter(property = "kb.out", defaultValue = "${project.basedir}/site")
    File out;

    /** Overrides base_url of kb.yaml ({@code --base-url}). */
    @Parameter(property = "kb.baseUrl")
    String baseUrl;

    /** Skips the goal. */
    @Parameter(property = "kb.skip", defaultValue = "false")
    boolean skip;

    BuildOptions options(boolean drafts, boolean preview, boolean acceptRemovals) {
        return new BuildOptions(shown(content), shown(templates), shown(out), baseUrl, drafts, preview, acceptRemovals);
    }

    /**
     * A folder as errors should name it: relative to where Maven runs when it is inside, so
     * {@code content/articles/a.md:3:5} reads as on the command line and terminals link it.
     */
    static Path shown(File folder) {
        Path path = folder.toPath().toAbsolutePath().normalize();
        Path here = Path.of("").toAbsolutePath();
        return path.startsWith(here) && !path.equals(here) ? here.relativize(path) : path;
    }

    PrintWriter info() {
        return LogWriter.to(getLog()::info);
    }

    /**
     * Prints every problem as the command line does (path:line:col: message, the line, a caret)
     * into Maven's error log, and returns the failure that ends the build without a stack trace.
     */
    MojoFailureException failure(KbException e, String consequence) {
        try (PrintWriter err = LogWriter.to(getLog()::error)) {
            ProblemPrinter.print(err, e.problems());
        }
        long errors = e.problems().stream().filter(kb.diagnostic.Problem::isError).count();
        return new MojoFailureException(errors + (errors == 1 ? " error" : " errors")
                + " in the content or templates" + consequence + "; each is printed above with its file, line and column");
    }
}
