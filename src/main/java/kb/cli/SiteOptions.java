package kb.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The folders every verb shares, with the contract's defaults. */
final class SiteOptions {
    @Option(names = "--content", paramLabel = "DIR", description = "Content folder (default: ${DEFAULT-VALUE}).",
            defaultValue = "content")
    Path content;

    @Option(names = "--templates", paramLabel = "DIR", description = "Theme folder (default: ${DEFAULT-VALUE}).",
            defaultValue = "templates")
    Path templates;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: ${DEFAULT-VALUE}).",
            defaultValue = "site")
    Path out;

    @Option(names = "--base-url", paramLabel = "URL", description = "Overrides base_url of kb.yaml.")
    String baseUrl;
}
