package kb.pipeline;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import java.util.zip.ZipFile;
import kb.content.Article;
import kb.content.PackedText;
import kb.diagnostic.SourceLocation;
import kb.markdown.Heading;
import kb.markdown.LinkRef;
import kb.markdown.RenderedMarkdown;
import kb.markdown.TextSection;
import kb.output.SiteWriter;
import kb.search.AcronymsMemo;
import kb.search.Analyses;
import kb.search.RelatedMemo;

/**
 * What a build may take from the build before it instead of doing again: each article's and
 * answer's rendered Markdown, each page whose template model is unchanged (its bytes read
 * back from the previous site and checked against the checksum recorded when it was written),
 * each search record's analysed words ({@link Analyses}), and which articles' typed lifespans
 * were checked without a problem ({@code FactDrift}).
 *
 * <p>It lives in {@code <out>/.kb/cache/}: written into the staging folder with the site and
 * swapped in with it, so the cache always describes the site beside it, a failed or killed build
 * leaves the old pair, and a CI job can keep {@code site/.kb/} between runs. Every file carries a
 * key of everything its entries depend on besides their own input (kb's version and code, the
 * theme, every file of {@code content/} but the Markdown), and a checksum: a file made for
 * another key, or damaged in any way, is ignored whole and the build renders cold.
 */
final class BuildCache {
    static final String FOLDER = ".kb/cache/";
    static final String MARKDOWN = FOLDER + "markdown.bin";
    /** The documents rendered since {@link #MARKDOWN} was written whole, which later builds then keep as it is. */
    static final String MARKDOWN_ADDED = FOLDER + "markdown-added.bin";
    static final String PAGES = PagesFile.WHOLE;
    static final String ANALYSES = AnalysesFile.WHOLE;
    /** The entries the analyses make, written as they are made (see {@link #stage}); gone once saved. */
    private static final String ANALYSES_MADE = FOLDER + "analyses.made";
    static final String FACTS = FOLDER + "facts.bin";
    /** Each language's related lists and what they were found from ({@link RelatedMemo}), by its folder. */
    static final String RELATED = FOLDER + "related.bin";
    /** Each language's initials and which records hold them as words ({@link AcronymsMemo}), by its folder. */
    static final String ACRONYMS = FOLDER + "acronyms.bin";
    /** Stands for the document's file in a stored link's location: the file is the one asked about. */
    private static final Path SOURCE = Path.of("");

    private final boolean on;
    /** The articles read before, saved with the rest ({@link ArticleCache}); null when off. */
    private final ArticleCache articles;
    private final Path previous;
    private final Path content;
    private final String key;
    private final Map<String, RenderedMarkdown> oldMarkdown;
    /** The keys {@link #MARKDOWN} holds, when it was read whole: the file the next cache may keep as it is. */
    private final Set<String> markdownBase;
    private final Map<String, Page> oldPages;
    private final PagesFile pagesFile;
    /** The search records' analysed text, kept and taken by every language's index, and its files; null when off. */
    private final Analyses analyses;
    private final AnalysesFile analysesFile;
    /** Each document's key (see Documents#key) by its file, for the checks that read the same text. */
    private final Map<Path, String> documentKeys = new ConcurrentHashMap<>();
    /** Keys of the articles whose typed lifespans were checked without a problem (FactDrift), before and now. */
    private final Set<String> oldFacts;
    private final Set<String> newFacts = ConcurrentHashMap.newKeySet();
    private final Map<String, RelatedMemo> oldRelated;
    private final Map<String, RelatedMemo> newRelated = new ConcurrentHashMap<>();
    private final Map<String, AcronymsMemo> oldAcronyms;
    private final Map<String, AcronymsMemo> newAcronyms = new ConcurrentHashMap<>();
    private final AtomicInteger factsReused = new AtomicInteger();
    private final AtomicInteger related = new AtomicInteger();
    private final AtomicInteger relatedReused = new AtomicInteger();
    private final AtomicInteger searchDocuments = new AtomicInteger();
    private final AtomicInteger searchDocumentsReused = new AtomicInteger();
    private final Map<String, RenderedMarkdown> newMarkdown = new ConcurrentHashMap<>();
    private final Map<String, Page> newPages = new ConcurrentHashMap<>();
    private final AtomicInteger documents = new AtomicInteger();
    private final AtomicInteger documentsReused = new AtomicInteger();
    private final AtomicInteger pages = new AtomicInteger();
    private final AtomicInteger pagesReused = new AtomicInteger();
    /** Where the analyses' new entries go once the staging folder exists, and how many went. */
    private CacheFile.Out made;
    private int madeCount;

