package kb.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import kb.content.Article;
import kb.content.ArticleMemo;
import kb.content.Located;
import kb.content.PackedText;
import kb.diagnostic.SourceLocation;
import kb.output.SiteWriter;

/**
 * The articles a build read, kept in {@code <out>/.kb/cache/articles.bin} for the next one to
 * take by their files' bytes instead of parsing them again: at 10,000 articles, decoding the files,
 * parsing their front matter and packing their bodies was most of reading the content, and the
 * content half of a warm build's load phase. An entry is found by a digest of the file's bytes
 * and its place (path below {@code content/}, section, slug, whether it needs an id); it holds the
 * article as read, its locations as lines and columns (put back into the file they are found
 * for) and its body packed as it is held. What reading an article gives depends on nothing but
 * its bytes, its place and kb's code, so the file's key is kb's version and code alone: a change
 * to the theme or the settings keeps it. Like every cache file, one that is missing, damaged or
 * of another kb reads as nothing, and every article is read from its file.
 *
 * <p>The file is read on a thread of its own, started as the build starts; the first article to
 * look for an entry waits for it.
 */
final class ArticleCache implements ArticleMemo {
    static final String FILE = BuildCache.FOLDER + "articles.bin";
    /**
     * The articles read since {@link #FILE} was written whole, which later builds then keep as it
     * is: at 10,000 articles the whole file is 19.8 MB, written again by every build for one
     * edited article. Once the entries no longer used plus those added pass a quarter of it (or
     * 16), it is written whole again ({@link CacheFile#keepsWhole}), as the Markdown file is.
     */
    static final String ADDED = BuildCache.FOLDER + "articles-added.bin";
    /** Stands for the article's file in a kept location: put back by {@link #find}. */
    private static final Path SOURCE = Path.of("");

    private final Path content;
    /** The site whose cache is read, and what its files hold. */
    private final Path previous;
    private final CompletableFuture<Kept> before;
    private final Map<String, Article> now = new ConcurrentHashMap<>();
    /** Each file's key, by its absolute path: what its bytes and place gave ({@link #digest}). */
    private final Map<Path, String> digests = new ConcurrentHashMap<>();
    private final AtomicInteger asked = new AtomicInteger();
    private final AtomicInteger found = new AtomicInteger();

    /** The articles the previous build kept, by key, and the keys its whole file holds (empty: none was read). */
    private record Kept(Map<String, Article> articles, Set<String> whole) { }

    private ArticleCache(Path content, Path previous, CompletableFuture<Kept> before) {
        this.content = content.toAbsolutePath().normalize();
        this.previous = previous;
        this.before = before;
    }

    /** Starts reading what the build of the site at {@code out} kept. */
    static ArticleCache open(Path content, Path out) {
        Path site = out.toAbsolutePath().normalize();
        return new ArticleCache(content, site, CompletableFuture.supplyAsync(() -> read(site, BuildCache.codeKey()),
                runnable -> {
                    Thread t = new Thread(runnable, "kb-articles-open");
                    t.setDaemon(true); // a build that fails before it reads an article does not wait for it
                    t.start();
                }));
    }

    @Override
    public Article find(Place place, byte[] bytes) {
        asked.incrementAndGet();
        String key = key(place, bytes);
        digests.put(place.file().toAbsolutePath().normalize(), key);
        Article kept = before.join().articles().get(key);
        if (kept == null) {
            return null;
        }
        found.incrementAndGet();
        now.put(key, kept);
        return located(kept, place.file());
    }

    @Override
    public void keep(Place place, byte[] bytes, Article article) {
        now.put(key(place, bytes), article);
    }

    /**
     * A digest of the bytes and place of the article file {@code file} as this build read it, or
     * null when it was not looked for here. What reading an article gives depends on nothing
     * else (see the class comment): its body's rendering can be found by this digest instead of
     * the body, which is then neither inflated nor digested again.
     */
    String digest(Path file) {
        return digests.get(file.toAbsolutePath().normalize());
    }

    /** How many articles were looked for, and how many were found. */
    int[] reuse() {
        return new int[] {asked.get(), found.get()};
    }

