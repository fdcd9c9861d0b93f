package kb.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kb.output.SiteWriter;
import kb.search.Analyses;

/**
 * The search records' analysed text ({@link Analyses}) as the build cache keeps it: {@link #WHOLE}
 * holds the words and every entry, {@link #ADDED} the entries made since it was written whole and
 * the words they brought. At 10,000 articles the whole file is 44 MB, which every one-edit build
 * used to decode and write again for the dozen entries the edit changed. While most entries are
 * still the whole file's, it is kept as it is (a hard link into the new site) and only the others
 * go to the added file; once the whole file's entries no longer used plus the added ones pass a
 * quarter of it (or 16, on a small site), it is written whole again.
 *
 * <p>An entry's words are ids into the word list, so the added file is only read over the whole
 * file it was written beside: it names that file by its checksum and word count, and is ignored
 * (its entries analysed again) over any other. A whole file that is not read leaves no entry at all.
 */
final class AnalysesFile {
    static final String WHOLE = BuildCache.FOLDER + "analyses.bin";
    static final String ADDED = BuildCache.FOLDER + "analyses-added.bin";

    private final Analyses analyses;
    /** The whole file's checksum ({@link CacheFile#NOT_WHOLE}: none was read), words and entries. */
    private final long wholeSum;
    private final int wholeWords;
    private final int wholeEntries;
    /** Every entry read, and which of them came from the added file. */
    private final Map<Analyses.Key, int[][]> read;
    private final Set<Analyses.Key> added;

    private AnalysesFile(Analyses analyses, long wholeSum, int wholeWords, Map<Analyses.Key, int[][]> read,
            Set<Analyses.Key> added) {
        this.analyses = analyses;
        this.wholeSum = wholeSum;
        this.wholeWords = wholeWords;
        this.wholeEntries = read.size() - added.size();
        this.read = read;
        this.added = added;
    }

    /** An empty cache of analyses, which the next build writes whole. */
    static AnalysesFile none() {
        return new AnalysesFile(new Analyses(), CacheFile.NOT_WHOLE, 0, Map.of(), Set.of());
    }

    /** What the site's cache holds for {@code key}; {@link #none} when its whole file is missing, damaged or another key's. */
    static AnalysesFile read(Path site, String key) {
        List<String> words = new ArrayList<>();
        Map<Analyses.Key, int[][]> entries = new HashMap<>();
        long sum = CacheFile.readSummed(site.resolve(WHOLE), key, in -> {
            readWords(in, words);
            readEntries(in, entries);
        });
        if (sum == CacheFile.NOT_WHOLE) {
            return none();
        }
        int wholeWords = words.size();
        List<String> moreWords = new ArrayList<>();
        Map<Analyses.Key, int[][]> more = new HashMap<>();
        long addedSum = CacheFile.readSummed(site.resolve(ADDED), key, in -> {
            if (in.readLong() != sum || in.count() != wholeWords) {
                throw new IOException("written beside another " + WHOLE);
            }
            readWords(in, moreWords);
            readEntries(in, more);
        });
        if (addedSum != CacheFile.NOT_WHOLE) {
            words.addAll(moreWords);
            more.keySet().removeAll(entries.keySet()); // never so written; counted as the whole file's if it were
            entries.putAll(more);
        } else {
            more.clear();
        }
        try {
            return new AnalysesFile(new Analyses(words, entries), sum, wholeWords, entries, Set.copyOf(more.keySet()));
        } catch (IllegalArgumentException e) {
            return none(); // a word id past the words: whole, yet not what a build wrote
        }
    }

    Analyses analyses() {
        return analyses;
    }

    /**
     * Writes the entries this build used ({@link Analyses#entries}) and the {@code madeCount} ones
     * in {@code made} (written there as they were made, each as {@link #writeEntry} does) into
     * the staging folder: the added file beside the previous site's whole one while that still
     * holds most of them, else the whole file.
     */
    void save(SiteWriter writer, Path previous, String key, Path made, int madeCount) throws IOException {
        Map<Analyses.Key, int[][]> used = analyses.entries();
        Map<Analyses.Key, int[][]> fresh = new HashMap<>();
        int fromWhole = 0;
        for (Map.Entry<Analyses.Key, int[][]> e : used.entrySet()) {
            if (read.containsKey(e.getKey()) && !added.contains(e.getKey())) {
                fromWhole++;
            } else {
                fresh.put(e.getKey(), e.getValue());
            }
        }
        int unused = wholeEntries - fromWhole;
        List<String> words = analyses.words();
        if (wholeSum != CacheFile.NOT_WHOLE && CacheFile.keepsWhole((long) unused + fresh.size() + madeCount, wholeEntries)) {
            writer.reuseOwn(previous.resolve(WHOLE), WHOLE);
            CacheFile.write(writer.resolve(ADDED), key, List.of(fresh), (out, entries) -> {
                out.data.writeLong(wholeSum);
                out.count(wholeWords);
                writeWords(out, words.subList(wholeWords, words.size()));
                writeEntries(out, entries, made, madeCount);
            });
        } else {
            CacheFile.write(writer.resolve(WHOLE), key, List.of(used), (out, entries) -> {
                writeWords(out, words);
                writeEntries(out, entries, made, madeCount);
            });
        }
    }

    private static void writeWords(CacheFile.Out out, List<String> words) throws IOException {
        out.count(words.size());
        for (String w : words) {
            out.data.writeUTF(w); // modified UTF-8: every char as it is, a lone surrogate too
        }
    }

    private static void readWords(CacheFile.In in, List<String> words) throws IOException {
        for (int i = in.count(); i > 0; i--) {
            words.add(in.readUTF());
        }
    }

    /** The entries held, then those written to {@code made} as they were made (when there are any). */
    private static void writeEntries(CacheFile.Out out, Map<Analyses.Key, int[][]> entries, Path made, int madeCount)
            throws IOException {
        out.count(entries.size() + madeCount);
        for (Map.Entry<Analyses.Key, int[][]> e : entries.entrySet()) {
            writeEntry(out, e.getKey(), e.getValue());
        }
        if (madeCount > 0) {
            Files.copy(made, out.data);
        }
    }

    private static void readEntries(CacheFile.In in, Map<Analyses.Key, int[][]> entries) throws IOException {
        for (int i = in.count(); i > 0; i--) {
            Analyses.Key k = new Analyses.Key(in.readLong(), in.readLong(), in.readLong(), in.readLong());
            int[][] fields = new int[in.count()][];
            for (int f = 0; f < fields.length; f++) {
                fields[f] = in.readBoolean() ? in.ints() : null;
            }
            entries.put(k, fields);
        }
    }

    /** One entry, as the files hold it. */
    static void writeEntry(CacheFile.Out out, Analyses.Key key, int[][] fields) throws IOException {
        out.data.writeLong(key.a());
        out.data.writeLong(key.b());
        out.data.writeLong(key.c());
        out.data.writeLong(key.d());
        out.count(fields.length);
        for (int[] field : fields) {
            out.data.writeBoolean(field != null);
            if (field != null) {
                out.ints(field);
            }
        }
    }
}
