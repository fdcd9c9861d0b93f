package kb.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;

/**
 * Exports the Lucene index for the browser, as classic scripts (they load from {@code file://},
 * where fetch does not): a manifest, term shards (postings with frequencies and norms, cut so a
 * query loads a few small files), record blocks (what a hit shows) and the vocabulary by first
 * letter (for prefix and typo matching). Every statistic comes from Lucene, none is recomputed.
 * Vocabularies and shared postings are named by content hashes; term shards, record blocks and
 * head files by number or letters, with a version in the manifest that busts HTTP caches.
 */
public final class BrowserExport {
    /** Format version; the client refuses a manifest of another version. */
    public static final int VERSION = 11;
    /**
     * Postings per term shard, at least: about 5 KB gzipped each. A query word's shard is loaded
     * whole for the one term it wants, and most are rare words' shards: at 10,000 articles shards
     * of 6,000 postings made a query typed key by key load 309.4 KB (median), of 2,000 274.9 KB,
     * for a directory in the manifest 2.0 KB larger (bench/README, "First-query search bytes").
     */
    static final int SHARD_POSTINGS = 2000;
    /**
     * Records per block, at least: a block ends at the first group boundary after this many, so
     * a result page of ten groups loads at most ten small blocks. A result shows a record or
     * two of its block, and typing a query loads the blocks of every keystroke's results: at
     * 10,000 articles blocks of 24 records made 169 of the 432 KB that typing "reconnect
     * facebook" loaded (bench/typed-bytes.mjs), and 8 make a block hold one or two groups.
     */
    static final int BLOCK_DOCS = 8;
    /**
     * Characters of a two-letter head file beyond which it is cut by three letters: about 16 KB
     * gzipped. No head file of the 10,000-article benchmark site reaches it (its largest,
     * {@code h/re.js}, has 37,397).
     */
    static final int HEAD_CHARS = 40_000;
    /**
     * Postings from which a list that another term has too, posting for posting, is written once,
     * in a file of its own ({@code p/<hash>.js}), and each term's entry names it: a synonym group of
     * kb.yaml indexes the same postings under each of its stems, and a query asks for several of
     * them (reconnect and the support desk's reauth, reauthorize, relink). At 10,000 articles typing
     * "reconnect facebook" loaded that body list five times, 100 KB of its 163 KB of term shards.
     */
    static final int SHARED_POSTINGS = 1000;
    /** Text kept per record for the excerpt. */
    static final int TEXT_CHARS = 360;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SearchIndex index;
    private final BiConsumer<String, byte[]> sink;
    /** Where files the previous export wrote are taken from; null: none. */
    private final Earlier earlier;
    private final int headChars;
    private final int sharedPostings;
    /** Added to by both threads of {@link #write}. */
    private final java.util.concurrent.atomic.AtomicLong bytes = new java.util.concurrent.atomic.AtomicLong();
    /** Each term shard's content hash, in order: the shards' version together. */
    private final List<String> shardHashes = new ArrayList<>();

    /**
     * @param sink receives each file's path (relative to the search data folder) and bytes, from
     *     one thread at a time (not always the same one)
     */
    public BrowserExport(SearchIndex index, BiConsumer<String, byte[]> sink) {
        this(index, sink, null);
    }

    /**
     * Taking from {@code earlier} (null: nothing) each record block the previous export wrote
     * from the same documents, rather than making it again: at 10,000 articles the blocks are
     * 47 MB of the 62 MB of search data, and making and hashing them was 8% of a one-edit
     * rebuild's samples (JFR).
     */
    public BrowserExport(SearchIndex index, BiConsumer<String, byte[]> sink, Earlier earlier) {
        this(index, sink, HEAD_CHARS, SHARED_POSTINGS, earlier);
    }

    /**
     * Files an earlier export wrote, each recorded with a digest of what it was made from (its
     * identity) and its content hash. Called from two threads at once: the record blocks' and
     * the term files'.
     */
    public interface Earlier {

        /**
         * The file at {@code file} as an earlier export made it from inputs of this
         * {@code identity}, put into the new site as it is; null when there is none (or it
         * changed since), and the file is made.
         */
        Taken take(String file, String identity);

        /** Records a file just made, with its identity and content hash, for the next export. */
        void keep(String file, String identity, String hash, byte[] bytes);

        /**
         * The file in {@code folder} ({@code t/}) an earlier export named after its content's hash
         * and recorded with this {@code identity}, put into the new site as it is; null when there
         * is none (or it changed since). The file's name is {@code folder + hash + ".js"}.
         */
        Taken named(String folder, String identity);

        /**
         * What the earlier export recorded the file at {@code file} as made from ({@link #keep}'s
         * {@code inputs}), or null when none.
         */
        default String madeFrom(String file) {
            return null;
        }

        /**
         * The file at {@code file} as the earlier export made it from exactly these {@code inputs}
         * ({@link #madeFrom}), put into the new site as it is and recorded with them again; null
         * when there is none (or it changed since), and the file is made.
         */
        default Taken takeMadeFrom(String file, String inputs) {
            return null;
        }

        /**
         * The file at {@code file} as the earlier export recorded it, whatever it was made from,
         * put into the new site as it is; null when there is none (or it changed since). For a
         * file named after its content's hash, which a taken file refers to.
         */
        default Taken again(String file) {
            return null;
        }

        /** As {@link #keep(String, String, String, byte[])}, recording what the file was made from too (null: nothing). */
        default void keep(String file, String identity, String hash, byte[] bytes, String inputs) {
            keep(file, identity, hash, bytes);
        }

        /** As {@link #take(String, String)}, recording what the file was made from too (null: nothing). */
        default Taken take(String file, String identity, String inputs) {
            return take(file, identity);
        }

        /** A file taken: its length and its content hash. */
        record Taken(long length, String hash) { }
    }

