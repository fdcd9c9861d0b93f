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

    Searcher(IndexSearcher searcher) {
        this.searcher = searcher;
        this.reader = searcher.getIndexReader();
    }

    /** Scores every matching record; returns record doc ids with their scores. */
    Map<Integer, Float> score(QueryPlan plan) throws IOException {
        int maxDoc = reader.maxDoc();
        double[] sums = new double[maxDoc];
        double[] matched = new double[maxDoc];
        boolean[] any = new boolean[maxDoc];
        double total = 0;
        CollectionStatistics bodyStats = searcher.collectionStatistics(IndexFields.BODY);
        for (QueryPlan.Slot slot : plan.slots()) {
            double weight = slotWeight(slot, bodyStats);
            total += weight;
            Weight w = searcher.createWeight(searcher.rewrite(slotQuery(slot)), ScoreMode.COMPLETE, 1f);
            for (LeafReaderContext leaf : reader.leaves()) {
                Scorer scorer = w.scorer(leaf);
                if (scorer == null) {
                    continue;
                }
                DocIdSetIterator it = scorer.iterator();
                for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                    int global = leaf.docBase + doc;
                    sums[global] += scorer.score();
                    matched[global] += weight;
                    any[global] = true;
                }
            }
        }
        Map<Integer, Float> out = new HashMap<>();
        for (int doc = 0; doc < maxDoc; doc++) {
            if (any[doc]) {
                out.put(doc, (float) (sums[doc] * (matched[doc] / total)));
            }
        }
        return out;
    }

    /**
     * How much a word counts in "share of the query matched": its idf in the body field, so
     * matching "password" counts for more than matching "my".
     */
    private double slotWeight(QueryPlan.Slot slot, CollectionStatistics body) throws IOException {
        if (body == null) {
            return 1;
        }
        long n = body.docCount();
        int df = reader.docFreq(new Term(IndexFields.BODY, slot.stem()));
        return Math.log(1 + (n - df + 0.5) / (df + 0.5));
    }

    /**
     * One word's query: the best of its alternatives. Completions are matched in the
     * {@link IndexFields#COMPLETION} fields only, and one found in none of them is dropped; but
     * when neither the typed word nor any completion is found there, the completions are matched
     * in every field, so a word that occurs only in running text keeps its results while typed.
     */
    private Query slotQuery(QueryPlan.Slot slot) throws IOException {
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
                if (exact && alt.surface() == null || restricted && !IndexFields.COMPLETION.contains(field.getKey())) {
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
