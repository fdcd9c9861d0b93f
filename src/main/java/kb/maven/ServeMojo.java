package kb.maven;

import java.io.IOException;
import java.io.PrintWriter;
import kb.cli.PreviewConsole;
import kb.serve.PortInUseException;
import kb.serve.Preview;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code mvn kb:serve}: {@code kb serve}, a preview on 127.0.0.1 that rebuilds and reloads as
 * files are saved, until Ctrl+C. Errors are printed and shown in the browser; the preview goes on.
 */
@Mojo(name = "serve", threadSafe = true)
public final class ServeMojo extends SiteMojo {
    /** The port on 127.0.0.1 ({@code --port}; 0 picks a free one). */
    @Parameter(property = "kb.port", defaultValue = "8080")
    int port;

    /** Shows draft articles with a badge ({@code --drafts}). */
    @Parameter(property = "kb.drafts", defaultValue = "false")
    boolean drafts;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (port < 0 || port > 65535) {
            throw new MojoFailureException("kb.port must be between 0 and 65535, got " + port);
        }
        if (!content.isDirectory()) {
            throw new MojoFailureException("folder '" + shown(content) + "' does not exist (see <content>)");
        }
        PrintWriter out = info();
        PrintWriter err = LogWriter.to(getLog()::error);
        Preview preview;
        try {
            preview = Preview.start(options(drafts, true, false), port, new PreviewConsole(out, err, shown(this.out).toString()));
        } catch (PortInUseException e) {
            throw new MojoFailureException(e.getMessage());
        } catch (IOException e) {
            throw new MojoExecutionException("cannot start the preview: " + e.getMessage(), e);
        }
        Thread stop = new Thread(preview::close, "kb-serve-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        getLog().info("Serving " + preview.url() + (drafts ? " with drafts" : "") + ", watching " + shown(content)
                + "/ (Ctrl+C stops)");
        try {
            preview.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            preview.close();
        }
    }
}
