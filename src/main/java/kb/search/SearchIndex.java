package kb.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.Directory;

/**
 * An opened kb search index: answers queries for {@code kb search}, computes related articles
 * at build time, and is what the browser export reads.
 */
public final class SearchIndex implements AutoCloseable {
    /** The commit data key under which {@link SearchIndexer} records the chain's version. */
    static final String CHAIN = "kb.analyzer";
    /** The commit data key under which {@link SearchIndexer} records the help center's {@link Kinds}. */
    static final String KINDS = "kb.kinds";

    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final Vocabulary vocabulary;
    private final Map<String, List<String>> synonyms;
    private final Chain chain;
    private final Forms supportTerms;
    private final Related related;
    private final Forms kinds;
    private int[] articleIds;
    /** Where related articles take each article's analysed words from, or null; and what else they depend on. */
    private Analyses analyses;
    private String analysesScope;
    private Analyses.Key[] recordKeys;
    private AcronymsMemo acronymsMemo;
    private final int rowsFrom;
    private int documentsTaken;
    private java.util.Set<String> changedTerms;

    private SearchIndex(Directory directory, DirectoryReader reader, Map<String, List<String>> synonyms) throws IOException {
        this.directory = directory;
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        // An index from before languages has no chain recorded: it is English.
        Chain recorded = Chain.byVersion(reader.getIndexCommit().getUserData().get(CHAIN));
        this.chain = recorded == null ? Chain.EN : recorded;
        this.vocabulary = Vocabulary.read(reader, chain);
        this.synonyms = synonyms;
        this.supportTerms = SupportTerms.of(chain, synonyms == null ? Map.of() : synonyms);
        this.related = new Related(this);
        this.kinds = Kinds.decode(reader.getIndexCommit().getUserData().get(KINDS));
        this.rowsFrom = rowsFrom();
    }

    /**
     * The first record of the data rows (the lifespan table's networks), which SearchRecords
     * writes after every article and FAQ answer; maxDoc when there are none.
     */
    private int rowsFrom() throws IOException {
        int from = reader.maxDoc();
        while (from > 0 && "NETWORK".equals(document(from - 1).get(IndexFields.KIND))) {
            from--;
        }
        return from;
    }

    /** The doc id from which records are data rows (Searcher#ROW), exported for the browser. */
    int rows() {
        return rowsFrom;
    }

    /** Opens the index {@link SearchIndexer} wrote into {@code dir}. */
    public static SearchIndex open(java.nio.file.Path dir, Map<String, List<String>> synonyms) throws IOException {
        return open(org.apache.lucene.store.FSDirectory.open(dir), synonyms);
    }

    /** Opens an index written by {@link SearchIndexer}. */
    public static SearchIndex open(Directory directory, Map<String, List<String>> synonyms) throws IOException {
        return new SearchIndex(directory, DirectoryReader.open(directory), synonyms);
    }

    /**
     * Lets related articles take each article's analysed words from {@code analyses} (null:
     * analyse each time), and tell from {@code recordKeys} (each record's analysis key by doc id,
     * or null) which records changed since a build whose lists they are given ({@link #relatedFrom}).
     */
    void analyses(Analyses analyses, String scope, Analyses.Key[] recordKeys) {
        this.analyses = analyses;
        this.analysesScope = scope;
        this.recordKeys = recordKeys;
    }

    /** How many documents the index took from the build before's ({@link PreviousIndex}) rather than indexed. */
    public int documentsTaken() {
        return documentsTaken;
    }

    void documentsTaken(int taken) {
        this.documentsTaken = taken;
    }

    /**
     * The terms whose postings may differ from those of the index this one took its documents
     * from ({@link PreviousIndex}), beyond what their document frequencies show: every term, in
     * any field, of the documents indexed anew. Null when that index's other documents did not
     * keep their doc ids (records added, removed or moved, or nothing taken): then any term's
     * postings may differ. The browser export takes a term shard whose terms are none of these
     * and whose document frequencies are the ones it was made from.
     */
    java.util.Set<String> changedTerms() {
        return changedTerms;
    }

    void changedTerms(java.util.Set<String> terms) {
        this.changedTerms = terms;
    }

    /** How many documents the index holds, one per search record. */
    public int documents() {
        return reader.maxDoc();
    }