    /**
     * With another size at which head files are cut by three letters, and from which repeated
     * postings are shared (tests cut and share them all, as a large site's are).
     */
    BrowserExport(SearchIndex index, BiConsumer<String, byte[]> sink, int headChars, int sharedPostings) {
        this(index, sink, headChars, sharedPostings, null);
    }

    BrowserExport(SearchIndex index, BiConsumer<String, byte[]> sink, int headChars, int sharedPostings, Earlier earlier) {
        this.index = index;
        this.sink = sink;
        this.earlier = earlier;
        this.headChars = headChars;
        this.sharedPostings = sharedPostings;
    }

    /** Writes everything; returns the bytes written. */
    public long write() {
        try {
            LeafReader leaf = index.reader().leaves().isEmpty() ? null : index.reader().leaves().get(0).reader();
            List<String> fields = new ArrayList<>(IndexFields.BOOSTS.keySet());
            Map<String, Object> manifest = new LinkedHashMap<>();
            manifest.put("v", VERSION);
            manifest.put("analyzer", index.chain().version());
            if (index.chain() != Chain.EN) {
                // The browser file of the chain, which kb-search.js loads (English's is on every page).
                manifest.put("script", index.chain().script());
            }
            manifest.put("k1", 1.2);
            manifest.put("b", 0.75);
            manifest.put("fields", fieldStats(fields));
            // Sorted: Map.of iterates in a different order on every run, and builds must be reproducible.
            TreeMap<String, Object> weights = new TreeMap<>(Map.of("prefix", QueryPlan.PREFIX_WEIGHT, "typo1", QueryPlan.ONE_TYPO_WEIGHT,
                    "typo2", QueryPlan.TWO_TYPOS_WEIGHT, "fuzzyPrefix", QueryPlan.FUZZY_PREFIX_WEIGHT,
                    "expansions", QueryPlan.MAX_EXPANSIONS, "words", QueryPlan.MAX_WORDS, "minPrefix", QueryPlan.MIN_PREFIX,
                    "filler", QueryPlan.FILLER_WEIGHT, "inherit", IndexFields.INHERITED_TITLE, "together", Searcher.TOGETHER));
            weights.put("minTypo", QueryPlan.MIN_TYPO);
            weights.put("slip", QueryPlan.SLIP);
            weights.put("slipTypo", QueryPlan.SLIP_TYPO_WEIGHT);
            weights.put("landing", SearchIndex.SECTION_LANDING);
            weights.put("row", Searcher.ROW);
            weights.put("asked", QueryPlan.ASKED_WORDS);
            weights.put("form", Forms.WEIGHT);
            weights.put("support", SupportTerms.WEIGHT);
            weights.put("derived", QueryPlan.DERIVED_WEIGHT);
            weights.put("minDerived", QueryPlan.MIN_DERIVED);
            weights.put("derivedLetters", QueryPlan.DERIVED_LETTERS);
            weights.put("kind", SearchIndex.KIND);
            weights.put("kindPool", SearchIndex.KIND_POOL);
            weights.put("negated", Negations.WEIGHT);
            manifest.put("weights", weights);
            manifest.put("filler", String.join(",", index.chain().filler()));
            if (!index.chain().negations().isEmpty()) {
                manifest.put("negations", String.join(",", index.chain().negations()));
            }
            String forms = groups(index.chain().forms());
            if (!forms.isEmpty()) {
                manifest.put("forms", forms);
            }
            String support = groups(index.supportTerms());
            if (!support.isEmpty()) {
                manifest.put("support", support);
            }
            String kinds = Kinds.encode(index.kinds());
            if (!kinds.isEmpty()) {
                manifest.put("kinds", kinds);
            }
            manifest.put("docs", index.reader().maxDoc());
            manifest.put("rows", index.rows());
            // The record blocks read the documents' values and the term files the postings; neither
            // reads what the other writes, so the blocks are made on another core meanwhile: at
            // 1,000 articles the export ran on one thread while the other core had nothing to do.
            java.util.concurrent.CompletableFuture<Blocks> made = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                StringBuilder groups = new StringBuilder();
                try {
                    return new Blocks(leaf == null ? List.of() : docBlocks(leaf, groups), groups.toString());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            TreeMap<String, List<int[]>> terms;
            Postings postings;
            List<String> shards;
            try {
                terms = leaf == null ? new TreeMap<>() : termsByField(leaf, fields);
                postings = new Postings(leaf, fields);
                shards = termShards(terms, postings);
            } finally {
                made.handle((done, failed) -> null).join(); // the blocks' thread never outlives an error here
            }
            Blocks blocks = blocks(made);
            // Blocks are named by number (a list of thousands of hashed names would weigh on every
            // first query); this version, a hash of them all, busts HTTP caches instead.
            manifest.put("blocks", blocks.hashes().size());
            manifest.put("blocksVersion", hash(String.join(",", blocks.hashes())));
            manifest.put("groups", blocks.groups());
            // Shards are named by number, as blocks are, and listed by their first terms: with
            // hashed names the directory was 8.6 KB of the manifest gzipped at 10,000 articles,
            // which every first query loads, and is 2.2 KB so.
            manifest.put("terms", frontCoded(shards.stream().map(first -> new Vocabulary.Word(first, 1, first)).toList()));
            manifest.put("termsVersion", hash(String.join(",", shardHashes)));
            manifest.put("vocab", vocabShards());
            HeadFiles heads = headShards(terms, fields, postings);
            manifest.put("heads", String.join(",", heads.keys()));
            manifest.put("headsVersion", heads.version());
            // Only the page a result opens loads the synonyms, to mark what they matched: a
            // file of its own, so no search pays for it.
            List<List<String>> synonyms = IndexAnalyzer.analysedGroups(index.chain(),
                    index.synonyms() == null ? Map.of() : index.synonyms());
            if (!synonyms.isEmpty()) {
                manifest.put("synonyms", emitHashed("s/", synonyms));
            }
            emit("manifest.js", "manifest", manifest);
            return bytes.get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The record blocks' content hashes, in order, and where result groups start ({@link #docBlocks}). */
    private record Blocks(List<String> hashes, String groups) { }

    /** What {@code made} made, once it has; its failure rethrown as it was thrown. */
    private static Blocks blocks(java.util.concurrent.CompletableFuture<Blocks> made) {
        try {
            return made.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    private List<Map<String, Object>> fieldStats(List<String> fields) throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String field : fields) {
            CollectionStatistics stats = index.searcher().collectionStatistics(field);
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("name", field);
            f.put("boost", IndexFields.BOOSTS.get(field));
            f.put("exact", IndexFields.isExact(field));
            f.put("completion", IndexFields.COMPLETION.contains(field));
            f.put("title", IndexFields.TITLES.contains(field));
            f.put("head", IndexFields.HEADS.contains(field));
            f.put("docCount", stats == null ? 0 : stats.docCount());
            // BM25's average length, as the float Lucene computes it; the client rebuilds its
            // length-normalisation table from this exact value.
            f.put("avgdl", stats == null ? 0f : (float) (stats.sumTotalTermFreq() / (double) stats.docCount()));
            out.add(f);
        }
        return out;
    }

    /**
     * Every term of every scored field, sorted: per term, [field index, df, total term frequency]
     * of each field that has it. Only these: the postings themselves are read when their shard is
     * written (see {@link Postings}), as holding them all took hundreds of megabytes at 100,000
     * articles.
     */
    private static TreeMap<String, List<int[]>> termsByField(LeafReader leaf, List<String> fields) throws IOException {
        TreeMap<String, List<int[]>> terms = new TreeMap<>();
        for (int f = 0; f < fields.size(); f++) {
            Terms t = leaf.terms(fields.get(f));
            if (t == null) {
                continue;
            }
            TermsEnum te = t.iterator();
            for (BytesRef term = te.next(); term != null; term = te.next()) {
                terms.computeIfAbsent(term.utf8ToString(), k -> new ArrayList<>(1))
                        .add(new int[] {f, te.docFreq(), (int) Math.min(te.totalTermFreq(), Integer.MAX_VALUE)});
            }
        }
        return terms;
    }

    /** A term's postings in one field, as [Δdoc, tf, norm] runs ({@link PostingCodec}), read when asked for. */
    private static final class Postings {
        private final LeafReader leaf;
        private final List<String> fields;
        private final TermsEnum[] enums;
        private PostingsEnum reuse;

        Postings(LeafReader leaf, List<String> fields) {
            this.leaf = leaf;
            this.fields = fields;
            this.enums = new TermsEnum[fields.size()];
        }

        /** [field index, df, postings] of one entry of {@link #termsByField}. */
        List<Object> entry(String term, int[] fieldAndDf) throws IOException {
            int f = fieldAndDf[0];
            if (enums[f] == null) {
                enums[f] = leaf.terms(fields.get(f)).iterator();
            }
            TermsEnum te = enums[f];
            if (!te.seekExact(new BytesRef(term))) {
                throw new IllegalStateException("term '" + term + "' vanished from " + fields.get(f));
            }
            reuse = te.postings(reuse, PostingsEnum.FREQS);
            NumericDocValues norms = leaf.getNormValues(fields.get(f));
            StringBuilder out = new StringBuilder();
            int last = 0;
            for (int doc = reuse.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = reuse.nextDoc()) {
                int norm = norms != null && norms.advanceExact(doc) ? (int) (norms.longValue() & 0xFF) : 1;
                PostingCodec.append(out, doc - last, reuse.freq(), norm);
                last = doc;
            }
            return List.of(f, fieldAndDf[1], out.toString());
        }
    }

    /**
     * Term shards, {@code t/<n>.js}: the terms in sorted runs of about {@link #SHARD_POSTINGS}
     * postings each, and a term of that many or more in a shard of its own; returns each shard's
     * first term. A list of postings that more than one term has ({@link #sharedEntries}) is written
     * once, in {@code p/<hash>.js}, and each entry holds {@code "@<hash>"} instead.
     */
    private List<String> termShards(TreeMap<String, List<int[]>> terms, Postings read) throws IOException {
        java.util.Set<String> shared = sharedEntries(terms, read);
        Map<String, String> written = new java.util.HashMap<>(); // a shared list's key -> its file's hash
        java.util.Set<String> changed = earlier == null ? null : index.changedTerms();
        List<String> shards = new ArrayList<>();
        List<Map.Entry<String, List<int[]>>> shard = new ArrayList<>();
        int postings = 0;
        for (Map.Entry<String, List<int[]>> e : terms.entrySet()) {
            int own = e.getValue().stream().mapToInt(entry -> entry[1]).sum();
            // A term that fills a shard by itself starts one too, so the rare words before it do
            // not bring its postings: a typo correction wanted "redo" and loaded 15.6 KB with it.
            if (!shard.isEmpty() && (postings >= SHARD_POSTINGS || own >= SHARD_POSTINGS)) {
                shards.add(shard.get(0).getKey());
                emitShard(shards.size() - 1, shard, shared, changed, read, written);
                shard = new ArrayList<>();
                postings = 0;
            }
            shard.add(e);
            // A shared list counts all the same: the shard ends where it did. Not counted, "re"'s
            // shard took in 2,000 more postings of rare words, which typo corrections then loaded.
            postings += own;
        }
        if (!shard.isEmpty()) {
            shards.add(shard.get(0).getKey());
            emitShard(shards.size() - 1, shard, shared, changed, read, written);
        }
        return shards;
    }

    /**
     * Writes term shard {@code t/<n>.js} of {@code terms}, or takes the earlier export's, and
     * notes its hash for the shards' version. A shard is taken without reading its postings when
     * none of its terms is among the {@code changed} ones ({@link SearchIndex#changedTerms}; null:
     * any may be) and each has the fields, document frequencies and sharing it was made with:
     * then each term's postings are those of the documents the index took, at their doc ids,
     * with their norms. After one edit at 10,000 articles, reading and encoding every term's
     * postings to find its shard alike was the largest part of the export (JFR). Else the shard
     * is made, and taken when its JSON is the earlier one's.
     */
    private void emitShard(int n, List<Map.Entry<String, List<int[]>>> terms, java.util.Set<String> shared,
            java.util.Set<String> changed, Postings read, Map<String, String> written) throws IOException {
        String name = "t/" + n + ".js";
        String inputs = earlier == null ? null : shardInputs(n, terms, shared);
        if (changed != null && terms.stream().noneMatch(e -> changed.contains(e.getKey()))) {
            String taken = takeShard(name, inputs);
            if (taken != null) {
                shardHashes.add(taken);
                return;
            }
        }
        Map<String, Object> shard = new LinkedHashMap<>();
        List<String> lists = new ArrayList<>();
        for (Map.Entry<String, List<int[]>> e : terms) {
            List<List<Object>> entries = new ArrayList<>(e.getValue().size());
            for (int[] fieldAndDf : e.getValue()) {
                List<Object> entry = read.entry(e.getKey(), fieldAndDf);
                if (shared.contains(sharedKey(e.getKey(), fieldAndDf))) {
                    String hash = sharedName((String) entry.get(2), written);
                    lists.add(hash);
                    entry = List.of(entry.get(0), entry.get(1), "@" + hash);
                }
                entries.add(entry);
            }
            shard.put(e.getKey(), entries);
        }
        // What it was made from, and the shared lists it names, which a shard taken by it brings along.
        String madeFrom = inputs == null ? null : String.join(" ", inputs, String.join(" ", lists)).strip();
        shardHashes.add(emitOrTake(JSON.writeValueAsString(shard), identity -> earlier.take(name, identity, madeFrom),
                hash -> name, madeFrom));
    }

    /**
     * The earlier export's shard {@code name} when it was made from {@code inputs}, with the
     * shared lists it names; returns its hash, or null when it is made again.
     */
    private String takeShard(String name, String inputs) {
        String before = earlier.madeFrom(name);
        if (before == null || !(before.equals(inputs) || before.startsWith(inputs + " "))) {
            return null;
        }
        for (String list : before.substring(inputs.length()).strip().split(" ")) {
            if (!list.isEmpty() && !sharedPlaced.contains(list)) {
                Earlier.Taken taken = earlier.again("p/" + list + ".js");
                if (taken == null) {
                    return null;
                }
                bytes.addAndGet(taken.length());
                sharedPlaced.add(list);
            }
        }
        Earlier.Taken taken = earlier.takeMadeFrom(name, before);
        if (taken == null) {
            return null;
        }
        bytes.addAndGet(taken.length());
        return taken.hash();
    }

    /** The shared lists' files in the new site, by hash: each is written or taken once. */
    private final java.util.Set<String> sharedPlaced = new java.util.HashSet<>();

    /**
     * What fixes a shard's JSON besides its terms' postings: its number, its terms, and each
     * term's fields with their document and total term frequencies and whether the list is shared.
     */
    private static String shardInputs(int n, List<Map.Entry<String, List<int[]>>> terms, java.util.Set<String> shared) {
        StringBuilder out = new StringBuilder().append(n);
        for (Map.Entry<String, List<int[]>> e : terms) {
            out.append('\n').append(e.getKey());
            for (int[] entry : e.getValue()) {
                out.append(' ').append(entry[0]).append(':').append(entry[1]).append(':').append(entry[2])
                        .append(shared.contains(sharedKey(e.getKey(), entry)) ? "@" : "");
            }
        }
        return "terms " + checksums(out.toString());
    }

    private static String sharedKey(String term, int[] entry) {
        return term + "\n" + entry[0];
    }

    /**
     * The entries of {@code terms} (as {@link #sharedKey}) whose postings list, of
     * {@link #sharedPostings} postings or more, another term has too. Only entries alike in
     * document and total term frequency can be, so only those are read here, and the export
     * does not read every long list twice.
     */
    private java.util.Set<String> sharedEntries(TreeMap<String, List<int[]>> terms, Postings read) throws IOException {
        Map<Long, Integer> alike = new java.util.HashMap<>();
        for (List<int[]> entries : terms.values()) {
            for (int[] entry : entries) {
                if (entry[1] >= sharedPostings) {
                    alike.merge(frequencies(entry), 1, Integer::sum);
                }
            }
        }
        // Each list's first term; another term's makes it repeated. One term's lists alike (its
        // title's and exact title's) are in one file already, where gzip shrinks the second.
        Map<String, String> lists = new java.util.HashMap<>();
        Map<String, String> candidates = new LinkedHashMap<>(); // entry -> its list's key
        java.util.Set<String> repeated = new java.util.HashSet<>();
        for (Map.Entry<String, List<int[]>> e : terms.entrySet()) {
            for (int[] entry : e.getValue()) {
                if (entry[1] >= sharedPostings && alike.get(frequencies(entry)) > 1) {
                    String list = (String) read.entry(e.getKey(), entry).get(2);
                    String key = checksums(list);
                    candidates.put(sharedKey(e.getKey(), entry), key);
                    if (!lists.computeIfAbsent(key, k -> e.getKey()).equals(e.getKey())) {
                        repeated.add(key);
                    }
                }
            }
        }
        java.util.Set<String> shared = new java.util.HashSet<>();
        candidates.forEach((entry, key) -> {
            if (repeated.contains(key)) {
                shared.add(entry);
            }
        });
        return shared;
    }

    /** A term entry's document and total term frequency, which two lists must share to be alike. */
    private static long frequencies(int[] entry) {
        return ((long) entry[1] << 32) | entry[2];
    }

    /**
     * {@code text}'s length in UTF-8 and its CRC-32C and CRC-32 (which the JVM computes with the
     * processor's instructions), in one string: how {@link #repeated} tells postings lists apart
     * and {@link #fingerprint} files. Such a key only tells texts apart in memory or against the
     * cache and never names a file, so it need not be the SHA-256 that names files: SHA-256 of
     * every long list, twice, was a third of the export's hashing in a one-edit rebuild at 10,000
     * articles (JFR: 7 of its 17 samples), in plain Java under bin/kb's C1.
     */
    private static String checksums(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        java.util.zip.CRC32C c = new java.util.zip.CRC32C();
        c.update(bytes);
        java.util.zip.CRC32 d = new java.util.zip.CRC32();
        d.update(bytes);
        return bytes.length + ":" + Long.toHexString(c.getValue() << 32 | d.getValue());
    }

    /** Writes a shared postings list once, as {@code p/<hash>.js}; returns its hash. */
    private String sharedName(String list, Map<String, String> written) throws IOException {
        String key = checksums(list);
        String name = written.get(key);
        if (name == null) {
            String json = JSON.writeValueAsString(list);
            // A list a taken shard brought along is in the new site already.
            name = sharedPlaced.isEmpty() ? null : hash(json);
            if (name == null || !sharedPlaced.contains(name)) {
                name = emitNamed("p/", json);
                sharedPlaced.add(name);
            }
            written.put(key, name);
        }
        return name;
    }

    /**
     * What each record shows: kind, URL, anchor, title, heading, context, article id, text. In the
     * same pass, {@code groups} gets the doc ids where a new result group starts (an article with
     * its sections, or one FAQ question or table row) as base-36 deltas, so the client groups hits
     * without loading records; a delta marked {@code !} starts the next block too. A delta is one
     * digit, without separators (an article's sections are fewer than 36), and one of 36 or more
     * is written in parentheses: at 10,000 articles the list is 6,158 bytes gzipped with commas
     * and 5,373 without, which every first query loads.
     */
    private List<String> docBlocks(LeafReader leaf, StringBuilder groups) throws IOException {
        List<String> blocks = new ArrayList<>();
        Shown shown = new Shown(leaf);
        BinaryDocValues keys = earlier == null ? null : leaf.getBinaryDocValues(IndexFields.KEY);
        String lastKey = null;
        int lastStart = 0;
        int blockStart = 0;
        for (int doc = 0; doc < leaf.maxDoc(); doc++) {
            String key = shown.groupKey(doc);
            if (!key.equals(lastKey)) {
                // A block holds whole groups, so a hit and its sections cost one file, not two.
                boolean newBlock = doc - blockStart >= BLOCK_DOCS;
                if (newBlock) {
                    blocks.add(block(blocks.size(), blockStart, doc, shown, keys));
                    blockStart = doc;
                }
                String delta = Integer.toString(doc - lastStart, 36);
                groups.append(newBlock ? "!" : "").append(delta.length() == 1 ? delta : "(" + delta + ")");
                lastStart = doc;
                lastKey = key;
            }
        }
        if (blockStart < leaf.maxDoc()) {
            blocks.add(block(blocks.size(), blockStart, leaf.maxDoc(), shown, keys));
        }
        return blocks;
    }

    /**
     * Writes record block {@code n}, of docs {@code from} to {@code to}, or takes the previous
     * export's file where it held the same documents ({@code keys}: each document's key, which
     * fixes what it shows; null: none); returns its content hash.
     */
    private String block(int n, int from, int to, Shown shown, BinaryDocValues keys) throws IOException {
        String name = "d/" + n + ".js";
        String identity = keys == null ? null : identity(n, from, to, keys);
        if (identity != null) {
            Earlier.Taken taken = earlier.take(name, identity);
            if (taken != null) {
                bytes.addAndGet(taken.length());
                return taken.hash();
            }
        }
        List<String> entries = new ArrayList<>(to - from);
        for (int doc = from; doc < to; doc++) {
            entries.add(shown.entry(doc));
        }
        // A list's JSON is its elements' JSON between brackets, as Jackson writes it.
        String json = "[" + String.join(",", entries) + "]";
        byte[] data = emitJson(name, name, json);
        String hash = hash(json);
        if (identity != null) {
            earlier.keep(name, identity, hash, data);
        }
        return hash;
    }

    /** A digest of a block's number and its documents' keys, in order; null when one has none. */
    private static String identity(int n, int from, int to, BinaryDocValues keys) throws IOException {
        MessageDigest d = sha256();
        d.update(Integer.toString(n).getBytes(StandardCharsets.UTF_8));
        for (int doc = from; doc < to; doc++) {
            if (!keys.advanceExact(doc)) {
                return null;
            }
            BytesRef key = keys.binaryValue();
            d.update((byte) key.length);
            d.update(key.bytes, key.offset, key.length);
        }
        return "block " + HexFormat.of().formatHex(d.digest());
    }

    /**
     * What each document shows, read from the index: its result group's key and its block entry,
     * each asked for in doc id order (doc values only move forward, and a block's entries are
     * read after the keys that end it: one iterator each).
     */
    private static final class Shown {
        private final BinaryDocValues keys;
        private final BinaryDocValues entries;
        private final org.apache.lucene.index.StoredFields stored;

        Shown(LeafReader leaf) throws IOException {
            this.keys = leaf.getBinaryDocValues(IndexFields.SHOWN);
            this.entries = leaf.getBinaryDocValues(IndexFields.SHOWN);
            this.stored = leaf.storedFields();
        }

        String groupKey(int doc) throws IOException {
            if (keys == null || !keys.advanceExact(doc)) {
                return SearchIndex.groupKey(stored.document(doc));
            }
            BytesRef ref = keys.binaryValue();
            int colon = ref.offset;
            int chars = 0;
            while (ref.bytes[colon] != ':') {
                chars = chars * 10 + ref.bytes[colon++] - '0';
            }
            // An ASCII key (as URLs are) is as many bytes as characters; else the value is decoded.
            boolean ascii = colon + 1 + chars <= ref.offset + ref.length;
            for (int i = colon + 1; ascii && i < colon + 1 + chars; i++) {
                ascii = ref.bytes[i] >= 0;
            }
            if (ascii) {
                return new String(ref.bytes, colon + 1, chars, StandardCharsets.ISO_8859_1);
            }
            String value = ref.utf8ToString();
            int c = value.indexOf(':');
            return value.substring(c + 1, c + 1 + Integer.parseInt(value.substring(0, c)));
        }

        String entry(int doc) throws IOException {
            if (entries == null || !entries.advanceExact(doc)) {
                Document d = stored.document(doc);
                return JSON.writeValueAsString(BrowserExport.entry(d.get(IndexFields.KIND), d.get(IndexFields.URL), d.get(IndexFields.ANCHOR),
                        d.get(IndexFields.SHOWN_TITLE), d.get(IndexFields.SHOWN_HEADING), d.get(IndexFields.CONTEXT),
                        d.getField(IndexFields.ARTICLE_ID).numericValue().intValue(), d.get(IndexFields.TEXT)));
            }
            String value = entries.binaryValue().utf8ToString();
            int colon = value.indexOf(':');
            return value.substring(colon + 1 + Integer.parseInt(value.substring(0, colon)));
        }
    }

    /** One record's entry of its block, from what the index stores of it. */
    private static List<Object> entry(String kind, String url, String anchor, String title, String heading, String context,
            int articleId, String fullText) {
        return List.of(kind.substring(0, 1).toLowerCase(java.util.Locale.ROOT), url, anchor, title, heading, context, articleId,
                shownText(fullText));
    }

    /**
     * What a record shows of its text: each run of white space ({@code \s}: space, tab, line
     * feed, vertical tab, form feed, carriage return) made one space, white space at either end
     * left out ({@link String#strip}), and past {@link #TEXT_CHARS} cut at the last space before
     * them, with "…". Only the first {@code TEXT_CHARS + 1} characters are made: the whole text
     * through {@code replaceAll("\\s+", " ")}, at every record of a cold build, was most of
     * its regular expressions' time (a 1,000-article build's JFR samples), for 360 characters.
     */
    static String shownText(String fullText) {
        char[] in = fullText.toCharArray(); // String#charAt checks its index on every call (see Analyses)
        char[] shown = new char[TEXT_CHARS + 1];
        int n = 0;
        int at = 0;
        boolean run = false;
        for (; at < in.length && n < shown.length; at++) {
            char c = in[at];
            boolean space = c == ' ' || c == '\t' || c == '\n' || c == '\013' || c == '\f' || c == '\r';
            if (space && run) {
                continue;
            }
            run = space;
            char made = space ? ' ' : c;
            if (n > 0 || !Character.isWhitespace(made)) { // leading white space, as strip() sees it
                shown[n++] = made;
            }
        }
        // Longer than TEXT_CHARS once stripped when anything but white space comes at or after
        // the last character kept: a run of \s past it is one space, white space all the same.
        boolean longer = n == shown.length && !Character.isWhitespace(shown[TEXT_CHARS]);
        for (; !longer && n == shown.length && at < in.length; at++) {
            longer = !Character.isWhitespace(in[at]);
        }
        String text = new String(shown, 0, n);
        if (!longer) {
            return text.strip();
        }
        int cut = text.lastIndexOf(' ', TEXT_CHARS);
        return text.substring(0, cut > 0 ? cut : TEXT_CHARS) + "…";
    }

    /**
     * What {@link #docBlocks} takes of a record, made when the record is indexed: its result
     * group's key and its entry as JSON. With the build cache the index keeps it for each
     * document ({@link IndexFields#SHOWN}), and a later build's index takes it with the document
     * ({@link PreviousIndex}), so the export does not read every record's stored text back (at
     * 10,000 articles that was 11% of a one-edit rebuild). Each string goes through UTF-8 as a
     * stored field does (a lone surrogate becomes U+FFFD), so the entry is the one the stored
     * fields give.
     */
    static BytesRef shown(SearchRecord r) {
        // "#" stands between URL and anchor, so the key's round trip is its parts' round trips.
        String key = stored(r.groupKey());
        try {
            String entry = JSON.writeValueAsString(entry(r.kind().name(), stored(r.url()), stored(r.anchor() == null ? "" : r.anchor()), stored(r.title()), stored(r.heading()),
                    stored(r.context()), r.articleId(), stored(r.summary().isEmpty() ? r.body() : r.summary() + "\n" + r.body())));
            return new BytesRef(key.length() + ":" + key + entry);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A string as a stored field gives it back. */
    private static String stored(String s) {
        return new BytesRef(s).utf8ToString();
    }

    /**
     * The groups of irregular forms ({@link Forms}) or support-desk words ({@link SupportTerms})
     * of which the index holds a stem, as stems: groups split by ",", stems by " ", a stem the
     * index lacks marked "!" (a query word may have it, no alternative is it). Only these few:
     * the whole list would weigh on every first query.
     */
    private String groups(Forms forms) throws IOException {
        List<String> out = new ArrayList<>();
        for (List<String> group : forms.groups()) {
            List<String> marked = new ArrayList<>();
            for (String stem : group) {
                marked.add(Searcher.hasPostings(index.reader(), stem, IndexFields.BOOSTS.keySet()) ? stem : "!" + stem);
            }
            if (marked.stream().anyMatch(m -> !m.startsWith("!"))) {
                out.add(String.join(" ", marked));
            }
        }
        return String.join(",", out);
    }

    /**
     * The vocabulary by first character ({@code _} for anything not a-z or 0-9): [word, df] or
     * [word, df, stem], written as one {@link #frontCoded} string. It holds every indexed word and stem
     * (see {@link Vocabulary}), and a stem starts with its word's first character (stemming only
     * changes endings), so a letter's file also tells the client, without a term shard, whether a
     * typed word has postings at all.
     */
    private Map<String, String> vocabShards() throws IOException {
        TreeMap<String, List<Vocabulary.Word>> byKey = new TreeMap<>();
        for (Vocabulary.Word w : index.vocabulary().words()) {
            byKey.computeIfAbsent(vocabKey(w.word()), k -> new ArrayList<>()).add(w);
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<Vocabulary.Word>> e : byKey.entrySet()) {
            out.put(e.getKey(), emitHashed("v/", frontCoded(e.getValue())));
        }
        return out;
    }

    /**
     * A letter's words, split by spaces, in the vocabulary's order: how many characters each shares
     * with the word before (one base-36 digit, at most 35) and the rest of it; then, after a
     * {@code ~}, its df in base 36 unless 1; then, if its stem is another word, after a {@code ~}
     * each, how many of its last characters the stem drops (base 36) and what it puts in their
     * place. The word before mostly shares its start, and most words are in one page: at 100,000
     * articles the letters' files were 845 KB gzipped as arrays of [word, df, stem] (kb-search.js,
     * {@code vocabList}, reads them back). Neither separator needs escaping in JSON; a letter with
     * either in a word or stem stays as arrays.
     */
    private static Object frontCoded(List<Vocabulary.Word> words) {
        StringBuilder out = new StringBuilder();
        String before = "";
        for (Vocabulary.Word w : words) {
            String word = w.word(), stem = w.stem();
            if (word.indexOf(' ') >= 0 || word.indexOf('~') >= 0 || stem.indexOf(' ') >= 0 || stem.indexOf('~') >= 0) {
                return words.stream().map(x -> x.stem().equals(x.word()) ? List.of(x.word(), x.df())
                        : List.of(x.word(), x.df(), x.stem())).toList();
            }
            int shared = Math.min(commonStart(before, word), 35);
            out.append(out.isEmpty() ? "" : " ").append(Character.forDigit(shared, 36)).append(word, shared, word.length());
            if (w.df() != 1 || !stem.equals(word)) {
                out.append('~').append(w.df() == 1 ? "" : Integer.toString(w.df(), 36));
            }
            if (!stem.equals(word)) {
                int kept = commonStart(word, stem);
                out.append('~').append(Integer.toString(word.length() - kept, 36)).append('~').append(stem, kept, stem.length());
            }
            before = word;
        }
        return out.toString();
    }

    private static int commonStart(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        return n;
    }

    /**
     * Postings in the {@link IndexFields#COMPLETION} fields of every word that can complete a
     * typed prefix, in one file per first two characters ({@code h/re.js}: stem -> entries). While
     * a word is typed its file loads from the second letter on, so completing it from the third
     * needs no term shard. A file past {@link #HEAD_CHARS} is cut by the first three characters
     * instead ({@code h/rec.js}), loaded from the third letter: at 100,000 articles {@code h/re.js}
     * was 189 KB gzipped, and every query typed with a word starting "re" loaded it.
     */
    private HeadFiles headShards(TreeMap<String, List<int[]>> terms, List<String> fields, Postings read) throws IOException {
        // The stems of each file first, the postings then file by file: all of them at once took
        // too much of the heap at 100,000 articles.
        TreeMap<String, TreeMap<String, java.util.TreeSet<String>>> heads = new TreeMap<>();
        for (Vocabulary.Word w : index.vocabulary().words()) {
            if (w.word().length() <= QueryPlan.MIN_PREFIX) {
                continue; // completes no prefix the plan expands
            }
            boolean completes = terms.getOrDefault(w.stem(), List.of()).stream()
                    .anyMatch(entry -> IndexFields.COMPLETION.contains(fields.get(entry[0])));
            if (completes) {
                heads.computeIfAbsent(headKey(w.word(), 2), k -> new TreeMap<>())
                        .computeIfAbsent(headKey(w.word(), 3), k -> new java.util.TreeSet<>()).add(w.stem());
            }
        }
        List<String> keys = new ArrayList<>();
        StringBuilder hashes = new StringBuilder();
        java.util.Set<String> changed = earlier == null ? null : index.changedTerms();
        for (Map.Entry<String, TreeMap<String, java.util.TreeSet<String>>> two : heads.entrySet()) {
            // Taken as the term shards are (emitShard): a file not cut, whose stems are none of
            // the changed terms and have the frequencies it was made from.
            String inputs = earlier == null ? null : headInputs(two.getKey(), two.getValue(), terms, fields);
            if (changed != null && two.getValue().values().stream().flatMap(java.util.TreeSet::stream).noneMatch(changed::contains)) {
                Earlier.Taken taken = earlier.takeMadeFrom("h/" + two.getKey() + ".js", inputs);
                if (taken != null) {
                    bytes.addAndGet(taken.length());
                    hashes.append(taken.hash());
                    keys.add(two.getKey());
                    continue;
                }
            }
            Map<String, List<List<Object>>> postings = new java.util.HashMap<>();
            TreeMap<String, List<List<Object>>> whole = new TreeMap<>();
            for (java.util.TreeSet<String> stems : two.getValue().values()) {
                for (String stem : stems) {
                    whole.put(stem, postings.computeIfAbsent(stem, s -> completionEntries(s, terms, fields, read)));
                }
            }
            String json = JSON.writeValueAsString(whole);
            if (json.length() <= headChars) {
                hashes.append(emitHead(two.getKey(), json, inputs));
                keys.add(two.getKey());
                continue;
            }
            for (Map.Entry<String, java.util.TreeSet<String>> three : two.getValue().entrySet()) {
                TreeMap<String, List<List<Object>>> file = new TreeMap<>();
                three.getValue().forEach(stem -> file.put(stem, postings.get(stem)));
                hashes.append(emitHead(three.getKey(), JSON.writeValueAsString(file), null));
                keys.add(three.getKey());
            }
        }
        return new HeadFiles(keys, hash(hashes.toString()));
    }

    /**
     * What fixes a head file's JSON besides its stems' postings: its key, its stems, and each
     * stem's completion fields with their document and total term frequencies.
     */
    private static String headInputs(String key, TreeMap<String, java.util.TreeSet<String>> stems,
            TreeMap<String, List<int[]>> terms, List<String> fields) {
        StringBuilder out = new StringBuilder(key);
        for (java.util.TreeSet<String> three : stems.values()) {
            for (String stem : three) {
                out.append('\n').append(stem);
                for (int[] entry : terms.get(stem)) {
                    if (IndexFields.COMPLETION.contains(fields.get(entry[0]))) {
                        out.append(' ').append(entry[0]).append(':').append(entry[1]).append(':').append(entry[2]);
                    }
                }
            }
        }
        return "heads " + checksums(out.toString());
    }

    /** A stem's entries in the completion fields. */
    private static List<List<Object>> completionEntries(String stem, TreeMap<String, List<int[]>> terms, List<String> fields,
            Postings read) {
        List<List<Object>> head = new ArrayList<>();
        try {
            for (int[] entry : terms.get(stem)) {
                if (IndexFields.COMPLETION.contains(fields.get(entry[0]))) {
                    head.add(read.entry(stem, entry));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return head;
    }

    /**
     * Writes {@code h/<key>.js}, or takes the earlier export's of the same JSON, recording
     * {@code inputs} ({@link #headInputs}; null: none) with it; returns its content's hash.
     */
    private String emitHead(String key, String json, String inputs) {
        String name = "h/" + key + ".js";
        return emitOrTake(json, identity -> earlier.take(name, identity, inputs), hash -> name, inputs);
    }

    /** The head files written: their keys ({@code re} for {@code h/re.js}) and one version for all. */
    private record HeadFiles(List<String> keys, String version) { }

    /**
     * A word's head file key of {@code letters} characters: its first UTF-16 units, each as
     * {@link #vocabKey} has it (as in JS).
     */
    static String headKey(String word, int letters) {
        StringBuilder key = new StringBuilder(letters);
        for (int i = 0; i < letters; i++) {
            key.append(vocabKey(word.substring(i)));
        }
        return key.toString();
    }

    static String vocabKey(String word) {
        char c = word.charAt(0);
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ? String.valueOf(c) : "_";
    }

    private String emitHashed(String folder, Object payload) throws IOException {
        return folder + emitNamed(folder, JSON.writeValueAsString(payload)) + ".js";
    }

    /**
     * Writes {@code json} as {@code folder + <its hash> + ".js"}, or takes the file an earlier
     * export wrote of the same JSON; returns the hash. After one edit at 10,000 articles nearly
     * all of the export's 1,000 term shards, head files, vocabulary and shared lists are what
     * they were, and SHA-256 of them all (in plain Java under bin/kb's C1) with their writing
     * was most of the export's time.
     */
    private String emitNamed(String folder, String json) {
        return emitOrTake(json, identity -> earlier.named(folder, identity), hash -> folder + hash + ".js");
    }

    /**
     * Writes {@code json} as the file {@code nameOf} names after its hash, or takes the file
     * {@code take} finds for its {@link #fingerprint}; returns its hash.
     */
    private String emitOrTake(String json, java.util.function.Function<String, Earlier.Taken> take,
            java.util.function.UnaryOperator<String> nameOf) {
        return emitOrTake(json, take, nameOf, null);
    }

    /** As {@link #emitOrTake(String, java.util.function.Function, java.util.function.UnaryOperator)}, recording {@code inputs} with a file made. */
    private String emitOrTake(String json, java.util.function.Function<String, Earlier.Taken> take,
            java.util.function.UnaryOperator<String> nameOf, String inputs) {
        String identity = earlier == null ? null : fingerprint(json);
        if (identity != null) {
            Earlier.Taken taken = take.apply(identity);
            if (taken != null) {
                bytes.addAndGet(taken.length());
                return taken.hash();
            }
        }
        String hash = hash(json);
        String name = nameOf.apply(hash);
        byte[] data = emitJson(name, name, json);
        if (identity != null) {
            earlier.keep(name, identity, hash, data, inputs);
        }
        return hash;
    }

    /**
     * What finds a file of the same JSON as before: its length and two checksums (CRC-32C and
     * CRC-32, computed by the processor's instructions), tagged so that no other kind of identity
     * is taken for one.
     */
    private static String fingerprint(String json) {
        return "json " + checksums(json);
    }

    private void emit(String file, String name, Object payload) throws JsonProcessingException {
        emitJson(file, name, JSON.writeValueAsString(payload));
    }

    /** One classic script that hands its payload to the client: parsing a string beats a literal. Returns its bytes. */
    private byte[] emitJson(String file, String name, String json) {
        String script = "kbSearchData(\"" + name + "\",JSON.parse('" + jsString(json) + "'));\n";
        byte[] data = script.getBytes(StandardCharsets.UTF_8);
        bytes.addAndGet(data.length);
        synchronized (sink) {
            sink.accept(file, data);
        }
        return data;
    }

    private static String jsString(String json) {
        return json.replace("\\", "\\\\").replace("'", "\\'").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
                .replace("<", "\\x3c");
    }

    private static String hash(String text) {
        byte[] digest = sha256().digest(text.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 5);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
