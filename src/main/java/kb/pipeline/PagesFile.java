package kb.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import kb.output.SiteWriter;

/**
 * The pages and files a build wrote ({@link BuildCache.Page}) as the build cache keeps them:
 * {@link #WHOLE} holds every one, {@link #CHANGED} what changed since it was written whole
 * (entries new or different, and the paths no longer there). At 10,000 articles the whole file
 * holds 20,000 entries (9 MB), which every one-edit build sorted and wrote again for the few
 * pages the edit changed. While the changes stay under a quarter of the whole file (or 16, on a
 * small site), it is kept as it is (a hard link into the new site) and only they are written.
 *
 * <p>The changes are read only over the whole file they were written beside, named by its
 * checksum and entry count; over any other whole file, or without one, they are not read.
 */
final class PagesFile {
    static final String WHOLE = BuildCache.FOLDER + "pages.bin";
    static final String CHANGED = BuildCache.FOLDER + "pages-changed.bin";

    /** The whole file's entries and checksum ({@link CacheFile#NOT_WHOLE}: none was read). */
    private final Map<String, BuildCache.Page> whole;
    private final long wholeSum;
    /** Every entry the previous build left: the whole file's with the changes applied. */
    private final Map<String, BuildCache.Page> pages;

    private PagesFile(Map<String, BuildCache.Page> whole, long wholeSum, Map<String, BuildCache.Page> pages) {
        this.whole = whole;
        this.wholeSum = wholeSum;
        this.pages = pages;
    }

    /** An empty record, which the next build writes whole. */
    static PagesFile none() {
        return new PagesFile(Map.of(), CacheFile.NOT_WHOLE, Map.of());
    }

    /** What the site's cache holds for {@code key}; {@link #none} when its whole file is missing, damaged or another key's. */
    static PagesFile read(Path site, String key) {
        Map<String, BuildCache.Page> whole = new HashMap<>();
        long sum = CacheFile.readSummed(site.resolve(WHOLE), key, in -> whole.put(in.string(), readPage(in)));
        if (sum == CacheFile.NOT_WHOLE) {
            return none();
        }
        Map<String, BuildCache.Page> changed = new HashMap<>();
        List<String> gone = new ArrayList<>();
        boolean read = CacheFile.read(site.resolve(CHANGED), key, in -> {
            if (in.readLong() != sum || in.count() != whole.size()) {
                throw new IOException("written beside another " + WHOLE);
            }
            for (int i = in.count(); i > 0; i--) {
                changed.put(in.string(), readPage(in));
            }
            for (int i = in.count(); i > 0; i--) {
                gone.add(in.string());
            }
        });
        if (!read || changed.isEmpty() && gone.isEmpty()) {
            return new PagesFile(whole, sum, whole);
        }
        Map<String, BuildCache.Page> pages = new HashMap<>(whole);
        pages.putAll(changed);
        gone.forEach(pages::remove);
        return new PagesFile(whole, sum, pages);
    }

    /** Every page and file the previous build recorded, by path. */
    Map<String, BuildCache.Page> pages() {
        return pages;
    }

    /**
     * Writes {@code now}, every page and file this build recorded, into the staging folder: its
     * changes beside the previous site's whole file while they are few, else the whole file.
     */
    void save(SiteWriter writer, Path previous, String key, Map<String, BuildCache.Page> now) throws IOException {
        Map<String, BuildCache.Page> changed = new TreeMap<>();
        now.forEach((path, page) -> {
            if (!page.equals(whole.get(path))) {
                changed.put(path, page);
            }
        });
        TreeSet<String> gone = new TreeSet<>();
        whole.keySet().forEach(path -> {
            if (!now.containsKey(path)) {
                gone.add(path);
            }
        });
        if (wholeSum != CacheFile.NOT_WHOLE && CacheFile.keepsWhole(changed.size() + gone.size(), whole.size())) {
            writer.reuseOwn(previous.resolve(WHOLE), WHOLE);
            CacheFile.write(writer.resolve(CHANGED), key, List.of(changed), (out, entries) -> {
                out.data.writeLong(wholeSum);
                out.count(whole.size());
                out.count(entries.size());
                for (Map.Entry<String, BuildCache.Page> e : entries.entrySet()) {
                    out.string(e.getKey());
                    writePage(out, e.getValue());
                }
                out.count(gone.size());
                for (String path : gone) {
                    out.string(path);
                }
            });
        } else {
            CacheFile.write(writer.resolve(WHOLE), key, new TreeMap<>(now).entrySet(), (out, e) -> {
                out.string(e.getKey());
                writePage(out, e.getValue());
            });
        }
    }

    /** One entry's fields, as both files hold them. */
    static void writePage(CacheFile.Out out, BuildCache.Page page) throws IOException {
        out.string(page.digest());
        out.count(page.length());
        out.count(page.crc());
        out.string(page.inputs());
        out.string(page.stat());
    }

    private static BuildCache.Page readPage(CacheFile.In in) throws IOException {
        return new BuildCache.Page(in.string(), in.readInt(), in.readInt(), in.string(), in.string());
    }
}
