package kb.search;

import org.apache.lucene.index.FieldInvertState;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;

/**
 * Lucene's BM25 with the field's average length rounded up to a whole word: what related articles
 * are scored with. With the exact average, every edit that adds or removes a word changes every
 * record's score a little, so no related list could be kept from one build to the next without
 * searching again to be sure; rounded, a list depends only on the records that hold its query's
 * words (see {@link Related}), and the average moves to the next whole word only after about as
 * many words as there are records. Scores move by less than a word's share of the length
 * normalisation, which no list of related articles can tell from the exact one.
 */
final class RoundedBM25 extends Similarity {
    private final BM25Similarity bm25 = new BM25Similarity();

    @Override
    public long computeNorm(FieldInvertState state) {
        return bm25.computeNorm(state);
    }

    @Override
    public SimScorer scorer(float boost, CollectionStatistics collection, TermStatistics... terms) {
        return bm25.scorer(boost, rounded(collection), terms);
    }

    /** The statistics with the total length raised so that the average is the next whole word (or kept, when it is one). */
    static CollectionStatistics rounded(CollectionStatistics c) {
        return new CollectionStatistics(c.field(), c.maxDoc(), c.docCount(), averageLength(c) * c.docCount(), c.sumDocFreq());
    }

    /** The field's average length as scored here: a whole number of words. */
    static long averageLength(CollectionStatistics c) {
        return (long) Math.ceil(c.sumTotalTermFreq() / (double) c.docCount());
    }
}