    /**
     * One page or file as it was written: its model's digest ("" for a file made without a
     * model), its bytes' length and checksum, and the digest of its inputs ({@link #reuseInputs};
     * "" when it has none).
     */
    record Page(String digest, int length, int crc, String inputs, String stat) {
        /** The same page, its file found with {@code stat} ({@link #stat}; "" for none worth keeping). */
        Page withStat(String stat) {
            return new Page(digest, length, crc, inputs, stat);
        }
    }

    private BuildCache(boolean on, Path previous, Path content, String key, ArticleCache articles) {
        this.on = on;
        this.articles = articles;
        this.previous = previous;
        this.content = content.toAbsolutePath().normalize();
        this.key = key;
        Map<String, RenderedMarkdown> markdown = on ? readMarkdown(previous.resolve(MARKDOWN), key) : Map.of();
        this.markdownBase = Set.copyOf(markdown.keySet());
        Map<String, RenderedMarkdown> added = on ? readMarkdown(previous.resolve(MARKDOWN_ADDED), key) : Map.of();
        if (!added.isEmpty()) {
            markdown = new HashMap<>(markdown);
            markdown.putAll(added);
        }
        this.oldMarkdown = markdown;
        this.pagesFile = on ? PagesFile.read(previous, key) : PagesFile.none();
        this.oldPages = pagesFile.pages();
        this.analysesFile = on ? AnalysesFile.read(previous, key) : null;
        this.analyses = on ? analysesFile.analyses() : null;
        this.oldFacts = on ? readKeys(previous.resolve(FACTS), key) : Set.of();
        this.oldRelated = on ? readRelated(previous.resolve(RELATED), key) : Map.of();
        this.oldAcronyms = on ? readAcronyms(previous.resolve(ACRONYMS), key) : Map.of();
    }

    /** A cache that keeps nothing ({@code --no-cache}, {@code kb check}, the preview). */
    static BuildCache off(Path content) {
        return new BuildCache(false, null, content, "", null);
    }

    /**
     * The cache the site at {@code options.out()} holds, for a build of {@code options}: every
     * entry made with another kb, theme or settings is left out at once, by the files' key.
     */
    static BuildCache open(BuildOptions options, ArticleCache articles) {
        String key = String.join("\n", codeKey(),
                "theme " + folderDigest(options.templates(), p -> true),
                "settings " + folderDigest(options.content(), BuildCache::isSetting),
                "base-url " + options.baseUrl(), "drafts " + options.drafts(), "preview " + options.preview());
        return new BuildCache(true, options.out().toAbsolutePath().normalize(), options.content(), key, articles);
    }

    boolean on() {
        return on;
    }

    /** Whether the site being replaced has pages this cache recorded, which the build may keep where they are. */
    boolean keepsPages() {
        return on && !oldPages.isEmpty();
    }

    /** kb's version and code: what every cache file's key starts with, and all of some files' ({@link ArticleCache}). */
    static String codeKey() {
        return "kb " + kb.Version.current() + " " + Code.DIGEST;
    }

    /**
     * The search index of the language in {@code folder} ({@code ""} for the default) that the
     * site being replaced holds, from which the new one takes its unchanged records' documents
     * when it was built with this cache's key; null when the cache is off.
     */
    kb.search.PreviousIndex previousIndex(String folder) {
        return on ? new kb.search.PreviousIndex(previous.resolve(folder + SearchRecords.LUCENE), key,
                oldAcronyms.get(folder)) : null;
    }

    /**
     * Counts the search index of the language in {@code folder}: its documents, and how many it
     * took from the build before's; and keeps what its initials were found from.
     */
    void indexed(String folder, kb.search.SearchIndex index) {
        if (on) {
            if (index.acronymsMemo() != null) {
                newAcronyms.put(folder, index.acronymsMemo());
            }
            searchDocuments.addAndGet(index.documents());
            searchDocumentsReused.addAndGet(index.documentsTaken());
        }
    }

