package kb.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;

/**
 * Runs a {@link QueryPlan} with Lucene's BM25. Each query word is a disjunction-max over its
 * alternatives, each alternative a sum over the boosted fields; a document's score is the sum
 * over words, times the share of the query (weighted by each word's rarity) it matched, so
 * pages matching more of a customer's words come first while no word is required.
 */
final class Searcher {
    private final IndexSearcher searcher;
    private final IndexReader reader;
    private final int rowsFrom;

    /** @param rowsFrom the first doc id of the data rows, which score {@link #ROW} times as much */
    Searcher(IndexSearcher searcher, int rowsFrom) {
        this.searcher = searcher;
        this.reader = searcher.getIndexReader();
        this.rowsFrom = rowsFrom;
    }

    /** Scores every matching record; returns record doc ids with their scores. */
    Map<Integer, Float> score(QueryPlan plan) throws IOException {
        int maxDoc = reader.maxDoc();
        List<QueryPlan.Slot> slots = plan.slots();
        double[] sums = new double[maxDoc];
        double[] matched = new double[maxDoc];
        // Which words a record matched itself (bit per word; a plan has at most 32 words).
        int[] own = new int[maxDoc];
        // Which words a record matched in a title or heading (its own, or its page's title).
        int[] head = new int[maxDoc];
        boolean[] any = new boolean[maxDoc];
        double[] weights = new double[slots.size()];
        double total = 0;
        CollectionStatistics bodyStats = searcher.collectionStatistics(IndexFields.BODY);
        for (int s = 0; s < slots.size(); s++) {
            QueryPlan.Slot slot = slots.get(s);
            weights[s] = slotWeight(slot, bodyStats);
            total += weights[s];
            int bit = 1 << s;
            each(slotQuery(slot, IndexFields.BOOSTS.keySet()), (doc, score) -> {
                sums[doc] += score;
                own[doc] |= bit;
                any[doc] = true;
            });
            each(slotQuery(slot, IndexFields.HEADS), (doc, score) -> head[doc] |= bit);
        }
        for (int s = 0; s < slots.size(); s++) {
            int bit = 1 << s;
            double weight = weights[s];
            for (int doc = 0; doc < maxDoc; doc++) {
                if ((own[doc] & bit) != 0) {
                    matched[doc] += weight;
                }
            }
        }
        inheritPageTitles(slots, weights, sums, matched, own, head, any);
        int content = 0;
        for (int s = 0; s < slots.size(); s++) {
            if (!slots.get(s).filler()) {
                content |= 1 << s;
            }
        }
        int words = Integer.bitCount(content);
        Map<Integer, Float> out = new HashMap<>();
        for (int doc = 0; doc < maxDoc; doc++) {
            if (any[doc]) {
                double score = sums[doc] * (matched[doc] / total) * together(head[doc] & content, words);
                out.put(doc, (float) (doc >= rowsFrom ? score * ROW : score));
            }
        }
        return out;
    }

    /**
     * A section stands under its page's title: a section that matches some of the words gets its
     * page title's score for each word, times {@link IndexFields#INHERITED_TITLE}, and those words
     * count as matched. So the section that answers "linkedin super admin" under the title
     * "Super admin required for LinkedIn Pages" outranks the page as a whole when it says more, and
     * the result lands on it. Only records matched on their own inherit, so a page's other
     * sections do not all become hits. The browser does the same (kb-search.js, rank).
     */
    private void inheritPageTitles(List<QueryPlan.Slot> slots, double[] weights, double[] sums, double[] matched,
            int[] own, int[] head, boolean[] any) throws IOException {
        int[] parent = parents();
        for (int s = 0; s < slots.size(); s++) {
            int bit = 1 << s;
            double weight = weights[s];
            Map<Integer, Float> title = new HashMap<>();
            each(slotQuery(slots.get(s), IndexFields.TITLES), title::put);
            if (title.isEmpty()) {
                continue;
            }
            for (int doc = 0; doc < parent.length; doc++) {
                Float t = any[doc] && parent[doc] != doc ? title.get(parent[doc]) : null;
                if (t == null) {
                    continue;
                }
                sums[doc] += (double) IndexFields.INHERITED_TITLE * t;
                head[doc] |= bit;
                if ((own[doc] & bit) == 0) {
                    matched[doc] += weight;
                }
            }
        }
    }

    /**
     * The reward for query words found together in one title, heading or FAQ question (a short
     * span, so near each other) rather than scattered through a body: 1 + {@link #TOGETHER}
     * times the share of the other content words found there with the first. Question words
     * and filler do not count. The browser computes the same (kb-search.js, together).
     */
    static double together(int mask, int words) {
        int k = Integer.bitCount(mask);
        return k < 2 || words < 2 ? 1 : 1 + TOGETHER * (k - 1) / (words - 1);
    }

