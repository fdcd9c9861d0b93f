package kb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build with the cache takes the documents of the records that did not change from the index
 * the build before left, and makes the index that indexing every record makes: the same words,
 * counts, norms and statistics, the same browser export byte for byte and the same related
 * articles ({@link AnalysesTest#assertSame}). An index that is damaged, was written with another
 * tag or holds the records in another order is not taken from.
 */
class PreviousIndexTest {
    private static final String TAG = "kb test\ntheme 1";

    @TempDir
    Path dir;

    /** Builds {@code records} into {@code folder}, as a build with the cache does. */
    private SearchIndex build(List<SearchRecord> records, String folder, Analyses analyses, PreviousIndex previous) {
        return SearchIndexer.build(records, dir.resolve(folder), AnalysesTest.SYNONYMS, "en", analyses, previous);
    }

    /** The first build: nothing before it. Returns what it kept of the analyses. */
    private Analyses first(List<SearchRecord> records, String folder) throws Exception {
        Analyses analyses = new Analyses();
        try (SearchIndex index = build(records, folder, analyses, new PreviousIndex(dir.resolve("none"), TAG))) {
            assertEquals(0, index.documentsTaken());
        }
        return new Analyses(analyses.words(), analyses.entries());
    }

    /** Builds {@code after} from {@code before}'s index; checks it against a build without the cache; returns how many documents it took. */
    private int next(List<SearchRecord> after, Analyses analyses, String before, String tag, String into) throws Exception {
        try (SearchIndex cold = SearchIndexer.build(after, new org.apache.lucene.store.ByteBuffersDirectory(), AnalysesTest.SYNONYMS);
                SearchIndex warm = build(after, into, analyses, new PreviousIndex(dir.resolve(before), tag))) {
            AnalysesTest.assertSame(cold, warm, after);
            return warm.documentsTaken();
        }
    }

    @Test
    void anEditedArticlesRecordsAreIndexedAndEveryOtherDocumentIsTaken() throws Exception {
        Analyses analyses = first(AnalysesTest.records(120, 0), "a");
        List<SearchRecord> after = AnalysesTest.records(120, 40);
        // The edited article's record and its section's (half its body) are indexed again.
        assertEquals(after.size() - 2, next(after, analyses, "a", TAG, "b"));
        // and a third build takes from what the second left
        Analyses third = new Analyses(analyses.words(), analyses.entries());
        // (article 40 back as it was and article 41 edited: four records)
        assertEquals(after.size() - 4, next(AnalysesTest.records(120, 41), third, "b", TAG, "c"));
    }

    @Test
    void recordsAddedAndRemovedShiftTheOthersPositions() throws Exception {
        List<SearchRecord> before = AnalysesTest.records(120, 0);
        Analyses analyses = first(before, "a");
        List<SearchRecord> after = new ArrayList<>(before);
        after.remove(10);
        after.remove(10);
        SearchRecord copy = before.get(60);
        after.add(50, new SearchRecord(copy.kind(), "s/new/", copy.anchor(), "A new article", copy.heading(), copy.context(),
                copy.summary(), copy.tags(), copy.body() + " and more", 500));
        // Each record's document holds its stored fields too: another URL is another document.
        after.set(80, new SearchRecord(after.get(80).kind(), "s/moved/", after.get(80).anchor(), after.get(80).title(),
                after.get(80).heading(), after.get(80).context(), after.get(80).summary(), after.get(80).tags(),
                after.get(80).body(), after.get(80).articleId()));
        assertEquals(after.size() - 2, next(after, analyses, "a", TAG, "b"));
    }

    @Test
    void aDamagedIndexIsNotTakenFrom() throws Exception {
        Analyses analyses = first(AnalysesTest.records(120, 0), "a");
        Path largest;
        try (Stream<Path> files = Files.list(dir.resolve("a"))) {
            largest = files.max(Comparator.comparingLong(PreviousIndexTest::size)).orElseThrow();
        }
        try (FileChannel file = FileChannel.open(largest, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(1);
            file.read(b, file.size() / 2);
            b.flip();
            b.put(0, (byte) (b.get(0) ^ 0x5a));
            file.write(b, file.size() / 2);
        }
        assertEquals(0, next(AnalysesTest.records(120, 40), analyses, "a", TAG, "b"));
    }

    @Test
    void anIndexWrittenWithAnotherTagIsNotTakenFrom() throws Exception {
        Analyses analyses = first(AnalysesTest.records(120, 0), "a");
        assertEquals(0, next(AnalysesTest.records(120, 40), analyses, "a", "kb test\ntheme 2", "b"));
    }

    @Test
    void recordsInAnotherOrderAreAllIndexedAgain() throws Exception {
        List<SearchRecord> before = AnalysesTest.records(120, 0);
        Analyses analyses = first(before, "a");
        List<SearchRecord> after = new ArrayList<>(before);
        after.add(200, after.remove(4));
        assertEquals(0, next(after, analyses, "a", TAG, "b"));
    }

    /**
     * An index the next build takes from keeps its stored fields uncompressed (RawStoredFields):
     * every document reads back as an index without the cache holds it, a body larger than a
     * chunk (read in slices) and a lone surrogate among them, after a build that took the others.
     */
    @Test
    void storedFieldsReadBackAsWritten() throws Exception {
        List<SearchRecord> before = new ArrayList<>(AnalysesTest.records(120, 0));
        SearchRecord r = before.get(20);
        String large = "word \uD800 lone ".repeat(40_000);
        before.set(20, new SearchRecord(r.kind(), r.url(), r.anchor(), r.title(), r.heading(), r.context(), r.summary(),
                r.tags(), large, r.articleId()));
        Analyses analyses = first(before, "a");
        List<SearchRecord> after = new ArrayList<>(before);
        after.set(40, AnalysesTest.records(120, 20).get(40));
        next(after, analyses, "a", TAG, "b");
        try (SearchIndex cold = SearchIndexer.build(after, new org.apache.lucene.store.ByteBuffersDirectory(),
                AnalysesTest.SYNONYMS); SearchIndex warm = SearchIndex.open(dir.resolve("b"), AnalysesTest.SYNONYMS)) {
            assertEquals(cold.reader().maxDoc(), warm.reader().maxDoc());
            for (int doc = 0; doc < cold.reader().maxDoc(); doc++) {
                assertEquals(stored(cold, doc), stored(warm, doc), "document " + doc);
            }
            assertTrue(stored(warm, 20).length() > large.length(), "the large body, " + stored(warm, 20).length() + " chars");
        }
    }

    private static String stored(SearchIndex index, int doc) throws IOException {
        return index.reader().storedFields().document(doc).getFields().stream()
                .map(f -> f.name() + "=" + (f.numericValue() != null ? f.numericValue() : f.stringValue())).toList().toString();
    }

    /** {@code records} with the sections of articles 10 to 13 headed by {@code headings}, in that order. */
    private static List<SearchRecord> headed(List<SearchRecord> records, String... headings) {
        List<SearchRecord> out = new ArrayList<>(records);
        for (int i = 0; i < headings.length; i++) {
            int at = 2 * (10 + i - 1) + 1;
            SearchRecord r = out.get(at);
            out.set(at, new SearchRecord(r.kind(), r.url(), r.anchor(), r.title(), headings[i], r.context(), r.summary(),
                    r.tags(), r.body(), r.articleId()));
        }
        return out;
    }

    /**
     * The kinds the previous index holds are taken while the headings are the ones it mined them
     * from, and mined again when a heading changed: either way a warm index's kinds, and the
     * export's manifest that carries them, are a cold one's.
     */
    @Test
    void kindsAreMinedAgainWhenAHeadingChangedAndTakenWhenNone() throws Exception {
        Analyses analyses = first(headed(AnalysesTest.records(120, 0), "Facebook access revoked", "YouTube access revoked",
                "Facebook token expired", "YouTube token expired"), "a");
        List<SearchRecord> renamed = headed(AnalysesTest.records(120, 0), "Facebook access revoked",
                "Instagram access revoked", "Facebook token expired", "Instagram token expired");
        next(renamed, analyses, "a", TAG, "b");
        List<SearchRecord> bodyEdited = headed(AnalysesTest.records(120, 40), "Facebook access revoked",
                "Instagram access revoked", "Facebook token expired", "Instagram token expired");
        next(bodyEdited, new Analyses(analyses.words(), analyses.entries()), "b", TAG, "c");
        try (SearchIndex before = SearchIndex.open(dir.resolve("a"), AnalysesTest.SYNONYMS);
                SearchIndex renamedIndex = SearchIndex.open(dir.resolve("b"), AnalysesTest.SYNONYMS);
                SearchIndex taken = SearchIndex.open(dir.resolve("c"), AnalysesTest.SYNONYMS)) {
            assertTrue(before.kinds().groups().contains(List.of("facebook", "youtub")), before.kinds().groups()::toString);
            assertTrue(renamedIndex.kinds().groups().contains(List.of("facebook", "instagram")),
                    renamedIndex.kinds().groups()::toString);
            assertFalse(renamedIndex.kinds().groups().contains(List.of("facebook", "youtub")));
            assertEquals(renamedIndex.kinds().groups(), taken.kinds().groups());
        }
    }

    /**
     * The export takes what it shows of each record from the index's doc values when the build
     * keeps them, and writes what reading the stored record back writes: the same white space
     * made one, the same cut, the same character for a lone surrogate.
     */
    @Test
    void theExportShowsWhatTheStoredRecordsShow() throws Exception {
        String odd = "\u3000 Lead\tand\u2028line \uD800 lone, then enough words to be cut: " + "word ".repeat(100) + "\u00a0";
        List<SearchRecord> records = List.of(
                new SearchRecord(SearchRecord.Kind.ARTICLE, "s/a/", null, "Tokens \uDC00", "", "Help", "", "", odd, 1),
                new SearchRecord(SearchRecord.Kind.SECTION, "s/a/", "part", "Tokens \uDC00", "Part", "Help", "", "", "x", 1),
                new SearchRecord(SearchRecord.Kind.ARTICLE, "s/b/", null, "Other", "", "Help", "A summary", "t", "body", 2),
                new SearchRecord(SearchRecord.Kind.FAQ, "faq/", "q1", "A question?", "", "FAQ", "", "", odd, 0),
                new SearchRecord(SearchRecord.Kind.FAQ, "faq/", "q2", "Another?", "", "FAQ", "", "", "An answer.", 0),
                new SearchRecord(SearchRecord.Kind.NETWORK, "lifespans/", "x", "X tokens", "", "Lifespans", "", "", "Lasts.", 0));
        java.util.Map<String, byte[]> cold = new java.util.TreeMap<>();
        java.util.Map<String, byte[]> kept = new java.util.TreeMap<>();
        try (SearchIndex without = SearchIndexer.build(records, new org.apache.lucene.store.ByteBuffersDirectory(), AnalysesTest.SYNONYMS);
                SearchIndex with = build(records, "a", new Analyses(), new PreviousIndex(dir.resolve("none"), TAG))) {
            new BrowserExport(without, cold::put).write();
            new BrowserExport(with, kept::put).write();
            assertEquals(null, without.reader().leaves().get(0).reader().getBinaryDocValues(IndexFields.SHOWN));
            org.junit.jupiter.api.Assertions.assertNotNull(with.reader().leaves().get(0).reader().getBinaryDocValues(IndexFields.SHOWN));
        }
        assertEquals(cold.keySet(), kept.keySet());
        cold.forEach((file, bytes) -> org.junit.jupiter.api.Assertions.assertArrayEquals(bytes, kept.get(file), file));
        String block = new String(cold.get("d/0.js"), java.nio.charset.StandardCharsets.UTF_8);
        org.junit.jupiter.api.Assertions.assertTrue(block.contains("\uFFFD") && block.contains("…"), block);
    }

    /**
     * A term shard is taken from the earlier export without its postings being read only while
     * none of its terms is in a record indexed anew and its terms' frequencies and sharing are
     * the ones it was made from: after a body replaced by other words (words losing a document,
     * a new word, every norm of the record changed), then a title made longer (its other words'
     * frequencies the same, their norms not), then a record added
     * (every later doc id moves), each export is byte for byte the one an export without an
     * earlier one writes, shared lists and head files among them, and the first two took shards
     * and head files so.
     */
    @Test
    void filesTakenByTheirTermsAreTheFilesAnExportMakes() throws Exception {
        List<SearchRecord> first = AnalysesTest.records(600, 0);
        List<SearchRecord> second = new ArrayList<>(first);
        SearchRecord r = second.get(80);
        second.set(80, new SearchRecord(r.kind(), r.url(), r.anchor(), r.title(), r.heading(), r.context(), r.summary(),
                r.tags(), "invoice billing quokka", r.articleId()));
        List<SearchRecord> third = new ArrayList<>(second);
        r = third.get(300);
        third.set(300, new SearchRecord(r.kind(), r.url(), r.anchor(), "Token " + r.title() + " wombat", r.heading(), r.context(),
                r.summary(), r.tags(), r.body() + " token token wombat", r.articleId()));
        List<SearchRecord> fourth = new ArrayList<>(third);
        fourth.add(10, new SearchRecord(SearchRecord.Kind.ARTICLE, "s/new/", null, "A new article", "", "Help", "", "",
                "token facebook numbat", 9000));
        Analyses analyses = new Analyses();
        Recorded earlier = new Recorded();
        try (SearchIndex index = build(first, "a", analyses, new PreviousIndex(dir.resolve("none"), TAG))) {
            earlier = earlier.export(index);
        }
        String before = "a";
        String[] into = {"b", "c", "d"};
        List<List<SearchRecord>> edits = List.of(second, third, fourth);
        for (int i = 0; i < edits.size(); i++) {
            analyses = new Analyses(analyses.words(), analyses.entries());
            java.util.Map<String, byte[]> cold = new java.util.TreeMap<>();
            try (SearchIndex without = SearchIndexer.build(edits.get(i), new org.apache.lucene.store.ByteBuffersDirectory(),
                    AnalysesTest.SYNONYMS);
                    SearchIndex warm = build(edits.get(i), into[i], analyses, new PreviousIndex(dir.resolve(before), TAG))) {
                assertTrue(warm.documentsTaken() > 0);
                new BrowserExport(without, cold::put, 1000, 2).write();
                earlier = earlier.export(warm);
            }
            assertEquals(cold.keySet(), earlier.files.keySet(), "edit " + (i + 1));
            for (String file : cold.keySet()) {
                org.junit.jupiter.api.Assertions.assertArrayEquals(cold.get(file), earlier.files.get(file),
                        "edit " + (i + 1) + ": " + file);
            }
            assertTrue(cold.keySet().stream().anyMatch(f -> f.startsWith("p/")), "shared lists");
            assertTrue(cold.keySet().stream().filter(f -> f.startsWith("t/")).count() > 10, "term shards");
            assertTrue(cold.keySet().stream().anyMatch(f -> f.matches("h/..\\.js")), "head files not cut");
            assertTrue(cold.keySet().stream().anyMatch(f -> f.matches("h/...\\.js")), "head files cut");
            if (i < 2) {
                assertTrue(earlier.taken.stream().anyMatch(f -> f.startsWith("t/")), "edit " + (i + 1) + ": " + earlier.taken);
                assertTrue(earlier.taken.stream().anyMatch(f -> f.startsWith("h/")), "edit " + (i + 1) + ": " + earlier.taken);
            } else {
                assertEquals(List.of(), earlier.taken, "doc ids moved: nothing taken by its terms");
            }
            before = into[i];
        }
    }

    /** An earlier export held in memory, as the build cache records one: each file's digest, inputs and bytes. */
    private static final class Recorded implements BrowserExport.Earlier {
        final java.util.Map<String, byte[]> files = new java.util.TreeMap<>();
        private final java.util.Map<String, String[]> records = new java.util.HashMap<>(); // digest, inputs
        private final Recorded before;
        /** The files taken by what they were made from. */
        final List<String> taken = new ArrayList<>();

        Recorded() {
            this(null);
        }

        private Recorded(Recorded before) {
            this.before = before;
        }

        /** Exports {@code index} taking from this export; returns the new one. */
        Recorded export(SearchIndex index) {
            Recorded next = new Recorded(this);
            new BrowserExport(index, next.files::put, 1000, 2, next).write();
            return next;
        }

        private Taken carry(String file, String[] record, String inputs) {
            byte[] bytes = before.files.get(file);
            files.put(file, bytes);
            records.put(file, new String[] {record[0], inputs == null ? "" : inputs});
            return new Taken(bytes.length, record[0].substring(record[0].lastIndexOf(' ') + 1));
        }

        @Override
        public Taken take(String file, String identity) {
            return take(file, identity, null);
        }

        @Override
        public Taken take(String file, String identity, String inputs) {
            String[] record = before == null ? null : before.records.get(file);
            return record == null || !record[0].startsWith(identity + " ") ? null : carry(file, record, inputs);
        }

        @Override
        public void keep(String file, String identity, String hash, byte[] bytes) {
            keep(file, identity, hash, bytes, null);
        }

        @Override
        public void keep(String file, String identity, String hash, byte[] bytes, String inputs) {
            records.put(file, new String[] {identity + " " + hash, inputs == null ? "" : inputs});
        }

        @Override
        public Taken named(String folder, String identity) {
            if (before == null) {
                return null;
            }
            return before.records.entrySet().stream()
                    .filter(e -> e.getKey().startsWith(folder) && e.getValue()[0].startsWith(identity + " "))
                    .findFirst().map(e -> take(e.getKey(), identity)).orElse(null);
        }

        @Override
        public String madeFrom(String file) {
            String[] record = before == null ? null : before.records.get(file);
            return record == null || record[1].isEmpty() ? null : record[1];
        }

        @Override
        public Taken takeMadeFrom(String file, String inputs) {
            String[] record = before == null ? null : before.records.get(file);
            if (record == null || !record[1].equals(inputs)) {
                return null;
            }
            taken.add(file);
            return carry(file, record, inputs);
        }

        @Override
        public Taken again(String file) {
            String[] record = before == null ? null : before.records.get(file);
            return record == null ? null : carry(file, record, null);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