    /** Where the search index takes and keeps each record's analysed text; null when the cache is off. */
    Analyses analyses() {
        return analyses;
    }

    /** What this build took from the cache so far. */
    BuildReport.Reuse reused() {
        int[] analysed = analyses == null ? new int[2] : analyses.reuse();
        int[] read = articles == null ? new int[2] : articles.reuse();
        return new BuildReport.Reuse(documents.get(), documentsReused.get(), pages.get(), pagesReused.get(), analysed[1],
                analysed[0], factsReused.get(), related.get(), relatedReused.get(), searchDocuments.get(),
                searchDocumentsReused.get(), read[0], read[1]);
    }

    /**
     * Every file of {@code content/} but the Markdown and kb's own record of published URLs:
     * kb.yaml, the data file, section settings. A change to one may change any page.
     */
    private static boolean isSetting(String name) {
        return !name.endsWith(".md") && !name.equals(kb.check.PublishedManifest.FILE);
    }

    /** Markdown documents of one language: keys, and the rendering a previous build kept. */
    Documents documents(String language, Set<String> fallback) {
        return new Documents(language + "\n" + String.join("\n", new TreeSet<>(fallback)));
    }

    /** The rendered Markdown of one language's documents, each found by a digest of everything its rendering reads. */
    final class Documents {
        private final String scope;

        private Documents(String scope) {
            this.scope = scope;
        }

        /**
         * The key of one document, or null when the cache is off. An article file the article
         * cache read is found by its bytes' digest ({@link ArticleCache#digest}), which fixes its
         * Markdown, and {@code markdown} is not asked for: digesting every body (inflated first)
         * was a third of a one-edit 10,000-article build's render phase (JFR).
         */
        String key(Path source, int line, String pageUrl, java.util.function.Supplier<String> markdown) {
            if (!on) {
                return null;
            }
            MessageDigest d = new Fingerprint();
            String file = content.relativize(source.toAbsolutePath().normalize()).toString().replace('\\', '/');
            String read = articles == null ? null : articles.digest(source);
            // The first part tells the two kinds of key apart: no body gives an article's key.
            List<String> parts = read != null ? List.of("file", scope, file, String.valueOf(line), pageUrl, read)
                    : List.of("text", scope, file, String.valueOf(line), pageUrl, markdown.get());
            for (String part : parts) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                d.update(intBytes(bytes.length));
                d.update(bytes);
            }
            String key = HexFormat.of().formatHex(d.digest());
            documentKeys.put(source.toAbsolutePath().normalize(), key);
            return key;
        }

        /** The document rendered before, its links located in {@code source}, or null. */
        RenderedMarkdown find(String key, Path source) {
            if (key == null) {
                return null;
            }
            documents.incrementAndGet();
            RenderedMarkdown known = oldMarkdown.get(key);
            if (known == null) {
                return null;
            }
            documentsReused.incrementAndGet();
            newMarkdown.put(key, known);
            return known.withLinks(known.links().stream()
                    .map(l -> new LinkRef(l.href(), new SourceLocation(source, l.at().line(), l.at().column()))).toList());
        }