    Analyses.Key[] recordKeys() {
        return recordKeys;
    }

    /**
     * Gives related articles what the build before found them from: a list whose search would
     * find the same is taken from it rather than searched again (see {@link Related}).
     */
    public void relatedFrom(RelatedMemo previous) {
        related.previous(previous);
    }

    /** What this index's initials were found from, for the next build ({@link AcronymsMemo}); null: not kept. */
    public AcronymsMemo acronymsMemo() {
        return acronymsMemo;
    }

    void acronymsMemo(AcronymsMemo memo) {
        this.acronymsMemo = memo;
    }

    /** What this index's related lists were found from, for the next build; null when there is nothing to keep. */
    public RelatedMemo relatedMemo() {
        return related.memo();
    }

    Analyses analyses() {
        return analyses;
    }

    String analysesScope() {
        return analysesScope;
    }

    /** What related articles search with ({@link RoundedBM25}). */
    IndexSearcher relatedSearcher() {
        return related.searcher();
    }

    DirectoryReader reader() {
        return reader;
    }

    IndexSearcher searcher() {
        return searcher;
    }

    Vocabulary vocabulary() {
        return vocabulary;
    }

    Map<String, List<String>> synonyms() {
        return synonyms;
    }

    /** The support desk's other words for a word, as kb.yaml's synonyms leave them ({@link SupportTerms}). */
    Forms supportTerms() {
        return supportTerms;
    }

    /** The help center's words of one kind ({@link Kinds}), exported for the browser. */
    Forms kinds() {
        return kinds;
    }

    /** The analysis chain the index was written with. */
    public Chain chain() {
        return chain;
    }

