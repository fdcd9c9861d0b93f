package kb.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import kb.search.SearchIndex;
import kb.search.SearchIndexer;

/**
 * Opens the search index for {@code kb search}: the one the last build left in the site when
 * the content has not changed since, else a fresh one built in memory (nothing is written).
 */
public final class SiteSearch {
    static final String FINGERPRINT = ".kb/fingerprint.txt";

    private SiteSearch() {
    }

    /** Whether the answer came from the built site or a fresh in-memory index. */
    public record Opened(SearchIndex index, boolean fromSite, String baseUrl) { }

    public static Opened open(BuildOptions options) {
        Path lucene = options.out().resolve(SearchRecords.LUCENE);
        Path stamp = options.out().resolve(FINGERPRINT);
        try {
            String current = ContentFingerprint.of(options.content());
            if (Files.isDirectory(lucene) && Files.isRegularFile(stamp)
                    && Files.readString(stamp, StandardCharsets.UTF_8).strip().equals(current)) {
                // The index already holds every article: only kb.yaml is needed (synonyms, base
                // URL), so no article is parsed before the query. Settings with errors fall
                // through to the full check below, which reports them.
                var config = new kb.content.ContentLoader(options.content(), false).config(new kb.diagnostic.Problems());
                if (config != null) {
                    return new Opened(SearchIndex.open(lucene, config.synonyms()), true,
                            options.baseUrl() != null ? options.baseUrl() : config.baseUrl());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RenderedSite site;
        Words words;
        try (WholeSite steps = new WholeSite(options, false, () -> { })) {
            Pipeline.run(steps, Phase.CHECK, new PhaseTimer());
            site = steps.site();
            words = steps.words();
        }
        SearchIndex index = SearchIndexer.buildInMemory(SearchRecords.of(site, words),
                site.content().config().synonyms());
        return new Opened(index, false, site.content().config().baseUrl());
    }

    /** Called by the build: records which content the index in the site was built from. */
    static void stamp(kb.output.SiteWriter writer, Path content) {
        writer.write(FINGERPRINT, ContentFingerprint.of(content) + "\n");
    }
}
