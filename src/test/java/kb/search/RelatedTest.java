package kb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.Test;

/**
 * Related articles are the ones Lucene's MoreLikeThis finds with the same settings: {@link
 * Related} only looks document frequencies up once instead of per article, so on a site of a few
 * hundred articles of overlapping vocabulary every list must be MoreLikeThis's, in its order.
 */
class RelatedTest {
    private static final String[] WORDS = ("token account connect facebook linkedin page admin password expire "
            + "reconnect access permission profile business invoice receipt billing checkpoint login cookie "
            + "youtube channel review location verify email phone schedule post comment insight report export "
            + "import calendar team member role owner").split(" ");

    private static List<SearchRecord> records(int articles) {
        Random random = new Random(11);
        List<SearchRecord> out = new ArrayList<>();
        for (int id = 1; id <= articles; id++) {
            StringBuilder body = new StringBuilder();
            // A Zipf-like pick: a few words everywhere (over MoreLikeThis's 2% cap), many rarer ones.
            for (int w = 0; w < 40 + random.nextInt(200); w++) {
                int i = (int) Math.floor(Math.pow(random.nextDouble(), 2.5) * WORDS.length);
                body.append(WORDS[i]).append(i % 3 == 0 ? "s " : " ");
                if (random.nextInt(30) == 0) {
                    body.append("word").append(random.nextInt(articles)).append(' ');
                }
            }
            String url = "s/a" + id + "/";
            String title = WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)] + " " + id;
            out.add(new SearchRecord(SearchRecord.Kind.ARTICLE, url, null, title, "", "Help", "", "", body.toString(), id));
            out.add(new SearchRecord(SearchRecord.Kind.SECTION, url, "part", title, "Part", "Help", "", "",
                    body.substring(0, body.length() / 2), id));
        }
        return out;
    }

    @Test
    void listsAreMoreLikeThisListsInItsOrder() throws Exception {
        List<SearchRecord> records = records(400);
        try (SearchIndex index = SearchIndexer.buildInMemory(records, Map.of())) {
            MoreLikeThis mlt = new MoreLikeThis(index.reader());
            mlt.setAnalyzer(IndexAnalyzer.create(index.chain(), index.synonyms()));
            mlt.setMinTermFreq(1);
            mlt.setMinDocFreq(1);
            mlt.setMaxDocFreq(Math.max(50, index.reader().numDocs() / 50));
            mlt.setMaxQueryTerms(Related.MAX_QUERY_TERMS);
            int nonEmpty = 0;
            for (SearchRecord r : records) {
                if (r.kind() != SearchRecord.Kind.ARTICLE) {
                    continue;
                }
                String text = r.title() + "\n" + r.body();
                List<Integer> expected = moreLikeThis(index, mlt, r.articleId(), text, 5);
                List<Integer> actual = index.related(r.articleId(), text, 5);
                assertEquals(expected, actual, "related articles of " + r.articleId());
                assertFalse(actual.contains(r.articleId()), "never the article itself");
                nonEmpty += actual.isEmpty() ? 0 : 1;
            }
            // Most lists are not empty, so the comparison is of real lists (the rest have only words in
            // more than 2% of the records).
            assertTrue(nonEmpty > 300, nonEmpty + " of 400 articles have related articles");
        }
    }

    /**
     * A list kept from the build before is the list a search finds now: one article edited
     * (words added that other articles hold, so other lists change too), then an article added
     * (the statistics of every list change). Each time every list equals a search over an index
     * built without the previous lists, and after the edit most lists were taken, not searched.
     */
    @Test
    void listsKeptFromTheBuildBeforeAreTheListsASearchFinds() {
        List<SearchRecord> records = records(400);
        Analyses analyses = new Analyses();
        RelatedMemo memo;
        Map<Integer, List<Integer>> before;
        try (SearchIndex index = indexed(records, analyses, null)) {
            before = lists(index, records);
            memo = index.relatedMemo();
        }
        // Article 7 gains words of article 8's, as a writer's edit would.
        List<SearchRecord> edited = new ArrayList<>(records);
        SearchRecord a7 = edited.get(12);
        SearchRecord a8 = edited.get(14);
        assertEquals(7, a7.articleId());
        edited.set(12, new SearchRecord(a7.kind(), a7.url(), a7.anchor(), a7.title(), a7.heading(), a7.context(), a7.summary(),
                a7.tags(), a7.body() + " " + a8.body(), a7.articleId()));
        RelatedMemo afterEdit;
        try (SearchIndex warm = indexed(edited, analyses, memo); SearchIndex cold = indexed(edited, null, null)) {
            Map<Integer, List<Integer>> fresh = lists(cold, edited);
            assertEquals(fresh, lists(warm, edited), "every list as a search finds it");
            long changed = fresh.entrySet().stream().filter(e -> e.getKey() != 7 && !e.getValue().equals(before.get(e.getKey())))
                    .count();
            assertTrue(changed > 0, "the edit changed other articles' lists too: a stale list would show");
            afterEdit = warm.relatedMemo();
            long taken = afterEdit.lists().entrySet().stream().filter(e -> e.getValue() == memo.lists().get(e.getKey())).count();
            assertTrue(taken > 300 && taken < 400, taken + " of 400 lists taken from the build before");
        }
        List<SearchRecord> added = new ArrayList<>(edited);
        added.add(new SearchRecord(SearchRecord.Kind.ARTICLE, "s/new/", null, "billing invoice", "", "Help", "", "",
                "invoice receipt billing invoice export report", 401));
        try (SearchIndex warm = indexed(added, analyses, afterEdit); SearchIndex cold = indexed(added, null, null)) {
            assertEquals(lists(cold, added), lists(warm, added), "every list as a search finds it");
        }
    }

    /**
     * An edit that leaves a record as long as it was (so its norm too) changes the score of that
     * record on the words it changed alone: every list whose query asks for neither is the list
     * the build before found, and is taken; the others are searched again. Then a word new to the
     * record that other articles hold changes its weight: their queries are made again, and
     * taken where they ask for the same words.
     */
    @Test
    void anEditThatKeepsTheNormSearchesAgainOnlyTheListsAskingForWhatItChanged() throws Exception {
        List<SearchRecord> records = new ArrayList<>(records(400));
        // Article 7's section holds twice a rare word of other articles, which their queries ask for.
        // And once another one, which the edit leaves as it is: the lists asking for it only are taken.
        String rare = rareWord(records, 100);
        String other = rareWord(records, 300);
        SearchRecord part = withBody(records.get(13), other + " " + records.get(13).body());
        assertEquals(SearchRecord.Kind.SECTION, part.kind());
        assertEquals(7, part.articleId());
        records.set(13, withBody(part, rare + " " + rare + " " + part.body()));
        Analyses analyses = new Analyses();
        RelatedMemo memo;
        try (SearchIndex index = indexed(records, analyses, null)) {
            lists(index, records);
            memo = index.relatedMemo();
        }
        // Then says it once, and a word it holds anyway in its place: as long as before.
        String common = part.body().split(" ")[1];
        List<SearchRecord> edited = new ArrayList<>(records);
        edited.set(13, withBody(part, rare + " " + common + " " + part.body()));
        Set<String> changed = new java.util.HashSet<>(Related.freqs(IndexAnalyzer.create(Chain.EN, Map.of()),
                rare + " " + common).keySet());
        RelatedMemo afterEdit;
        try (SearchIndex warm = indexed(edited, analyses, memo); SearchIndex cold = indexed(edited, null, null)) {
            assertEquals(lists(cold, edited), lists(warm, edited), "every list as a search finds it");
            afterEdit = warm.relatedMemo();
            int asking = 0;
            int askingOther = 0;
            String otherStem = Related.freqs(IndexAnalyzer.create(Chain.EN, Map.of()), other).keySet().iterator().next();
            for (Map.Entry<Integer, RelatedMemo.Found> e : memo.lists().entrySet()) {
                boolean asks = e.getValue().query().stream().anyMatch(changed::contains);
                asking += asks ? 1 : 0;
                if (!asks) {
                    askingOther += e.getValue().query().contains(otherStem) ? 1 : 0;
                    assertTrue(afterEdit.lists().get(e.getKey()) == e.getValue(), "list of article " + e.getKey() + " taken");
                }
            }
            assertTrue(asking > 0 && asking < 400, asking + " lists ask for " + changed);
            assertTrue(askingOther > 0, "lists that ask for " + otherStem + ", which the section holds, are taken");
        }
        // The rare word gone from the section: its weight changes where other articles hold it.
        List<SearchRecord> again = new ArrayList<>(edited);
        again.set(13, withBody(part, common + " " + common + " " + part.body()));
        try (SearchIndex warm = indexed(again, analyses, afterEdit); SearchIndex cold = indexed(again, null, null)) {
            assertEquals(lists(cold, again), lists(warm, again), "every list as a search finds it");
        }
    }

    /** The first rare word of the articles after {@code id}. */
    private static String rareWord(List<SearchRecord> records, int id) {
        return records.stream().filter(r -> r.articleId() > id).flatMap(r -> java.util.Arrays.stream(r.body().split(" ")))
                .filter(w -> w.startsWith("word")).findFirst().orElseThrow();
    }

    private static SearchRecord withBody(SearchRecord r, String body) {
        return new SearchRecord(r.kind(), r.url(), r.anchor(), r.title(), r.heading(), r.context(), r.summary(), r.tags(), body,
                r.articleId());
    }

    private static SearchIndex indexed(List<SearchRecord> records, Analyses analyses, RelatedMemo previous) {
        SearchIndex index = SearchIndexer.build(records, new org.apache.lucene.store.ByteBuffersDirectory(), Map.of(), "en",
                analyses);
        index.relatedFrom(previous);
        return index;
    }

    private static Map<Integer, List<Integer>> lists(SearchIndex index, List<SearchRecord> records) {
        Map<Integer, List<Integer>> out = new java.util.TreeMap<>();
        for (SearchRecord r : records) {
            if (r.kind() == SearchRecord.Kind.ARTICLE) {
                out.put(r.articleId(), index.related(r.articleId(), r.title() + "\n" + r.body(), 5));
            }
        }
        return out;
    }

    /** What Related did before it kept its own document frequencies. */
    private static List<Integer> moreLikeThis(SearchIndex index, MoreLikeThis mlt, int articleId, String text, int count)
            throws Exception {
        ScoreDoc[] top = index.relatedSearcher().search(mlt.like(IndexFields.BODY, new StringReader(text)), 30).scoreDocs;
        Set<Integer> out = new LinkedHashSet<>();
        for (ScoreDoc sd : top) {
            NumericDocValues ids = org.apache.lucene.index.MultiDocValues.getNumericValues(index.reader(), IndexFields.ARTICLE_ID);
            int id = ids.advanceExact(sd.doc) ? (int) ids.longValue() : 0;
            if (id != 0 && id != articleId) {
                out.add(id);
            }
            if (out.size() == count) {
                break;
            }
        }
        return new ArrayList<>(out);
    }
}