        /** Keeps a document rendered without a problem (one with problems renders again, so they are reported again). */
        void keep(String key, RenderedMarkdown rendered) {
            if (key != null) {
                newMarkdown.put(key, rendered);
            }
        }
    }

    /**
     * Whether an earlier build checked this article's typed lifespans without a problem: the
     * same Markdown (its document key, made as it was rendered), title and summary; the data
     * file is in every entry's key already.
     */
    boolean factsCheckedBefore(Article a) {
        String k = factsKey(a);
        if (k == null || !oldFacts.contains(k)) {
            return false;
        }
        newFacts.add(k);
        factsReused.incrementAndGet();
        return true;
    }

    /** Records an article whose typed lifespans were just checked without a problem. */
    void factsClean(Article a) {
        String k = factsKey(a);
        if (k != null) {
            newFacts.add(k);
        }
    }

    private String factsKey(Article a) {
        String document = on ? documentKeys.get(a.source().toAbsolutePath().normalize()) : null;
        if (document == null) {
            return null;
        }
        MessageDigest d = new Fingerprint();
        for (String part : List.of("facts", document, a.title(), a.summary())) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            d.update(intBytes(bytes.length));
            d.update(bytes);
        }
        return HexFormat.of().formatHex(d.digest());
    }

    /** The digest of a page's template and model, or null when the cache is off or cannot vouch for the model. */
    String digest(String template, Map<String, Object> model) {
        if (!on) {
            return null;
        }
        byte[] d = ModelDigest.of(template, model);
        return d == null ? null : HexFormat.of().formatHex(d);
    }

    /**
     * The page at {@code path} in the previous site, when it was written from the same digest and
     * still has the length and checksum it had then, else null; recording {@code inputs} (or none,
     * when null) as what the page was made from: the next build may take it by them
     * ({@link #reuseInputs}) without making its model.
     */
    Kept reuse(String path, String digest, String inputs) {
        if (digest == null) {
            return null;
        }
        pages.incrementAndGet();
        Kept kept = reuseFile(path, digest, inputs);
        if (kept == null) {
            return null;
        }
        pagesReused.incrementAndGet();
        return kept;
    }

    /** The digest the previous build recorded for the file at {@code path} ({@link #keep}); null: none. */
    String previousDigest(String path) {
        Page old = oldPages.get(path);
        return old == null ? null : old.digest();
    }

    /** What the previous build recorded the file at {@code path} as made from ({@link #keep}'s inputs; "" none); null: no record. */
    String previousInputs(String path) {
        Page old = oldPages.get(path);
        return old == null ? null : old.inputs();
    }

    /**
     * The path of the file in {@code folder} ({@code search/data/t/}) the previous build recorded
     * with a digest of {@code identity} and a content hash ({@code identity + " " + hash}, as the
     * browser export keeps a file named after its hash); null when there is none.
     */
    String previousPath(String folder, String identity) {
        return byIdentity().get(folder + "\n" + identity);
    }

    /** {@link #previousPath}'s index of the previous build's files, made when first asked. */
    private Map<String, String> byIdentity() {
        Map<String, String> index = byIdentity;
        if (index == null) {
            Map<String, String> made = new HashMap<>();
            oldPages.forEach((path, page) -> {
                int space = page.digest().lastIndexOf(' ');
                if (space > 0) {
                    made.put(path.substring(0, path.lastIndexOf('/') + 1) + "\n" + page.digest().substring(0, space), path);
                }
            });
            byIdentity = index = made;
        }
        return index;
    }

    private volatile Map<String, String> byIdentity;

    /** A file of the previous site found unchanged: its length and CRC-32C. */
    record Kept(Path file, int length, int crc) { }

    /**
     * The file at {@code path} in the previous site and its bytes, as {@link #reuse} finds it, for
     * a file that is no page (not counted among them); else null.
     */
    Kept reuseFile(String path, String digest) {
        return reuseFile(path, digest, null);
    }

    /** {@link #reuseFile}, recording {@code inputs} (none when null) as {@link #reuse} does. */
    Kept reuseFile(String path, String digest, String inputs) {
        if (digest == null) {
            return null;
        }
        Page old = oldPages.get(path);
        if (old == null || !old.digest().equals(digest)) {
            return null;
        }
        return check(path, old, new Page(old.digest(), old.length(), old.crc(), inputs == null ? "" : inputs, ""));
    }

    /**
     * The page or file at {@code path} in the previous site, when it was made from the same
     * {@code inputs} (and is still as it was written), else null; {@code page} says whether it
     * counts among the pages. Inputs are a digest the caller makes of everything the file is
     * made from, cheaper than the model it would otherwise build to find it unchanged: an
     * article page's are the site's structure, the article's front matter and Markdown, and
     * what it lists as related (see PageWriter).
     */
    Kept reuseInputs(String path, String inputs, boolean page) {
        if (inputs == null) {
            return null;
        }
        Page old = oldPages.get(path);
        if (old == null || !old.inputs().equals(inputs)) {
            return null;
        }
        Kept kept = check(path, old, old);
        if (page && kept != null) {
            pages.incrementAndGet();
            pagesReused.incrementAndGet();
        }
        return kept;
    }

    /** The previous site's file at {@code path}, when it still has {@code old}'s length and checksum; kept as {@code now}. */
    private Kept check(String path, Page old, Page now) {
        Path file = previous.resolve(path);
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile() || attributes.size() != old.length()) {
                return null;
            }
            String stat = stat(attributes);
            if (stat.isEmpty() || !stat.equals(old.stat())) {
                byte[] bytes = Files.readAllBytes(file);
                if (bytes.length != old.length() || crc(bytes) != old.crc()) {
                    return null;
                }
            }
            newPages.put(path, now.withStat(stat));
            return new Kept(file, old.length(), old.crc());
        } catch (IOException e) {
            return null; // the file is made again
        }
    }

    /**
     * What says a file is the one whose bytes were checked: its modification time (to the
     * nanosecond the file system keeps) and its inode, which a hard link into the next site keeps
     * and any write or replacement changes. Reading every kept file back to check its CRC was
     * most of a warm build's system time at 10,000 articles (reading the 360 MB site took 7.8 s
     * of system time on the benchmark's machine; stat of every file 0.6 s).
     *
     * <p>"" (check the bytes) for a file modified in the last {@link #SETTLED} seconds: its time
     * may be the very tick (a few milliseconds on Linux) a write just after this build gives it,
     * as git's index treats a file "racily clean". Any write after a stat is kept comes later.
     */
    private static String stat(BasicFileAttributes attributes) {
        java.time.Instant modified = attributes.lastModifiedTime().toInstant();
        Object inode = attributes.fileKey();
        if (inode == null || modified.isAfter(java.time.Instant.now().minusSeconds(SETTLED))) {
            return "";
        }
        return modified + " " + inode;
    }

    /** Seconds after its last write before a file's time and inode vouch for its bytes ({@link #stat}). */
    private static final int SETTLED = 2;

    /** What the previous build's related lists of the language in {@code folder} were found from, or null. */
    RelatedMemo related(String folder) {
        return oldRelated.get(folder);
    }

    /** Keeps what this build's related lists of the language in {@code folder} were found from (null: nothing). */
    void keepRelated(String folder, RelatedMemo memo) {
        if (on && memo != null) {
            newRelated.put(folder, memo);
            RelatedMemo old = oldRelated.get(folder);
            related.addAndGet(memo.lists().size());
            // A list taken from the build before is that build's very entry.
            relatedReused.addAndGet((int) memo.lists().entrySet().stream()
                    .filter(e -> old != null && old.lists().get(e.getKey()) == e.getValue()).count());
        }
    }

    /** Records a page just rendered, so the next build can reuse it. */
    void keep(String path, String digest, byte[] bytes) {
        keep(path, digest, bytes, null);
    }

    /**
     * Records a page or file just made, by its model's digest and (when not null) its inputs'
     * (see {@link #reuseInputs}); a file with neither is not kept.
     */
    void keep(String path, String digest, byte[] bytes, String inputs) {
        if (on && (digest != null || inputs != null)) {
            newPages.put(path, new Page(digest == null ? "" : digest, bytes.length, crc(bytes), inputs == null ? "" : inputs, ""));
        }
    }

    /**
     * From now on, each entry the analyses make is written to {@code writer}'s staging folder at
     * once rather than held until {@link #save}: at 100,000 articles they would take about 440 MB.
     */
    void stage(SiteWriter writer) {
        if (!on) {
            return;
        }
        try {
            Path file = writer.resolve(ANALYSES_MADE);
            Files.createDirectories(file.getParent());
            made = CacheFile.Out.of(new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the build cache", e);
        }
        analyses.spill((k, fields) -> {
            try {
                AnalysesFile.writeEntry(made, k, fields);
                madeCount++;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the build cache", e);
            }
        });
    }

    /** Stops writing the analyses' new entries (a failed build's staging folder is thrown away with them). */
    void close() {
        if (made != null) {
            analyses.spill(null);
            try {
                made.data.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the build cache", e);
            }
        }
    }

    /** Writes what this build rendered into its staging folder, to be swapped in with the site. */
    void save(SiteWriter writer) {
        if (!on) {
            return;
        }
        if (articles != null) {
            articles.save(writer);
        }
        try {
            saveMarkdown(writer);
            statWritten(writer);
            pagesFile.save(writer, previous, key, newPages);
            Path spilled = writer.resolve(ANALYSES_MADE);
            close();
            analysesFile.save(writer, previous, key, spilled, madeCount);
            Files.deleteIfExists(spilled);
            CacheFile.write(writer.resolve(FACTS), key, new TreeSet<>(newFacts), (out, k) -> out.string(k));
            CacheFile.write(writer.resolve(RELATED), key, new TreeMap<>(newRelated).entrySet(),
                    (out, e) -> writeRelated(out, e.getKey(), e.getValue()));
            CacheFile.write(writer.resolve(ACRONYMS), key, new TreeMap<>(newAcronyms).entrySet(),
                    (out, e) -> writeAcronyms(out, e.getKey(), e.getValue()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the build cache", e);
        }
        // Saved: what is left of the build (the swap, the published URLs) runs without them.
        newMarkdown.clear();
        newPages.clear();
        newFacts.clear();
        newRelated.clear();
        newAcronyms.clear();
    }

    /**
     * The key of the document in {@code source} as this build rendered (or took) it, or null:
     * a page made from the document names it among its inputs ({@link #reuseInputs}).
     */
    String documentKey(Path source) {
        return on ? documentKeys.get(source.toAbsolutePath().normalize()) : null;
    }

    /**
     * The pages are written: no one asks for a document's key by its file again (at 100,000
     * articles the map of them holds about 27 MB).
     */
    void paged() {
        documentKeys.clear();
    }

    /**
     * Writes the rendered documents: while most of them are still the ones {@link #MARKDOWN}
     * holds, that file is kept as it is (a hard link into the new site) and only the documents
     * rendered since go to {@link #MARKDOWN_ADDED}. At 10,000 articles the whole file is 89 MB,
     * rewritten by every build for one edited article. Once the documents no longer used plus
     * those added since pass a quarter of it (or 16, on a small site), it is written whole
     * again, so a cache never carries more than that of dead weight.
     */
    private void saveMarkdown(SiteWriter writer) throws IOException {
        Map<String, RenderedMarkdown> added = new TreeMap<>();
        newMarkdown.forEach((k, m) -> {
            if (!markdownBase.contains(k)) {
                added.put(k, m);
            }
        });
        int kept = newMarkdown.size() - added.size();
        int unused = markdownBase.size() - kept;
        if (CacheFile.keepsWhole(unused + added.size(), markdownBase.size())) {
            writer.reuseOwn(previous.resolve(MARKDOWN), MARKDOWN);
            writeMarkdown(writer.resolve(MARKDOWN_ADDED), added);
        } else {
            writeMarkdown(writer.resolve(MARKDOWN), new TreeMap<>(newMarkdown));
        }
    }

    /**
     * The {@link #stat} of each page and file this build wrote, so the next build need not read
     * it back: after a cold build, that is every file.
     */
    private void statWritten(SiteWriter writer) {
        newPages.entrySet().parallelStream().filter(e -> e.getValue().stat().isEmpty()).forEach(e -> {
            try {
                BasicFileAttributes attributes = Files.readAttributes(writer.resolve(e.getKey()), BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                if (attributes.isRegularFile() && attributes.size() == e.getValue().length()) {
                    e.setValue(e.getValue().withStat(stat(attributes)));
                }
            } catch (IOException missing) {
                // stays "": the next build reads it back
            }
        });
    }

    private void writeMarkdown(Path file, Map<String, RenderedMarkdown> documents) throws IOException {
        writeMarkdown(file, key, documents);
    }

    private static void writeRelated(CacheFile.Out out, String folder, RelatedMemo memo) throws IOException {
        out.string(folder);
        out.data.writeLong(memo.stats().docCount());
        out.count(memo.stats().numDocs());
        out.data.writeLong(memo.stats().averageLength());
        out.ints(memo.articleIds());
        out.count(memo.records().length);
        for (Analyses.Key k : memo.records()) {
            out.data.writeBoolean(k != null);
            if (k != null) {
                writeKey(out, k);
            }
        }
        out.count(memo.lists().size());
        for (Map.Entry<Integer, RelatedMemo.Found> e : new TreeMap<>(memo.lists()).entrySet()) {
            out.count(e.getKey());
            writeKey(out, e.getValue().text());
            out.count(e.getValue().count());
            out.count(e.getValue().query().size());
            for (String w : e.getValue().query()) {
                out.string(w);
            }
            out.ints(e.getValue().ids().stream().mapToInt(Integer::intValue).toArray());
        }
    }

    private static void writeAcronyms(CacheFile.Out out, String folder, AcronymsMemo memo) throws IOException {
        out.string(folder);
        out.count(memo.records().size());
        for (Analyses.Key k : memo.records()) {
            writeKey(out, k);
        }
        out.count(memo.words().size());
        for (Map.Entry<String, Analyses.Key> e : new TreeMap<>(memo.words()).entrySet()) {
            out.string(e.getKey());
            writeKey(out, e.getValue());
        }
        out.count(memo.absent().size());
        for (String initials : new TreeSet<>(memo.absent())) {
            out.string(initials);
        }
    }

    private static Map<String, AcronymsMemo> readAcronyms(Path file, String key) {
        Map<String, AcronymsMemo> out = new HashMap<>();
        boolean whole = CacheFile.read(file, key, in -> {
            String folder = in.string();
            int n = in.count();
            Set<Analyses.Key> records = new HashSet<>(n * 2);
            for (int i = 0; i < n; i++) {
                records.add(readKey(in));
            }
            Map<String, Analyses.Key> words = new HashMap<>();
            for (int i = in.count(); i > 0; i--) {
                words.put(in.string(), readKey(in));
            }
            Set<String> absent = new HashSet<>();
            for (int i = in.count(); i > 0; i--) {
                absent.add(in.string());
            }
            out.put(folder, new AcronymsMemo(records, words, absent));
        });
        return whole ? out : Map.of();
    }

    private static void writeKey(CacheFile.Out out, Analyses.Key k) throws IOException {
        out.data.writeLong(k.a());
        out.data.writeLong(k.b());
        out.data.writeLong(k.c());
        out.data.writeLong(k.d());
    }

    private static Analyses.Key readKey(CacheFile.In in) throws IOException {
        return new Analyses.Key(in.readLong(), in.readLong(), in.readLong(), in.readLong());
    }

    private static Map<String, RelatedMemo> readRelated(Path file, String key) {
        Map<String, RelatedMemo> out = new HashMap<>();
        boolean whole = CacheFile.read(file, key, in -> {
            String folder = in.string();
            RelatedMemo.Stats stats = new RelatedMemo.Stats(in.readLong(), in.count(), in.readLong());
            int[] articleIds = in.ints();
            Analyses.Key[] records = new Analyses.Key[in.count()];
            for (int i = 0; i < records.length; i++) {
                records[i] = in.readBoolean() ? readKey(in) : null;
            }
            Map<Integer, RelatedMemo.Found> lists = new HashMap<>();
            for (int i = in.count(); i > 0; i--) {
                int id = in.count();
                Analyses.Key text = readKey(in);
                int count = in.count();
                List<String> query = new ArrayList<>();
                for (int w = in.count(); w > 0; w--) {
                    query.add(in.string());
                }
                lists.put(id, new RelatedMemo.Found(text, count, query, java.util.Arrays.stream(in.ints()).boxed().toList()));
            }
            try {
                out.put(folder, new RelatedMemo(stats, articleIds, records, lists));
            } catch (IllegalArgumentException e) {
                throw new IOException("not what a build wrote: " + e.getMessage(), e);
            }
        });
        return whole ? out : Map.of();
    }

    private static Set<String> readKeys(Path file, String key) {
        Set<String> out = new HashSet<>();
        boolean whole = CacheFile.read(file, key, in -> out.add(in.string()));
        return whole ? out : Set.of();
    }

    /**
     * A document as it is held: its HTML and sections' texts still packed ({@link kb.content.PackedText}),
     * so neither writing nor reading it inflates or deflates them.
     */
    private static void writeMarkdown(CacheFile.Out out, RenderedMarkdown m) throws IOException {
        out.packed(m.packed());
        out.count(m.headings().size());
        for (Heading h : m.headings()) {
            out.count(h.level());
            out.string(h.text());
            out.string(h.id());
            out.count(h.aliases().size());
            for (String alias : h.aliases()) {
                out.string(alias);
            }
            out.count(h.line());
        }
        out.count(m.sectionHeads().size());
        for (TextSection s : m.sectionHeads()) {
            out.string(s.heading());
            out.string(s.anchor());
            out.count(s.level());
        }
        out.count(m.links().size());
        for (LinkRef l : m.links()) {
            out.string(l.href());
            out.count(l.at().line());
            out.count(l.at().column());
        }
    }

    /** The rendered documents {@code file} holds by their keys, or none when it is not whole or made for another key. */
    static Map<String, RenderedMarkdown> readMarkdown(Path file, String key) {
        Map<String, RenderedMarkdown> out = new HashMap<>();
        boolean whole = CacheFile.read(file, key, in -> {
            String id = in.string();
            PackedText packed = in.packed();
            List<Heading> headings = new ArrayList<>();
            for (int i = in.count(); i > 0; i--) {
                int level = in.readInt();
                String text = in.string();
                String anchor = in.string();
                List<String> aliases = new ArrayList<>();
                for (int j = in.count(); j > 0; j--) {
                    aliases.add(in.string());
                }
                headings.add(new Heading(level, text, anchor, aliases, in.readInt()));
            }
            List<TextSection> sections = new ArrayList<>();
            for (int i = in.count(); i > 0; i--) {
                sections.add(new TextSection(in.string(), in.string(), in.readInt(), ""));
            }
            List<LinkRef> links = new ArrayList<>();
            for (int i = in.count(); i > 0; i--) {
                links.add(new LinkRef(in.string(), new SourceLocation(SOURCE, in.readInt(), in.readInt())));
            }
            out.put(id, new RenderedMarkdown(packed, headings, sections, links));
        });
        return whole ? out : Map.of();
    }

    /** Writes {@code documents} as {@link #save} does, under {@code key}: the tests that damage a cache on purpose. */
    static void writeMarkdown(Path file, String key, Map<String, RenderedMarkdown> documents) throws IOException {
        CacheFile.write(file, key, new TreeMap<>(documents).entrySet(), (out, e) -> {
            out.string(e.getKey());
            writeMarkdown(out, e.getValue());
        });
    }

    private static int crc(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return (int) crc.getValue();
    }

    static byte[] intBytes(int n) {
        return new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n};
    }

    /**
     * A digest of every file under {@code folder} ({@link FolderFiles#under}) that {@code include}
     * takes (by its relative path, with {@code /}), names and bytes.
     */
    static String folderDigest(Path folder, Predicate<String> include) {
        MessageDigest d = new Fingerprint();
        if (Files.isDirectory(folder)) {
            try {
                for (String file : FolderFiles.under(folder).keySet()) {
                    if (!include.test(file)) {
                        continue;
                    }
                    byte[] name = file.getBytes(StandardCharsets.UTF_8);
                    byte[] bytes = Files.readAllBytes(folder.resolve(file));
                    d.update(intBytes(name.length));
                    d.update(name);
                    d.update(intBytes(bytes.length));
                    d.update(bytes);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return HexFormat.of().formatHex(d.digest());
    }

    /**
     * kb's own code and built-in theme: the jar it runs from (each entry's name, size and CRC, as
     * its central directory records them), or the class folder of a development build. A change
     * to kb, even one that keeps the version, leaves every cache behind. Read once per process.
     */
    private static final class Code {
        static final String DIGEST = compute();

        private static String compute() {
            try {
                Path location = Path.of(BuildCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                if (Files.isDirectory(location)) {
                    return folderDigest(location, p -> true);
                }
                MessageDigest d = new Fingerprint();
                try (ZipFile jar = new ZipFile(location.toFile())) {
                    jar.stream().forEach(e -> {
                        d.update(e.getName().getBytes(StandardCharsets.UTF_8));
                        d.update((byte) 0);
                        d.update((e.getSize() + " " + e.getCrc() + "\n").getBytes(StandardCharsets.UTF_8));
                    });
                }
                return HexFormat.of().formatHex(d.digest());
            } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
                // No code to vouch for: a key no cache file has, so every build is cold.
                return "unknown " + System.nanoTime();
            }
        }
    }
}
