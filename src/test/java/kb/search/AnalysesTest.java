package kb.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/**
 * An index written from analysed text kept by an earlier build is the index the text itself
 * gives: the same words, counts, norms and statistics in every field, so the same browser export
 * byte for byte and the same related articles, whether the analyses were just made, taken from
 * a previous process, or mixed with records edited since.
 */
class AnalysesTest {
    static final Map<String, List<String>> SYNONYMS = Map.of("log out", List.of("sign out", "disconnect"),
            "facebook", List.of("fb"));

    static List<SearchRecord> records(int articles, int edited) {
        String[] words = ("token account connect facebook page admin password expire reconnect access profit and loss "
                + "business invoice billing login cookie youtube channel review log out sign out the a of p&l R&D café "
                + "naïve 東京 schedule post report export team owner").split(" ");
        Random random = new Random(5);
        List<SearchRecord> out = new ArrayList<>();
        for (int id = 1; id <= articles; id++) {
            StringBuilder body = new StringBuilder();
            for (int w = 0; w < 20 + random.nextInt(120); w++) {
                body.append(words[random.nextInt(words.length)]).append(' ');
                if (random.nextInt(8) == 0) {
                    body.append("rare").append(random.nextInt(articles / 4)).append(' '); // below related's 2% cap
                }
            }
            if (id == 3) {
                body.append("spam ".repeat(600)); // a count past what one packed token holds
            }
            if (id == edited) {
                body.append("One more sentence, added since.");
            }
            String url = "s/a" + id + "/";
            String title = id % 5 == 0 ? "Profit and loss report " + id : words[random.nextInt(words.length)] + " " + id;
            // Titles that name the same thing twice or more give mined initials ("pl").
            out.add(new SearchRecord(SearchRecord.Kind.ARTICLE, url, null, title, "", "Help", id % 7 == 0 ? "" : "A summary",
                    id % 2 == 0 ? "profit and loss" : "", body.toString(), id));
            out.add(new SearchRecord(SearchRecord.Kind.SECTION, url, "part", title, id % 4 == 0 ? "the of a" : "Sign out",
                    "Help", "", "", body.substring(0, body.length() / 2), id));
        }
        return out;
    }

    private static SearchIndex build(List<SearchRecord> records, Analyses analyses) {
        return SearchIndexer.build(records, new ByteBuffersDirectory(), SYNONYMS, "en", analyses);
    }