    /**
     * Writes the articles this build read or took into its staging folder: while most of them are
     * still the ones {@link #FILE} holds, that file is kept as it is (a hard link into the new
     * site) and only the others go to {@link #ADDED}; else the whole file.
     */
    void save(SiteWriter writer) {
        Set<String> whole = before.join().whole();
        Map<String, Article> added = new TreeMap<>();
        now.forEach((k, a) -> {
            if (!whole.contains(k)) {
                added.put(k, a);
            }
        });
        int unused = whole.size() - (now.size() - added.size());
        try {
            if (CacheFile.keepsWhole(unused + added.size(), whole.size())) {
                writer.reuseOwn(previous.resolve(FILE), FILE);
                write(writer.resolve(ADDED), added);
            } else {
                write(writer.resolve(FILE), new TreeMap<>(now));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the build cache", e);
        }
        now.clear();
    }

    private static void write(Path file, Map<String, Article> articles) throws IOException {
        CacheFile.write(file, BuildCache.codeKey(), articles.entrySet(), (out, e) -> {
            out.string(e.getKey());
            write(out, e.getValue());
        });
    }

    private String key(Place place, byte[] bytes) {
        MessageDigest d = new Fingerprint();
        String file = content.relativize(place.file().toAbsolutePath().normalize()).toString().replace('\\', '/');
        for (String part : List.of(file, place.section(), place.slug(), String.valueOf(place.needsId()))) {
            byte[] b = part.getBytes(StandardCharsets.UTF_8);
            d.update(BuildCache.intBytes(b.length));
            d.update(b);
        }
        d.update(BuildCache.intBytes(bytes.length));
        d.update(bytes);
        return HexFormat.of().formatHex(d.digest());
    }

    /** {@code a} with every location in {@code file}. */
    private static Article located(Article a, Path file) {
        return new Article(a.id(), at(a.idAt(), file), a.title(), a.summary(), a.tags(), located(a.networks(), file),
                located(a.aliases(), file), a.updated(), a.reviewed(), a.draft(), a.weight(), located(a.faq(), file),
                located(a.related(), file), a.section(), a.slug(), file, a.markdown(), a.bodyLine());
    }

    private static <T> List<Located<T>> located(List<Located<T>> values, Path file) {
        return values.stream().map(v -> new Located<>(v.value(), at(v.at(), file))).toList();
    }

    private static SourceLocation at(SourceLocation at, Path file) {
        return at == null ? null : new SourceLocation(file, at.line(), at.column());
    }

    private static void write(CacheFile.Out out, Article a) throws IOException {
        out.data.writeInt(a.id());
        write(out, a.idAt());
        out.string(a.title());
        out.string(a.summary());
        out.count(a.tags().size());
        for (String tag : a.tags()) {
            out.string(tag);
        }
        writeTexts(out, a.networks());
        writeTexts(out, a.aliases());
        write(out, a.updated());
        write(out, a.reviewed());
        out.data.writeBoolean(a.draft());
        out.data.writeInt(a.weight());
        writeTexts(out, a.faq());
        out.count(a.related().size());
        for (Located<Integer> r : a.related()) {
            out.data.writeInt(r.value());
            write(out, r.at());
        }
        out.string(a.section());
        out.string(a.slug());
        out.packed(a.markdown());
        out.data.writeInt(a.bodyLine());
    }

    private static void writeTexts(CacheFile.Out out, List<Located<String>> values) throws IOException {
        out.count(values.size());
        for (Located<String> v : values) {
            out.string(v.value());
            write(out, v.at());
        }
    }

    private static void write(CacheFile.Out out, SourceLocation at) throws IOException {
        out.data.writeBoolean(at != null);
        if (at != null) {
            out.data.writeInt(at.line());
            out.data.writeInt(at.column());
        }
    }

    private static void write(CacheFile.Out out, LocalDate date) throws IOException {
        out.data.writeBoolean(date != null);
        if (date != null) {
            out.data.writeLong(date.toEpochDay());
        }
    }

    /**
     * What the site's files hold for {@code key}: the whole file's articles and those added beside
     * it. An added entry stands on its own (its key is its file's bytes and place), so the added
     * file is read over any whole file; without a whole file it is not read, and the next build
     * writes one.
     */
    private static Kept read(Path site, String key) {
        Map<String, Article> whole = readFile(site.resolve(FILE), key);
        if (whole.isEmpty()) {
            return new Kept(Map.of(), Set.of());
        }
        Map<String, Article> added = readFile(site.resolve(ADDED), key);
        if (added.isEmpty()) {
            return new Kept(whole, whole.keySet());
        }
        Map<String, Article> all = new HashMap<>(whole);
        all.putAll(added);
        return new Kept(all, Set.copyOf(whole.keySet()));
    }

    private static Map<String, Article> readFile(Path file, String key) {
        Map<String, Article> out = new HashMap<>();
        boolean whole = CacheFile.read(file, key, in -> {
            String id = in.string();
            try {
                out.put(id, read(in));
            } catch (RuntimeException e) {
                throw new IOException("not what a build wrote: " + e.getMessage(), e);
            }
        });
        return whole ? out : Map.of();
    }

    private static Article read(CacheFile.In in) throws IOException {
        int id = in.readInt();
        SourceLocation idAt = location(in);
        String title = in.string();
        String summary = in.string();
        List<String> tags = new ArrayList<>();
        for (int i = in.count(); i > 0; i--) {
            tags.add(in.string());
        }
        List<Located<String>> networks = texts(in);
        List<Located<String>> aliases = texts(in);
        LocalDate updated = date(in);
        LocalDate reviewed = date(in);
        boolean draft = in.readBoolean();
        int weight = in.readInt();
        List<Located<String>> faq = texts(in);
        List<Located<Integer>> related = new ArrayList<>();
        for (int i = in.count(); i > 0; i--) {
            int value = in.readInt();
            related.add(new Located<>(value, location(in)));
        }
        String section = in.string();
        String slug = in.string();
        PackedText markdown = in.packed();
        return new Article(id, idAt, title, summary, tags, networks, aliases, updated, reviewed, draft, weight, faq,
                related, section, slug, SOURCE, markdown, in.readInt());
    }

    private static List<Located<String>> texts(CacheFile.In in) throws IOException {
        List<Located<String>> out = new ArrayList<>();
        for (int i = in.count(); i > 0; i--) {
            String value = in.string();
            out.add(new Located<>(value, location(in)));
        }
        return out;
    }

    private static SourceLocation location(CacheFile.In in) throws IOException {
        return in.readBoolean() ? new SourceLocation(SOURCE, in.readInt(), in.readInt()) : null;
    }

    private static LocalDate date(CacheFile.In in) throws IOException {
        return in.readBoolean() ? LocalDate.ofEpochDay(in.readLong()) : null;
    }
}
