package kb.search;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

/**
 * Related articles by Lucene's MoreLikeThis over the same index: the article's most telling
 * words, searched among the other articles' records. Deterministic: ties break by doc id.
 */
final class Related {
    private final SearchIndex index;
    private final MoreLikeThis mlt;

    Related(SearchIndex index) throws IOException {
        this.index = index;
        this.mlt = new MoreLikeThis(index.reader());
        mlt.setAnalyzer(IndexAnalyzer.create(index.chain(), index.synonyms()));
        // Title and body carry what an article is about; each extra field costs a docFreq lookup
        // per distinct word of every article.
        mlt.setFieldNames(new String[] {IndexFields.TITLE, IndexFields.BODY});
        mlt.setMinTermFreq(1);
        mlt.setMinDocFreq(1);
        // The query's words decide the cost: on a 10,000-article site this step was 45% of the
        // build (JFR) while it searched with 20 words, common ones among them. A dozen words in at
        // most 2% of the records (at least 50) still say what an article is about.
        mlt.setMaxDocFreq(Math.max(50, index.reader().numDocs() / 50));
        mlt.setMaxQueryTerms(12);
    }

    /** Up to {@code count} article ids most like the given text, never {@code articleId} itself. */
    List<Integer> of(int articleId, String text, int count) {
        try {
            Query query = mlt.like(IndexFields.BODY, new StringReader(text));
            TopDocs top = index.searcher().search(query, 30);
            Set<Integer> out = new LinkedHashSet<>();
            for (ScoreDoc sd : top.scoreDocs) {
                int id = articleId(sd.doc);
                if (id != 0 && id != articleId) {
                    out.add(id);
                }
                if (out.size() == count) {
                    break;
                }
            }
            return new ArrayList<>(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int articleId(int doc) throws IOException {
        NumericDocValues ids = MultiDocValues.getNumericValues(index.reader(), IndexFields.ARTICLE_ID);
        return ids != null && ids.advanceExact(doc) ? (int) ids.longValue() : 0;
    }
}
