package kb.pipeline;

import java.nio.file.Path;

/**
 * What to build and how.
 *
 * @param baseUrl overrides kb.yaml's base_url when not null
 * @param drafts whether draft articles are built (preview)
 * @param preview whether pages get the live-reload script
 * @param acceptRemovals whether published URLs may disappear without an alias this once
 * @param cache whether a build reuses what the build before it left in {@code <out>/.kb/cache/}
 *     and leaves its own there ({@code --no-cache} turns it off)
 */
public record BuildOptions(Path content, Path templates, Path out, String baseUrl, boolean drafts, boolean preview,
        boolean acceptRemovals, boolean cache) {

    /** A build with the build cache on. */
    public BuildOptions(Path content, Path templates, Path out, String baseUrl, boolean drafts, boolean preview,
            boolean acceptRemovals) {
        this(content, templates, out, baseUrl, drafts, preview, acceptRemovals, true);
    }

    /** The same options with the build cache on or off. */
    public BuildOptions withCache(boolean on) {
        return new BuildOptions(content, templates, out, baseUrl, drafts, preview, acceptRemovals, on);
    }

    public static BuildOptions defaults() {
        return new BuildOptions(Path.of("content"), Path.of("templates"), Path.of("site"), null, false, false, false);
    }
}