    /** Whether a term has postings in any searched field (the browser's term shards hold it). */
    private boolean isIndexed(String term) {
        try {
            return Searcher.hasPostings(reader, term, IndexFields.BOOSTS.keySet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Ranked results for a query, an article's sections grouped under it.
     *
     * @param prefix treat the last word as the start of a word (as the browser does while typing)
     */
    public List<Hit> search(String query, int limit, boolean prefix) {
        QueryPlan plan = QueryPlan.of(query, chain, supportTerms, vocabulary, this::isIndexed, prefix);
        if (plan.isEmpty() || limit <= 0) {
            return List.of();
        }
        try {
            Map<Integer, Float> scores = new Searcher(searcher, rowsFrom).score(plan);
            List<Map.Entry<Integer, Float>> ranked = new ArrayList<>(scores.entrySet());
            ranked.sort(Map.Entry.<Integer, Float>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
            Map<String, List<Map.Entry<Integer, Float>>> groups = new LinkedHashMap<>();
            int[] articleIds = articleIds();
            int pool = Math.max(limit, KIND_POOL);
            for (Map.Entry<Integer, Float> e : ranked) {
                String key = groupKey(e.getKey(), articleIds);
                List<Map.Entry<Integer, Float>> group = groups.get(key);
                if (group == null) {
                    if (groups.size() == pool) {
                        continue;
                    }
                    groups.put(key, group = new ArrayList<>());
                }
                group.add(e);
            }
            Set<String> stems = plan.slots().stream().flatMap(s -> s.alternatives().stream())
                    .map(QueryPlan.Alternative::stem).collect(Collectors.toSet());
            List<Hit> hits = new ArrayList<>();
            boolean negated = Negations.holds(query, chain.negations());
            for (List<Map.Entry<Integer, Float>> group : weighed(new ArrayList<>(groups.values()), plan, negated)) {
                if (hits.size() == limit) {
                    break;
                }
                hits.add(hit(group, stems, plan));
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The first groups again, each hit whose title or heading names another of a kind than the
     * query asks for, and not the one asked ({@link Kinds}), at {@link #KIND} of its score, and,
     * when the query says "not" ({@code negated}), each hit whose heading (a page's or FAQ
     * answer's title) says it too, of a word asked, at {@link Negations#WEIGHT} times its score;
     * then each group's hits and the groups in score order again (ties by doc id, as ranked). A
     * section's title is its page's, so "How long a LinkedIn token lasts" under "LinkedIn yearly
     * token expiry" is LinkedIn's twice over, and "Compare with LinkedIn" under "Facebook token
     * expired" names Facebook. The browser does the same with the records it loads for the results anyway
     * (kb-search.js, results), so nothing more is downloaded: that is why only the first
     * {@link #KIND_POOL} groups (or as many as asked for) take part.
     */
    private List<List<Map.Entry<Integer, Float>>> weighed(List<List<Map.Entry<Integer, Float>>> groups, QueryPlan plan,
            boolean negated) throws IOException {
        List<QueryPlan.Contrast> others = plan.contrasts(kinds);
        if (others.isEmpty() && !negated) {
            return groups;
        }
        Comparator<Map.Entry<Integer, Float>> order = Map.Entry.<Integer, Float>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey());
        List<List<Map.Entry<Integer, Float>>> out = new ArrayList<>();
        for (List<Map.Entry<Integer, Float>> group : groups) {
            List<Map.Entry<Integer, Float>> hits = new ArrayList<>();
            // A group's best few, as the browser ranks them (kb-search.js, PER_GROUP), and as hit shows them.
            for (Map.Entry<Integer, Float> e : group.subList(0, Math.min(group.size(), PER_GROUP))) {
                Document d = document(e.getKey());
                float score = e.getValue();
                if (!others.isEmpty() && QueryPlan.namesOther(others, d.get(IndexFields.SHOWN_TITLE), d.get(IndexFields.SHOWN_HEADING), chain)) {
                    score *= KIND;
                }
                if (negated && Negations.holds(headingOf(d), chain.negations()) && plan.isMentionedBy(headingOf(d), chain)) {
                    score *= Negations.WEIGHT;
                }
                hits.add(score == e.getValue() ? e : Map.entry(e.getKey(), score));
            }
            hits.sort(order);
            out.add(hits);
        }
        out.sort(Comparator.comparing((List<Map.Entry<Integer, Float>> g) -> g.get(0), order));
        return out;
    }

    /** What heads a record: a section's heading; a page's, FAQ answer's or row's title. */
    private static String headingOf(Document d) {
        String heading = d.get(IndexFields.SHOWN_HEADING);
        return heading == null || heading.isEmpty() ? d.get(IndexFields.SHOWN_TITLE) : heading;
    }

    /**
     * What a hit about another of the kind asked for keeps of its score: enough to fall behind a
     * hit about the one asked that matches fewer of the other words, not so little that it falls
     * behind hits about neither. Tuned on bench/relevance's tuning halves: 0.7 and 0.8 rank alike
     * on the English ones, 0.3 to 0.6 lose a Spanish query or two (nDCG@5 0.881 against 0.884 to
     * 0.886); the middle is kept.
     */
    static final float KIND = 0.75f;
    /** The hits a result shows of its group: the best, and up to three more as its sections. */
    static final int PER_GROUP = 4;
    /**
     * How many of the first groups are weighed again for {@link Kinds}, at least: so a search for
     * one result or five ranks its first as a search for eight does. Eight is the search box's
     * and the widget's limit, so their searches load no record block more than they did (a
     * block is about 3 KB gzipped on a 10,000-article site; 10 loaded two more per search).
     */
    static final int KIND_POOL = 8;

    /** Articles like the given one, by MoreLikeThis over this index; never the article itself. */
    public List<Integer> related(int articleId, String text, int count) {
        return related.of(articleId, text, count);
    }

    /**
     * As {@link #related(int, String, int)}, with the article's text made only when needed:
     * {@code origin} fixes the text (null: nothing does), and the build cache finds what it
     * kept of the text by it.
     */
    public List<Integer> related(int articleId, String origin, java.util.function.Supplier<String> text, int count) {
        return related.of(articleId, origin, text, count);
    }

    /**
     * A page's best section lands the result on it when it scores at least this share of the
     * page's own record (title, summary and introduction) and the page's title does not name
     * every word asked about: the section holds what the title lacks, and the page's lead over
     * it is mostly the title, which the result shows as its context anyway. A page named for the
     * whole query answers it as a whole, unless the section's heading holds the question itself
     * (QueryPlan#isAskedBy): "what do I do when my Facebook token expires" lands on "What to do";
     * or names the whole query as well ({@link #isAnswer}).
     * Tuned on bench/relevance's tuning halves: 0.2 to 0.5 score alike, 0.6 to 1 worse; the
     * highest of the best is kept, so a section must still earn it.
     */
    static final float SECTION_LANDING = 0.5f;

    /**
     * Whether a section's heading makes it the answer though the page's title names every word
     * asked about: the heading holds the question (QueryPlan#isAskedBy), or names every word
     * asked about too. A title that names them all among other things ("Real names and shared
     * logins") is about more than was asked; the heading that names them ("Shared logins") is
     * about that alone. Tuned on bench/relevance's tuning halves (shipped 0.902 -> 0.908,
     * Spanish 0.868 -> 0.885, nothing lost on any half). The browser decides the same
     * (kb-search.js, results).
     */
    private boolean isAnswer(QueryPlan plan, String heading) {
        return plan.isAskedBy(heading, chain) || heading != null && !heading.isEmpty() && plan.isNamedBy(heading, chain);
    }

    private Hit hit(List<Map.Entry<Integer, Float>> group, Set<String> stems, QueryPlan plan) throws IOException {
        List<Map.Entry<Integer, Float>> top = group.subList(0, Math.min(group.size(), PER_GROUP));
        int at = 0;
        Document page = document(top.get(0).getKey());
        if (top.size() > 1 && page.get(IndexFields.KIND).equals("ARTICLE")
                && top.get(1).getValue() >= SECTION_LANDING * top.get(0).getValue()
                && (!plan.isNamedBy(page.get(IndexFields.SHOWN_TITLE), chain)
                        || isAnswer(plan, document(top.get(1).getKey()).get(IndexFields.SHOWN_HEADING)))) {
            at = 1; // the section; the page it replaces is the result's title and context
        }
        Document best = document(top.get(at).getKey());
        List<Hit.SubHit> more = new ArrayList<>();
        for (Map.Entry<Integer, Float> e : top.subList(at + 1, top.size())) {
            Document d = document(e.getKey());
            more.add(new Hit.SubHit(target(d), d.get(IndexFields.SHOWN_HEADING), e.getValue()));
        }
        return new Hit(target(best), best.get(IndexFields.SHOWN_TITLE), best.get(IndexFields.SHOWN_HEADING),
                Excerpts.of(best.get(IndexFields.TEXT), stems, chain), top.get(0).getValue(),
                best.get(IndexFields.KIND).toLowerCase(java.util.Locale.ROOT),
                best.getField(IndexFields.ARTICLE_ID).numericValue().intValue(), more);
    }

    private Document document(int doc) throws IOException {
        return searcher.storedFields().document(doc);
    }

    private static String target(Document d) {
        String anchor = d.get(IndexFields.ANCHOR);
        return anchor == null || anchor.isEmpty() ? d.get(IndexFields.URL) : d.get(IndexFields.URL) + "#" + anchor;
    }

    /**
     * The group of a matched record, without reading it for an article's records: an article and
     * its sections share its id as they share its URL (each article has one URL and its own id),
     * and reading every matched record's stored fields took a third of {@code kb search} on a
     * 10,000-article site. Other records are grouped by {@link #groupKey(Document)}.
     */
    private String groupKey(int doc, int[] articleIds) throws IOException {
        return articleIds[doc] > 0 ? "#" + articleIds[doc] : groupKey(document(doc));
    }

    /**
     * Each record's article id (0 for records that are not an article's), by doc id; read once,
     * since the reader never changes (search and related articles both look ids up by doc).
     */
    synchronized int[] articleIds() throws IOException {
        if (articleIds != null) {
            return articleIds;
        }
        int[] ids = new int[reader.maxDoc()];
        NumericDocValues values = MultiDocValues.getNumericValues(reader, IndexFields.ARTICLE_ID);
        for (int doc = values == null ? DocIdSetIterator.NO_MORE_DOCS : values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS;
                doc = values.nextDoc()) {
            ids[doc] = (int) values.longValue();
        }
        articleIds = ids;
        return ids;
    }

    static String groupKey(Document d) {
        String kind = d.get(IndexFields.KIND);
        return kind.equals("FAQ") || kind.equals("NETWORK") ? target(d) : d.get(IndexFields.URL);
    }

    @Override
    public void close() {
        try {
            reader.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
