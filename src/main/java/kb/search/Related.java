package kb.search;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.ClassicSimilarity;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.PriorityQueue;
import org.apache.lucene.util.SmallFloat;

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
 * reads the body field's document frequencies once, on first use. The query is scored with
 * {@link RoundedBM25} (BM25 with the average length rounded up to a whole word), not the exact
 * average.
 *
 * <p>That rounding lets a build keep the lists of the build before ({@link RelatedMemo}): a list
 * is a function of the article's text, the document frequencies of its words, the records that
 * hold its query's words, and the statistics every score uses. A list is taken as it was when
 * the text and those statistics are the same, the records are the same articles' in the same
 * order, no changed record holds a word of its query, and none of the text's words changed its
 * document frequency where it counts; else it is searched again. At 10,000 articles the
 * searches were 14.7% of a warm one-edit build's samples (JFR).
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
    private Analyzer analyzer;
    private IndexSearcher searcher;
    /** What the build before found its lists from, or null; and what changed since, once worked out. */
    private RelatedMemo previous;
    private Changes changes;
    /** Each list this index gave, by article id, for the next build. */
    private final Map<Integer, RelatedMemo.Found> found = new ConcurrentHashMap<>();

    /** Document frequencies of the body field, and what the query is scored with. */
    private record Tables(Map<String, Integer> docFreq, long docCount, int maxDocFreq) {}

    /**
     * What changed in the index since the previous build's lists: the words a changed record
     * holds a different number of times, or all its words (as it was and as it is) where its
     * body's norm changed; and the words whose document frequency changed on either side of the
     * 2% cap or below it.
     */
    private record Changes(Set<String> touched, Set<String> reweighed) {}

    Related(SearchIndex index) {
        this.index = index;
    }

    /** Up to {@code count} article ids most like the given text, never {@code articleId} itself. */
    List<Integer> of(int articleId, String text, int count) {
        return of(articleId, null, () -> text, count);
    }

    /**
     * As {@link #of(int, String, int)}, the text made only when needed: {@code origin} (null:
     * none) fixes it, and stands for it where the build cache keeps the text's words and the
     * list found from it. At 10,000 articles, unpacking and digesting every article's text to
     * find them was a quarter of a one-edit rebuild's related-list samples (JFR), most lists
     * being taken as they were.
     */
    List<Integer> of(int articleId, String origin, java.util.function.Supplier<String> text, int count) {
        try {
            Analyses kept = index.analyses();
            if (kept == null) {
                return search(articleId, query(tables(), freqs(analyzer(), text.get()), null), count);
            }
            Analyses.Key key = origin != null
                    ? Analyses.countsKeyOf(index.analysesScope(), IndexFields.BODY, origin, MAX_TOKENS_PARSED)
                    : Analyses.countsKey(index.analysesScope(), IndexFields.BODY, text.get(), MAX_TOKENS_PARSED);
            Map<String, int[]> freqs = kept.counts(key, IndexFields.BODY, text, MAX_TOKENS_PARSED, analyzer());
            if (freqs == null) {
                return search(articleId, query(tables(), freqs(analyzer(), text.get()), null), count);
            }
            RelatedMemo.Found known = previous == null ? null : previous.lists().get(articleId);
            if (known != null && known.text().equals(key) && known.count() == count && unchanged(known, freqs)) {
                found.put(articleId, known);
                return new ArrayList<>(known.ids());
            }
            List<String> words = new ArrayList<>();
            List<Integer> ids = search(articleId, query(tables(), freqs, words), count);
            found.put(articleId, new RelatedMemo.Found(key, count, words, ids));
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Integer> search(int articleId, BooleanQuery query, int count) throws IOException {
        TopDocs top = searcher().search(query, CANDIDATES);
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
    }

    /**
     * Whether the search for an article whose text is unchanged would find what it found before.
     * It would when the index scores alike (same records with a body, same record count, same
     * rounded average length: {@link RoundedBM25}) and its records are the same articles' in the
     * same order; when the query asks for the same words (none of the text's words changed its
     * weight, or the query made again asks for the words it asked for, in their order); and when
     * no record scores any of them differently: a changed record whose body's norm is the same
     * scores the same on every word it holds as often as before. Then every record the query
     * matches scores as it did, and ties break by the same doc ids.
     */
    private boolean unchanged(RelatedMemo.Found known, Map<String, int[]> freqs) throws IOException {
        Changes c = changes();
        if (c == null) {
            return false;
        }
        for (String w : known.query()) {
            if (c.touched().contains(w)) {
                return false;
            }
        }
        for (String w : c.reweighed()) {
            if (freqs.containsKey(w)) {
                // A word weighs otherwise: the query may pick other words, or the same ones.
                List<String> words = new ArrayList<>();
                query(tables(), freqs, words);
                return words.equals(known.query());
            }
        }
        return true;
    }

    /** What changed since the previous lists, or null when they cannot be compared at all. */
    private synchronized Changes changes() throws IOException {
        if (changes == null) {
            changes = compare();
        }
        return changes.touched() == null ? null : changes;
    }

    private Changes compare() throws IOException {
        Changes none = new Changes(null, null);
        Analyses.Key[] keys = index.recordKeys();
        if (previous == null || keys == null || !previous.stats().equals(stats())
                || !java.util.Arrays.equals(previous.articleIds(), index.articleIds())) {
            return none;
        }
        Set<String> touched = new HashSet<>();
        Map<String, Integer> delta = new HashMap<>();
        for (int doc = 0; doc < keys.length; doc++) {
            Analyses.Key was = previous.records()[doc];
            if (java.util.Objects.equals(was, keys[doc])) {
                continue;
            }
            Analyses.Field before = was == null ? null : index.analyses().field(was, SearchIndexer.BODY_FIELD);
            Analyses.Field now = keys[doc] == null ? null : index.analyses().field(keys[doc], SearchIndexer.BODY_FIELD);
            if (before == null || now == null) {
                return none; // a record whose words are not at hand: every list is searched again
            }
            if (SmallFloat.intToByte4(before.length()) != SmallFloat.intToByte4(now.length())) {
                // Another norm (the index's BM25 keeps the length as this byte): every word scores otherwise.
                touched.addAll(before.counts().keySet());
                touched.addAll(now.counts().keySet());
            } else {
                before.counts().forEach((w, n) -> {
                    if (!n.equals(now.counts().get(w))) {
                        touched.add(w);
                    }
                });
                now.counts().keySet().stream().filter(w -> !before.counts().containsKey(w)).forEach(touched::add);
            }
            before.counts().keySet().forEach(w -> delta.merge(w, -1, Integer::sum));
            now.counts().keySet().forEach(w -> delta.merge(w, 1, Integer::sum));
        }
        int maxDocFreq = maxDocFreq();
        Set<String> reweighed = new HashSet<>();
        for (Map.Entry<String, Integer> e : delta.entrySet()) {
            int df = index.reader().docFreq(new Term(IndexFields.BODY, e.getKey()));
            if (e.getValue() != 0 && (df <= maxDocFreq || df - e.getValue() <= maxDocFreq)) {
                reweighed.add(e.getKey());
            }
        }
        return new Changes(touched, reweighed);
    }

    /** What scores every list: see {@link RelatedMemo.Stats}. */
    private RelatedMemo.Stats stats() throws IOException {
        CollectionStatistics body = searcher().collectionStatistics(IndexFields.BODY);
        return new RelatedMemo.Stats(docCount(), index.reader().numDocs(),
                body == null ? 0 : RoundedBM25.averageLength(body));
    }

    /** Takes each list from {@code previous} where the search would find the same (see {@link #unchanged}). */
    synchronized void previous(RelatedMemo previous) {
        this.previous = previous;
        this.changes = null;
    }

    /** What the lists were found from, for the next build; null when the records' analyses were not kept. */
    RelatedMemo memo() {
        Analyses.Key[] keys = index.recordKeys();
        if (keys == null) {
            return null;
        }
        try {
            return new RelatedMemo(stats(), index.articleIds(), keys, found);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The searcher related lists score with: the index's reader, {@link RoundedBM25}. */
    synchronized IndexSearcher searcher() {
        if (searcher == null) {
            searcher = new IndexSearcher(index.reader());
            searcher.setSimilarity(new RoundedBM25());
        }
        return searcher;
    }

    private synchronized Analyzer analyzer() {
        if (analyzer == null) {
            analyzer = IndexAnalyzer.create(index.chain(), index.synonyms());
        }
        return analyzer;
    }

    private long docCount() throws IOException {
        long docCount = index.reader().getDocCount(IndexFields.BODY);
        return docCount == -1 ? index.reader().numDocs() : docCount;
    }

    /** Never in more than 2% of the records (at least 50): on a 10,000-article site the common words made this step 45% of the build (JFR). */
    private int maxDocFreq() {
        return Math.max(50, index.reader().numDocs() / 50);
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
            tables = new Tables(docFreq, docCount(), maxDocFreq());
        }
        return tables;
    }

    /**
     * Word -> frequency in the text, in first-seen order of insertion (as MoreLikeThis fills its
     * HashMap, so the two iterate the same way; Analyses#counts builds its map the same way).
     */
    static Map<String, int[]> freqs(Analyzer analyzer, String text) throws IOException {
        Map<String, int[]> freqs = new HashMap<>();
        try (TokenStream ts = analyzer.tokenStream(IndexFields.BODY, new StringReader(text))) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            TermFrequencyAttribute tf = ts.addAttribute(TermFrequencyAttribute.class);
            ts.reset();
            int tokens = 0;
            while (ts.incrementToken()) {
                if (++tokens > MAX_TOKENS_PARSED) {
                    break;
                }
                count(freqs, term.toString(), tf.getTermFrequency());
            }
            ts.end();
        }
        return freqs;
    }

    /**
     * Adds {@code n} to {@code word}'s count, by get and put as MoreLikeThis fills its map. The
     * one way both the text's map and the build cache's ({@link Analyses#counts}) are filled:
     * computeIfAbsent grows a HashMap one insertion later than put, so the same words came out in
     * another order, and among words of equal weight another one made the query (a cached
     * build's related lists differed from --no-cache's on 12 of 10,000 articles).
     */
    static void count(Map<String, int[]> freqs, String word, int n) {
        int[] counted = freqs.get(word);
        if (counted == null) {
            freqs.put(word, new int[] {n});
        } else {
            counted[0] += n;
        }
    }

    /**
     * MoreLikeThis's query: the best-scoring words of the text, as SHOULD clauses on the body.
     *
     * @param words receives the query's words (null: not needed)
     */
    private static BooleanQuery query(Tables t, Map<String, int[]> freqs, List<String> words) {
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
            if (words != null) {
                words.add(s.word);
            }
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