    /**
     * The related-articles query takes, among words of equal weight, the ones its map gives
     * first: kept counts must iterate as the map of the text itself does, or a cached build's
     * related lists differ from an uncached one's (12 of 10,000 articles did).
     */
    @Test
    void keptCountsIterateAsTheTextsOwnMap() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            text.append("word").append(i * 7919 % 1000).append(i % 3 == 0 ? " again " : " ");
        }
        org.apache.lucene.analysis.Analyzer analyzer = IndexAnalyzer.create(Chain.of("en"), SYNONYMS);
        Analyses analyses = new Analyses();
        Map<String, int[]> kept = analyses.counts("scope", IndexFields.BODY, text.toString(), 5000, analyzer);
        Map<String, int[]> own = Related.freqs(analyzer, text.toString());
        assertEquals(List.copyOf(own.keySet()), List.copyOf(kept.keySet()));
        // and from a new process, through the words and entries the first one kept
        Analyses next = new Analyses(analyses.words(), analyses.entries());
        assertEquals(List.copyOf(own.keySet()),
                List.copyOf(next.counts("scope", IndexFields.BODY, text.toString(), 5000, analyzer).keySet()));
    }

    @Test
    void keptAnalysesIndexAsTheTextDoes() throws Exception {
        List<SearchRecord> before = records(120, 0);
        Analyses first = new Analyses();
        try (SearchIndex cold = build(before, null); SearchIndex keeping = build(before, first)) {
            assertSame(cold, keeping, before);
        }
        // A new process: what the first build kept, through its words and entries, with one record edited.
        Analyses second = new Analyses(first.words(), first.entries());
        List<SearchRecord> after = records(120, 40);
        try (SearchIndex cold = build(after, null); SearchIndex warm = build(after, second)) {
            assertSame(cold, warm, after);
        }
        int[] reuse = second.reuse();
        // Every record but the edited article's two, and every related-article text but its one.
        assertEquals(reuse[1] - 3, reuse[0], "entries reused");
    }

    @Test
    void entriesHandedToASinkAreNotHeldAndServeTheNextBuildAsHeldOnesDo() throws Exception {
        List<SearchRecord> before = records(120, 0);
        Analyses first = new Analyses();
        Map<Analyses.Key, int[][]> handed = new java.util.HashMap<>();
        first.spill(handed::put);
        try (SearchIndex cold = build(before, null); SearchIndex spilling = build(before, first)) {
            assertSame(cold, spilling, before);
        }
        assertEquals(Map.of(), first.entries(), "nothing held");
        assertEquals(handed.size(), first.reuse()[1], "every entry counted as used, once");
        // The next process takes the entries as the build cache writes them: the held ones and the handed ones.
        Analyses second = new Analyses(first.words(), handed);
        List<SearchRecord> after = records(120, 40);
        try (SearchIndex cold = build(after, null); SearchIndex warm = build(after, second)) {
            assertSame(cold, warm, after);
        }
        int[] reuse = second.reuse();
        assertEquals(reuse[1] - 3, reuse[0], "entries reused");
    }

    /** A stored entry whose word ids run past the stored words is not what a build wrote: its record is analysed again. */
    @Test
    void aStoredEntryNamingAWordPastTheWordsIsAnalysedAgain() throws Exception {
        List<SearchRecord> records = records(60, 0);
        Analyses first = new Analyses();
        try (SearchIndex made = build(records, first)) {
            assertTrue(made.documents() > 0);
        }
        Map<Analyses.Key, int[][]> kept = first.entries();
        int past = first.words().size();
        Analyses second = new Analyses(first.words(), new Analyses.Stored() {
            @Override
            public int[][] get(Analyses.Key key) {
                int[][] fields = kept.get(key);
                if (fields == null) {
                    return null;
                }
                int[][] wrong = new int[fields.length][];
                for (int f = 0; f < fields.length; f++) {
                    wrong[f] = fields[f] == null ? null : fields[f].clone();
                    if (wrong[f] != null && wrong[f].length > 0) {
                        wrong[f][0] = wrong[f][0] & 0xff000000 | past;
                    }
                }
                return wrong;
            }

            @Override
            public boolean contains(Analyses.Key key) {
                return kept.containsKey(key);
            }
        });
        try (SearchIndex cold = build(records, null); SearchIndex warm = build(records, second)) {
            assertSame(cold, warm, records);
        }
        assertEquals(0, second.reuse()[0], "no stored entry taken");
    }

    static void assertSame(SearchIndex expected, SearchIndex actual, List<SearchRecord> records) throws Exception {
        List<String> want = contents(expected);
        List<String> got = contents(actual);
        for (int i = 0; i < Math.min(want.size(), got.size()); i++) {
            assertEquals(want.get(i), got.get(i), "the index, line " + i);
        }
        assertEquals(want.size(), got.size(), "lines of the index");
        Map<String, byte[]> a = new TreeMap<>();
        Map<String, byte[]> b = new TreeMap<>();
        new BrowserExport(expected, a::put).write();
        new BrowserExport(actual, b::put).write();
        assertEquals(a.keySet(), b.keySet());
        a.forEach((file, bytes) -> assertArrayEquals(bytes, b.get(file), file));
        int related = 0;
        for (SearchRecord r : records) {
            if (r.kind() == SearchRecord.Kind.ARTICLE) {
                String text = r.title() + "\n" + r.body();
                List<Integer> shown = expected.related(r.articleId(), text, 4);
                assertEquals(shown, actual.related(r.articleId(), text, 4), "related to " + r.articleId());
                related += shown.size();
            }
        }
        assertTrue(related > 100, "related lists are not empty: " + related);
    }

    /** Every field's statistics, each word's postings with counts, and every norm. */
    private static List<String> contents(SearchIndex index) throws Exception {
        List<String> out = new ArrayList<>();
        assertEquals(1, index.reader().leaves().size());
        LeafReader leaf = index.reader().leaves().get(0).reader();
        for (FieldInfo field : FieldInfos.getMergedFieldInfos(index.reader())) {
            Terms terms = leaf.terms(field.name);
            if (terms != null) {
                out.add(field.name + " " + terms.size() + " " + terms.getDocCount() + " " + terms.getSumDocFreq() + " "
                        + terms.getSumTotalTermFreq());
                TermsEnum e = terms.iterator();
                for (BytesRef term = e.next(); term != null; term = e.next()) {
                    StringBuilder line = new StringBuilder(field.name + ":" + term.utf8ToString());
                    PostingsEnum p = e.postings(null, PostingsEnum.FREQS);
                    for (int doc = p.nextDoc(); doc != PostingsEnum.NO_MORE_DOCS; doc = p.nextDoc()) {
                        line.append(' ').append(doc).append('x').append(p.freq());
                    }
                    out.add(line.toString());
                }
            }
            NumericDocValues norms = leaf.getNormValues(field.name);
            if (norms != null) {
                StringBuilder line = new StringBuilder(field.name + " norms");
                for (int doc = norms.nextDoc(); doc != NumericDocValues.NO_MORE_DOCS; doc = norms.nextDoc()) {
                    line.append(' ').append(doc).append('=').append(norms.longValue());
                }
                out.add(line.toString());
            }
        }
        assertTrue(out.size() > 200, "the index has words: " + out.size());
        return out;
    }
}
