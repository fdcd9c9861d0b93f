package kb.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The folders every verb shares, with the contract's defaults. */
final class SiteOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--content", paramLabel = "DIR", description = "Content folder (default: ${DEFAULT-VALUE}).",
            defaultValue = "content")
    Path content;

    @Option(names = "--templates", paramLabel = "DIR", defaultValue = "templates",
            description = "Theme folder overriding kb's default theme file by file (default: ${DEFAULT-VALUE}, if present).")
    Path templates;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: ${DEFAULT-VALUE}).",
            defaultValue = "site")
    Path out;

    @Option(names = "--base-url", paramLabel = "URL", description = "Overrides base_url of kb.yaml.")
    String baseUrl;

    /**
     * Without {@code templates/} kb uses the theme in kb.jar, but a folder named with
     * {@code --templates} must exist: a typo there would otherwise silently drop every override.
     */
    boolean templatesExist(PrintWriter err) {
        if (Files.isDirectory(templates) || !mixee.commandLine().getParseResult().hasMatchedOption("--templates")) {
            return true;
        }
        err.println("kb: folder '" + templates + "' does not exist (see --templates; without it kb uses its default theme)");
        err.flush();
        return false;
    }

    /** The content folder and a named templates folder must exist before a preview starts. */
    boolean foldersExist(PrintWriter err) {
        if (!Files.isDirectory(content)) {
            err.println("kb: folder '" + content + "' does not exist (see --content)");
            err.flush();
            return false;
        }
        return templatesExist(err);
    }
}
