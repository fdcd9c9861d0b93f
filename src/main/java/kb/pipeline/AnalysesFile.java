package kb.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * <p>Both files are held as they are read ({@link CacheFile#hold}), their entries found by key in
 * an {@link EntryPlaces} table and decoded only when the index asks for their words: a one-edit
 * build takes 80,000 entries by key and reads the words of a few dozen. An entry carried into a
 * file written again is copied as its bytes.
 *
 * <p>An entry's words are ids into the word list, so the added file is only read over the whole
 * file it was written beside: it names that file by its checksum and word count, and is ignored
 * (its entries analysed again) over any other. A whole file that is not read leaves no entry at all.
 */
final class AnalysesFile {
    static final String WHOLE = BuildCache.FOLDER + "analyses.bin";
    static final String ADDED = BuildCache.FOLDER + "analyses-added.bin";
    /** Where a place in {@link #places} is: the whole file (0) or the added one (1), in its high half. */
    private static final int IN_WHOLE = 0;
    private static final int IN_ADDED = 1;

    private final Analyses analyses;
    /** The files as read (null: none), and where each of their entries starts, by key. */
    private final CacheFile.Held whole;
    private final CacheFile.Held added;
    private final EntryPlaces places;
    /** The whole file's words and its distinct entries. */
    private final int wholeWords;
    private final int wholeEntries;

    private AnalysesFile(Analyses analyses, CacheFile.Held whole, CacheFile.Held added, EntryPlaces places,
            int wholeWords, int wholeEntries) {
        this.analyses = analyses;
        this.whole = whole;
        this.added = added;
        this.places = places;
        this.wholeWords = wholeWords;
        this.wholeEntries = wholeEntries;
    }

    /** An empty cache of analyses, which the next build writes whole. */
    static AnalysesFile none() {
        return new AnalysesFile(new Analyses(), null, null, new EntryPlaces(0), 0, 0);
    }

    /** What the site's cache holds for {@code key}; {@link #none} when its whole file is missing, damaged or another key's. */
    static AnalysesFile read(Path site, String key) {
        CacheFile.Held whole = CacheFile.hold(site.resolve(WHOLE), key);
        if (whole == null) {
            return none();
        }
        try {
            CacheFile.In in = whole.at(whole.first());
            List<String> words = new ArrayList<>();
            readWords(in, words);
            int count = in.count();
            EntryPlaces places = new EntryPlaces(count);
            placeEntries(in, places, IN_WHOLE, count);
            if (whole.entries() != 1 || in.position() != whole.end()) {
                return none(); // whole by its checksum, yet not what a build wrote
            }
            int wholeWords = words.size();
            int wholeEntries = places.size();
            CacheFile.Held added = readAdded(site, key, whole, wholeWords, words, places);
            return new AnalysesFile(new Analyses(words, new Stored(whole, added, places)), whole, added, places,
                    wholeWords, wholeEntries);
        } catch (IOException e) {
            return none();
        }
    }

    /**
     * The added file written beside {@code whole}, its words added to {@code words} and its entries
     * to {@code places} (but for any the whole file holds: never so written); null when there is
     * none, or it extends another whole file.
     */
    private static CacheFile.Held readAdded(Path site, String key, CacheFile.Held whole, int wholeWords, List<String> words,
            EntryPlaces places) {
        CacheFile.Held added = CacheFile.hold(site.resolve(ADDED), key);
        if (added == null || added.entries() != 1) {
            return null;
        }
        try {
            CacheFile.In in = added.at(added.first());
            if (in.readLong() != whole.sum() || in.count() != wholeWords) {
                return null; // written beside another whole file
            }
            List<String> more = new ArrayList<>();
            readWords(in, more);
            int count = in.count();
            EntryPlaces own = new EntryPlaces(count);
            placeEntries(in, own, IN_ADDED, count);
            if (in.position() != added.end()) {
                return null;
            }
            words.addAll(more);
            places.addAbsent(own); // one the whole file holds was never so written: the whole file's counts
            return added;
        } catch (IOException e) {
            return null;
        }
    }

    Analyses analyses() {
        return analyses;
    }

    /** The entry under {@code key} as the files hold it, decoded (null: none): what the index is given when it asks. */
    int[][] entry(Analyses.Key key) {
        long place = places.get(key);
        return place < 0 ? null : new Stored(whole, added, places).get(key);
    }

    /**
     * Writes the entries this build took ({@link Analyses#taken}) and made ({@link Analyses#made},
     * and the {@code madeCount} ones in {@code made}, written there as they were made, each as
     * {@link #writeEntry} does) into the staging folder: the added file beside the previous site's
     * whole one while that still holds most of them, else the whole file. Taken entries are
     * copied as the files held them.
     */
    void save(SiteWriter writer, Path previous, String key, Path made, int madeCount) throws IOException {
        Map<Analyses.Key, int[][]> fresh = analyses.made();
        List<Long> fromAdded = new ArrayList<>();
        List<Long> taken = new ArrayList<>();
        int fromWhole = 0;
        for (Analyses.Key k : analyses.taken()) {
            long place = places.get(k);
            taken.add(place);
            if (file(place) == IN_WHOLE) {
                fromWhole++;
            } else {
                fromAdded.add(place);
            }
        }
        int unused = wholeEntries - fromWhole;
        List<String> words = analyses.words();
        if (whole != null && CacheFile.keepsWhole((long) unused + fresh.size() + fromAdded.size() + madeCount, wholeEntries)) {
            writer.reuseOwn(previous.resolve(WHOLE), WHOLE);
            CacheFile.write(writer.resolve(ADDED), key, List.of(fresh), (out, entries) -> {
                out.data.writeLong(whole.sum());
                out.count(wholeWords);
                writeWords(out, words.subList(wholeWords, words.size()));
                writeEntries(out, fromAdded, entries, made, madeCount);
            });
        } else {
            CacheFile.write(writer.resolve(WHOLE), key, List.of(fresh), (out, entries) -> {
                writeWords(out, words);
                writeEntries(out, taken, entries, made, madeCount);
            });
        }
    }

    private static int file(long place) {
        return (int) (place >>> 32);
    }

    private CacheFile.Held held(long place) {
        return file(place) == IN_WHOLE ? whole : added;
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

    /**
     * The entries at {@code carried} (copied as the files hold them), those {@code held}, then
     * those written to {@code made} as they were made (when there are any).
     */
    private void writeEntries(CacheFile.Out out, List<Long> carried, Map<Analyses.Key, int[][]> held, Path made,
            int madeCount) throws IOException {
        out.count(carried.size() + held.size() + madeCount);
        for (long place : carried) {
            CacheFile.Held file = held(place);
            int start = (int) place;
            CacheFile.In in = file.at(start);
            skipEntry(in);
            out.data.write(file.bytes(), start, in.position() - start);
        }
        for (Map.Entry<Analyses.Key, int[][]> e : held.entrySet()) {
            writeEntry(out, e.getKey(), e.getValue());
        }
        if (madeCount > 0) {
            Files.copy(made, out.data);
        }
    }

    /** Notes where each of {@code count} entries from {@code in} starts, in {@code file} (the last of a key read wins, as in a map). */
    private static void placeEntries(CacheFile.In in, EntryPlaces places, int file, int count) throws IOException {
        for (int i = count; i > 0; i--) {
            int start = in.position();
            Analyses.Key k = readKey(in);
            skipFields(in);
            places.put(k, (long) file << 32 | start);
        }
    }

    private static Analyses.Key readKey(CacheFile.In in) throws IOException {
        return new Analyses.Key(in.readLong(), in.readLong(), in.readLong(), in.readLong());
    }

    private static void skipEntry(CacheFile.In in) throws IOException {
        readKey(in);
        skipFields(in);
    }

    private static void skipFields(CacheFile.In in) throws IOException {
        for (int f = in.count(); f > 0; f--) {
            if (in.readBoolean()) {
                int length = in.readInt();
                if (length % 4 != 0) {
                    throw new IOException("ints of " + length + " bytes");
                }
                in.skip(length);
            }
        }
    }

    /** One entry's fields, decoded from where it starts. */
    private static int[][] readFields(CacheFile.In in) throws IOException {
        readKey(in);
        int[][] fields = new int[in.count()][];
        for (int f = 0; f < fields.length; f++) {
            fields[f] = in.readBoolean() ? in.ints() : null;
        }
        return fields;
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

    /** The entries of the held files, found by key and decoded when asked. Thread-safe: each ask reads on its own. */
    private record Stored(CacheFile.Held whole, CacheFile.Held added, EntryPlaces places) implements Analyses.Stored {
        @Override
        public int[][] get(Analyses.Key key) {
            long place = places.get(key);
            if (place < 0) {
                return null;
            }
            try {
                return readFields((file(place) == IN_WHOLE ? whole : added).at((int) place));
            } catch (IOException e) {
                return null; // read whole when placed: not expected
            }
        }

        @Override
        public boolean contains(Analyses.Key key) {
            return places.get(key) >= 0;
        }
    }
}
