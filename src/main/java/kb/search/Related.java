package kb.search;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TermFrequencyAttribute;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.ClassicSimilarity;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.PriorityQueue;

/**
 * Related articles: the article's most telling words, searched among the other articles'
 * records. Deterministic: ties break by doc id.
 *
 * <p>This is Lucene's {@code MoreLikeThis.like(field, reader)} with the same settings (every
 * word counts once it occurs, at most {@link #MAX_QUERY_TERMS} words, none in more than 2% of
 * the records, scored tf x classic idf, the same queue and the same order of words), so the
 * lists are the ones MoreLikeThis gives; {@code RelatedTest} compares the two. It differs in one
 * place: MoreLikeThis looks each distinct word of each article up in the terms dictionary (a
 * fresh seek per word and segment, 14% of a 200-article build's samples under JFR), where this
 * reads the body field's document frequencies once, on first use.
 */
final class Related {
    /** Words per query: a dozen rarer words still say what an article is about. */
    static final int MAX_QUERY_TERMS = 12;
    /** MoreLikeThis's default cap on the words read of one article. */
    private static final int MAX_TOKENS_PARSED = 5000;
    /** Records a query looks through for {@code count} other articles. */
    private static final int CANDIDATES = 30;

    private final SearchIndex index;
    private Tables tables;

    /** Document frequencies of the body field, and what the query is scored with. */
    private record Tables(Map<String, Integer> docFreq, long docCount, int maxDocFreq, Analyzer analyzer) {}

    Related(SearchIndex index) {
        this.index = index;
    }

    /** Up to {@code count} article ids most like the given text, never {@code articleId} itself. */
    List<Integer> of(int articleId, String text, int count) {
        try {
            Tables t = tables();
            TopDocs top = index.searcher().search(query(t, text), CANDIDATES);
            int[] articleIds = index.articleIds();
            Set<Integer> out = new LinkedHashSet<>();
            for (ScoreDoc sd : top.scoreDocs) {
                int id = articleIds[sd.doc];
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

    private synchronized Tables tables() throws IOException {
        if (tables == null) {
            var reader = index.reader();
            Map<String, Integer> docFreq = new HashMap<>();
            for (LeafReaderContext leaf : reader.leaves()) {
                Terms terms = leaf.reader().terms(IndexFields.BODY);
                if (terms == null) {
                    continue;
                }
                TermsEnum e = terms.iterator();
                for (BytesRef term = e.next(); term != null; term = e.next()) {
                    docFreq.merge(term.utf8ToString(), e.docFreq(), Integer::sum);
                }
            }
            long docCount = reader.getDocCount(IndexFields.BODY);
            // Never in more than 2% of the records (at least 50): on a 10,000-article site the
            // common words made this step 45% of the build (JFR).
            int maxDocFreq = Math.max(50, reader.numDocs() / 50);
            tables = new Tables(docFreq, docCount == -1 ? reader.numDocs() : docCount, maxDocFreq,
                    IndexAnalyzer.create(index.chain(), index.synonyms()));
        }
        return tables;
    }

    /** MoreLikeThis's query: the best-scoring words of the text, as SHOULD clauses on the body. */
    private BooleanQuery query(Tables t, String text) throws IOException {
        Analyses kept = index.analyses();
        Map<String, int[]> freqs = kept == null ? null
                : kept.counts(index.analysesScope(), IndexFields.BODY, text, MAX_TOKENS_PARSED, t.analyzer());
        return query(t, freqs != null ? freqs : freqs(t, text));
    }

    /**
     * Word -> frequency in the text, in first-seen order of insertion (as MoreLikeThis fills its
     * HashMap, so the two iterate the same way; Analyses#counts builds its map the same way).
     */
    private static Map<String, int[]> freqs(Tables t, String text) throws IOException {
        Map<String, int[]> freqs = new HashMap<>();
        try (TokenStream ts = t.analyzer().tokenStream(IndexFields.BODY, new StringReader(text))) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            TermFrequencyAttribute tf = ts.addAttribute(TermFrequencyAttribute.class);
            ts.reset();
            int tokens = 0;
            while (ts.incrementToken()) {
                if (++tokens > MAX_TOKENS_PARSED) {
                    break;
                }
                int[] n = freqs.get(term.toString());
                if (n == null) {
                    freqs.put(term.toString(), new int[] {tf.getTermFrequency()});
                } else {
                    n[0] += tf.getTermFrequency();
                }
            }
            ts.end();
        }
        return freqs;
    }

    private static BooleanQuery query(Tables t, Map<String, int[]> freqs) {
        ClassicSimilarity similarity = new ClassicSimilarity();
        Queue queue = new Queue(Math.min(MAX_QUERY_TERMS, freqs.size()));
        for (Map.Entry<String, int[]> e : freqs.entrySet()) {
            int docFreq = t.docFreq().getOrDefault(e.getKey(), 0);
            if (docFreq > t.maxDocFreq() || docFreq == 0) {
                continue;
            }
            float score = e.getValue()[0] * similarity.idf(docFreq, t.docCount());
            if (queue.size() < queue.limit) {
                queue.add(new Scored(e.getKey(), score));
            } else if (queue.top().score < score) {
                queue.top().word = e.getKey();
                queue.top().score = score;
                queue.updateTop();
            }
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (Scored s = queue.pop(); s != null; s = queue.pop()) {
            query.add(new TermQuery(new Term(IndexFields.BODY, s.word)), BooleanClause.Occur.SHOULD);
        }
        return query.build();
    }

    /** A word and its score; updated in place at the queue's top, as MoreLikeThis does. */
    private static final class Scored {
        String word;
        float score;

        Scored(String word, float score) {
            this.word = word;
            this.score = score;
        }
    }

    /** Lowest score on top, so the weakest of the kept words is the one replaced. */
    private static final class Queue extends PriorityQueue<Scored> {
        final int limit;

        Queue(int limit) {
            super(limit);
            this.limit = limit;
        }

        @Override
        protected boolean lessThan(Scored a, Scored b) {
            return a.score < b.score;
        }
    }
}
