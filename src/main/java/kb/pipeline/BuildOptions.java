package kb.pipeline;

import java.nio.file.Path;

/**
 * What to build and how.
 *
 * @param baseUrl overrides kb.yaml's base_url when not null
 * @param drafts whether draft articles are built (preview)
 * @param preview whether pages get the live-reload script
 * @param acceptRemovals whether published URLs may disappear without an alias this once
 */
public record BuildOptions(Path content, Path templates, Path out, String baseUrl, boolean drafts, boolean preview,
        boolean acceptRemovals) {

    public static BuildOptions defaults() {
        return new BuildOptions(Path.of("content"), Path.of("templates"), Path.of("site"), null, false, false, false);
    }
}
