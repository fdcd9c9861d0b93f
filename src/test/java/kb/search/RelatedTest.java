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

    /** What Related did before it kept its own document frequencies. */
    private static List<Integer> moreLikeThis(SearchIndex index, MoreLikeThis mlt, int articleId, String text, int count)
            throws Exception {
        ScoreDoc[] top = index.searcher().search(mlt.like(IndexFields.BODY, new StringReader(text)), 30).scoreDocs;
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