    static final double TOGETHER = 0.5;

    /**
     * What a data row (a network's line of the lifespan table) is worth against prose: a row is
     * one fact, a few words long, so length normalisation and its title's "token lifespan" lift
     * it over the article that explains the fact and says what to do about it ("youtube token"
     * found the row before the YouTube article). A row that answers alone still comes first.
     * Tuned on bench/relevance's tuning halves: 0.6 puts the article first where it explains a
     * row (1 and 0.75 do not; 0.45 does no better), and no row judged the answer loses its place.
     */
    static final float ROW = 0.6f;

    /**
     * Each record's page record: an article's sections follow the article's own record, which
     * starts the run of records with its article id; every other record is its own parent.
     */
    private int[] parents() throws IOException {
        int[] parent = new int[reader.maxDoc()];
        org.apache.lucene.index.NumericDocValues ids =
                org.apache.lucene.index.MultiDocValues.getNumericValues(reader, IndexFields.ARTICLE_ID);
        long last = 0;
        int start = 0;
        for (int doc = 0; doc < parent.length; doc++) {
            long id = ids != null && ids.advanceExact(doc) ? ids.longValue() : 0;
            if (id == 0 || id != last) {
                start = doc;
            }
            parent[doc] = start;
            last = id;
        }
        return parent;
    }

    /** Calls {@code hit} with each document a query matches and its score. */
    private void each(Query query, java.util.function.BiConsumer<Integer, Float> hit) throws IOException {
        Weight w = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE, 1f);
        for (LeafReaderContext leaf : reader.leaves()) {
            Scorer scorer = w.scorer(leaf);
            if (scorer == null) {
                continue;
            }
            DocIdSetIterator it = scorer.iterator();
            for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                hit.accept(leaf.docBase + doc, scorer.score());
            }
        }
    }

    /**
     * How much a word counts in "share of the query matched": its idf in the body field, so
     * matching "password" counts for more than matching "my".
     */
    private double slotWeight(QueryPlan.Slot slot, CollectionStatistics body) throws IOException {
        if (body == null) {
            return slot.filler() ? QueryPlan.FILLER_WEIGHT : 1;
        }
        long n = body.docCount();
        int df = reader.docFreq(new Term(IndexFields.BODY, slot.stem()));
        double idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        return slot.filler() ? idf * QueryPlan.FILLER_WEIGHT : idf;
    }

    /**
     * One word's query: the best of its alternatives. Completions are matched in the
     * {@link IndexFields#COMPLETION} fields only, and one found in none of them is dropped; but
     * when neither the typed word nor any completion is found there, the completions are matched
     * in every field, so a word that occurs only in running text keeps its results while typed.
     */
    private Query slotQuery(QueryPlan.Slot slot, java.util.Set<String> scored) throws IOException {
        java.util.Set<String> inCompletionFields = new java.util.HashSet<>();
        for (QueryPlan.Alternative alt : slot.alternatives()) {
            if (alt.completion() && hasPostings(reader, alt.stem(), IndexFields.COMPLETION)) {
                inCompletionFields.add(alt.stem());
            }
        }
        boolean headOnly = !inCompletionFields.isEmpty() || hasPostings(reader, slot.stem(), IndexFields.BOOSTS.keySet());
        List<Query> alternatives = new ArrayList<>();
        for (QueryPlan.Alternative alt : slot.alternatives()) {
            boolean restricted = alt.completion() && headOnly;
            if (restricted && !inCompletionFields.contains(alt.stem())) {
                continue;
            }
            BooleanQuery.Builder fields = new BooleanQuery.Builder();
            for (Map.Entry<String, Float> field : IndexFields.BOOSTS.entrySet()) {
                boolean exact = IndexFields.isExact(field.getKey());
                if (!scored.contains(field.getKey()) || exact && alt.surface() == null
                        || restricted && !IndexFields.COMPLETION.contains(field.getKey())) {
                    continue;
                }
                String text = exact ? alt.surface() : alt.stem();
                fields.add(new BoostQuery(new TermQuery(new Term(field.getKey(), text)), field.getValue() * alt.weight()),
                        BooleanClause.Occur.SHOULD);
            }
            alternatives.add(fields.build());
        }
        return new DisjunctionMaxQuery(alternatives, 0f);
    }

    /** Whether a term has postings in any of the given fields. */
    static boolean hasPostings(IndexReader reader, String term, java.util.Collection<String> fields) throws IOException {
        for (String field : fields) {
            if (reader.docFreq(new Term(field, term)) > 0) {
                return true;
            }
        }
        return false;
    }

    Document document(int doc) throws IOException {
        return searcher.storedFields().document(doc);
    }
}
