package kb.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import kb.search.SearchIndex;
import kb.content.Language;

/**
 * Opens the search index for {@code kb search}: the one the last build left in the site when
 * the content has not changed since, else a fresh one built in memory (nothing is written).
 */
public final class SiteSearch {
    static final String FINGERPRINT = ".kb/fingerprint.txt";
    /** The content files' sizes and times when the fingerprint was taken (ContentFingerprint#stats). */
    static final String STATS = ".kb/content-stats.txt";

    /**
     * Each content file's digest when the fingerprint was taken, with its size and time: the next
     * build reads only the files changed since. One line per file: size, time in nanoseconds,
     * digest, path, between tabs.
     */
    static final String FILES = ".kb/content-files.txt";

    private SiteSearch() {
    }

    /** The digests {@link #FILES} records, or none when it is missing or not what a build wrote. */
    private static Map<String, ContentFingerprint.File> files(Path file) {
        Map<String, ContentFingerprint.File> out = new java.util.HashMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] parts = line.split("\t", 4);
                if (parts.length != 4 || parts[2].length() != 48 || !parts[2].matches("[0-9a-f]+")) {
                    return Map.of();
                }
                out.put(parts[3], new ContentFingerprint.File(Long.parseLong(parts[0]), Long.parseLong(parts[1]), parts[2]));
            }
        } catch (IOException | RuntimeException e) {
            return Map.of(); // every file is read
        }
        return out;
    }

    /** Whether the answer came from the built site or a fresh in-memory index. */
    public record Opened(SearchIndex index, boolean fromSite, String baseUrl) { }

    /** {@code kb search --lang} named a language the site does not have. */
    public static final class UnknownLanguage extends IllegalArgumentException {
        UnknownLanguage(String message) {
            super(message);
        }
    }

    /** The default language's index. */
    public static Opened open(BuildOptions options) {
        return open(options, null);
    }

    /**
     * The index of one language ({@code null}: the default, the first of kb.yaml's languages):
     * {@code <out>/<code>/.kb/lucene}, or that language built in memory.
     *
     * @throws UnknownLanguage when the site has no such language (a usage error)
     */
    public static Opened open(BuildOptions options, String language) {
        try {
            // Only kb.yaml is read first: with a current index, no article is parsed before the
            // query. Settings with errors fall through to the full check below, which reports them.
            var config = new kb.content.ContentLoader(options.content(), false).config(new kb.diagnostic.Problems());
            if (config != null) {
                Language l = language(config, language);
                String folder = l == config.defaultLanguage() ? "" : l.code() + "/";
                Path lucene = options.out().resolve(folder + SearchRecords.LUCENE);
                if (Files.isDirectory(lucene) && Files.isRegularFile(options.out().resolve(FINGERPRINT))
                        && isCurrent(options.content(), options.out())) {
                    var own = (options.baseUrl() != null ? config.withBaseUrl(options.baseUrl()) : config).edition(l);
                    return new Opened(SearchIndex.open(lucene, own.synonyms()), true, own.baseUrl());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RenderedSite site;
        Words words;
        try (WholeSite steps = new WholeSite(options, false, () -> { })) {
            Pipeline.run(steps, Phase.CHECK, new PhaseTimer());
            String code = language(steps.site().content().config(), language).code();
            site = steps.site(code);
            words = steps.words(code);
        }
        return new Opened(SearchRecords.inMemory(site, words), false, site.content().config().baseUrl());
    }

    private static Language language(kb.content.SiteConfig config, String code) {
        if (code == null) {
            return config.defaultLanguage();
        }
        return config.languages().stream().filter(l -> l.code().equals(code)).findFirst()
                .orElseThrow(() -> new UnknownLanguage("--lang " + code + " is not a language of this help center; kb.yaml lists "
                        + String.join(", ", config.languages().stream().map(Language::code).toList())));
    }

    /**
     * Whether the site's index was built from this content: no file added, removed or written
     * since the stamp (a walk of the folder), else the same bytes (reading every file, which on
     * a 10,000-article site took longer than the query).
     */
    private static boolean isCurrent(Path content, Path out) throws IOException {
        Path stats = out.resolve(STATS);
        if (Files.isRegularFile(stats)
                && Files.readString(stats, StandardCharsets.UTF_8).strip().equals(ContentFingerprint.stats(content).hash())) {
            return true;
        }
        return Files.readString(out.resolve(FINGERPRINT), StandardCharsets.UTF_8).strip().equals(ContentFingerprint.of(content));
    }

    /**
     * Called by the build: records which content the index in the site was built from. kb's own
     * files, not counted in the site's size: the stats file is shorter when it says "racy", which
     * made a warm build's size differ from a cold one's by 44 bytes whenever a content file had
     * been written within two seconds of one of them.
     */
    static void stamp(kb.output.SiteWriter writer, Path content) {
        stamp(writer, content, null);
    }

    /**
     * {@link #stamp}, taking each content file's digest from the site at {@code previous} (null:
     * none) when the file still has the size and time it had there ({@link #FILES}).
     */
    static void stamp(kb.output.SiteWriter writer, Path content, Path previous) {
        ContentFingerprint.Listed listed = ContentFingerprint.files(content);
        ContentFingerprint.Stats stats = ContentFingerprint.stats(listed);
        ContentFingerprint.Read read = ContentFingerprint.of(content, listed,
                previous == null ? Map.of() : files(previous.resolve(FILES)), java.time.Instant.now());
        writer.writeOwn(FINGERPRINT, read.fingerprint() + "\n");
        StringBuilder files = new StringBuilder();
        read.files().forEach((name, f) -> files.append(f.size()).append('\t').append(f.modified()).append('\t')
                .append(f.digest()).append('\t').append(name).append('\n'));
        writer.writeOwn(FILES, files.toString());
        // A file written just now could change again within its time's tick: then only its bytes tell.
        writer.writeOwn(STATS, (stats.racy(java.time.Instant.now()) ? "racy" : stats.hash()) + "\n");
    }
}
