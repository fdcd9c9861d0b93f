package kb.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;

/**
 * Runs a kb goal in this JVM, as Maven would after injecting its parameters, with Maven's log
 * captured: for tests in other packages (the error matrix) that compare the plugin with the
 * command line.
 */
public final class MojoRun {
    private MojoRun() {
    }

    /** What one goal logged at error level, and whether it failed the Maven build. */
    public record Result(boolean failed, List<String> errors) {
        public Result {
            errors = List.copyOf(errors);
        }
    }

    /** {@code mvn kb:build} on these folders. */
    public static Result build(Path content, Path templates, Path out) {
        return run(new BuildMojo(), content, templates, out);
    }

    /** {@code mvn kb:check} on these folders. */
    public static Result check(Path content, Path templates, Path out) {
        return run(new CheckMojo(), content, templates, out);
    }

    private static Result run(SiteMojo mojo, Path content, Path templates, Path out) {
        mojo.content = content.toFile();
        mojo.templates = templates.toFile();
        mojo.out = out.toFile();
        List<String> errors = new ArrayList<>();
        mojo.setLog(new SystemStreamLog() {
            @Override
            public void error(CharSequence line) {
                errors.add(line.toString());
            }

            @Override
            public void info(CharSequence line) {
                // the summary: not what these tests compare
            }
        });
        try {
            mojo.execute();
            return new Result(false, errors);
        } catch (MojoFailureException e) {
            return new Result(true, errors);
        } catch (MojoExecutionException e) {
            throw new IllegalStateException("the goal broke rather than reporting problems", e);
        }
    }
}
