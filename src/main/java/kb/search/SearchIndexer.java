package kb.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LogByteSizeMergePolicy;
import org.apache.lucene.index.MergePolicy;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/** Writes the search records into a Lucene index on disk, one segment, doc ids in record order. */
public final class SearchIndexer {
    /** Scored text: frequencies and norms, no positions (no phrase queries). */
    private static final FieldType SCORED = scored();
    /** The vocabulary field: terms only. */
    private static final FieldType TERMS_ONLY = termsOnly();
    /**
     * Records from which two threads add them. Each thread fills a segment of its own, which
     * {@code forceMerge(1)} then merges; below this, one thread writes the one segment and the
     * merge has nothing to do. At 1,000 articles (about 7,000 records), one thread took the index
     * phase from 3.9 to 3.0 s and the build from 16.7 to 15.5 s of CPU (medians of 4 interleaved
     * runs, loaded 2-core machine). Larger indexes flush several segments either way.
     */
    private static final int PARALLEL_FROM = 10_000;

    private SearchIndexer() {
    }

    /** Indexes English {@code records} into {@code dir} (created afresh) and opens the result. */
    public static SearchIndex build(List<SearchRecord> records, Path dir, Map<String, List<String>> synonyms) {
        return build(records, dir, synonyms, "en");
    }

    /**
     * Indexes {@code records} into {@code dir} (created afresh) and opens the result.
     *
     * @param language the records' language (a BCP 47 tag): it picks the analysis {@link Chain}
     * @param synonyms that language's synonyms
     */
    public static SearchIndex build(List<SearchRecord> records, Path dir, Map<String, List<String>> synonyms,
            String language) {
        return build(records, dir, synonyms, language, null);
    }

    /**
     * Indexes {@code records} into {@code dir} (created afresh) and opens the result, taking the
     * analysis of each record whose text an earlier build analysed from {@code analyses} (null:
     * none kept), and keeping this build's there.
     */
    public static SearchIndex build(List<SearchRecord> records, Path dir, Map<String, List<String>> synonyms,
            String language, Analyses analyses) {
        return build(records, dir, synonyms, language, analyses, null);
    }

    /**
     * As {@link #build(List, Path, Map, String, Analyses)}, taking the documents of the records
     * that did not change from {@code previous} (null: none) when it can be trusted, and leaving
     * in this index what the next build needs to do the same (when {@code analyses} is kept).
     */
    public static SearchIndex build(List<SearchRecord> records, Path dir, Map<String, List<String>> synonyms,
            String language, Analyses analyses, PreviousIndex previous) {
        return build(records, null, dir, synonyms, language, analyses, previous);
    }

    /**
     * As {@link #build(List, Path, Map, String, Analyses, PreviousIndex)}, finding each record's
     * kept analysis and document by its {@code origins} entry where it has one (null: none, or
     * null for a record): a string that fixes the record's heading, anchor and body (the key of
     * the rendered document it comes from and its place there), which the key then reads instead
     * of the text. At 10,000 articles, digesting every record's text to find it was 13% of a
     * one-edit rebuild's samples (JFR).
     */
    public static SearchIndex build(List<SearchRecord> records, List<String> origins, Path dir,
            Map<String, List<String>> synonyms, String language, Analyses analyses, PreviousIndex previous) {
        return build(records, records, origins, dir, synonyms, language, analyses, previous);
    }

    /**
     * As {@link #build(List, List, Path, Map, String, Analyses, PreviousIndex)}, reading what
     * does not need a record's body from {@code heads}: the same records, in the same order,
     * each without its body (an article's body is unpacked each time it is read: the initials,
     * the kinds and the records' keys read every record, and unpacking them all was a fifth of
     * their samples).
     */
    public static SearchIndex build(List<SearchRecord> records, List<SearchRecord> heads, List<String> origins, Path dir,
            Map<String, List<String>> synonyms, String language, Analyses analyses, PreviousIndex previous) {
        try {
            return build(records, heads, origins, new UnsyncedDirectory(FSDirectory.open(dir)), synonyms, language, analyses,
                    previous);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the search index in " + dir, e);
        }
    }

    /** Indexes English {@code records} in memory (nothing written) and opens the result. */
    public static SearchIndex buildInMemory(List<SearchRecord> records, Map<String, List<String>> synonyms) {
        return buildInMemory(records, synonyms, "en");
    }

    /** Indexes {@code records} of {@code language} in memory (nothing written) and opens the result. */
    public static SearchIndex buildInMemory(List<SearchRecord> records, Map<String, List<String>> synonyms,
            String language) {
        return build(records, new org.apache.lucene.store.ByteBuffersDirectory(), synonyms, language);
    }

    /** Indexes English {@code records} into {@code directory} (emptied first) and opens the result. */
    public static SearchIndex build(List<SearchRecord> records, Directory directory, Map<String, List<String>> synonyms) {
        return build(records, directory, synonyms, "en");
    }

    /**
     * Indexes {@code records} of {@code language} into {@code directory} (emptied first) and opens
     * the result. The chain's version is recorded in the index, so opening it needs no language.
     */
    public static SearchIndex build(List<SearchRecord> records, Directory directory, Map<String, List<String>> synonyms,
            String language) {
        return build(records, directory, synonyms, language, null);
    }

    static SearchIndex build(List<SearchRecord> records, Directory directory, Map<String, List<String>> synonyms,
            String language, Analyses analyses) {
        return build(records, directory, synonyms, language, analyses, null);
    }

    static SearchIndex build(List<SearchRecord> records, Directory directory, Map<String, List<String>> synonyms,
            String language, Analyses analyses, PreviousIndex previous) {
        return build(records, null, directory, synonyms, language, analyses, previous);
    }

    static SearchIndex build(List<SearchRecord> records, List<String> origins, Directory directory,
            Map<String, List<String>> synonyms, String language, Analyses analyses, PreviousIndex previous) {
        return build(records, records, origins, directory, synonyms, language, analyses, previous);
    }

    static SearchIndex build(List<SearchRecord> records, List<SearchRecord> heads, List<String> origins, Directory directory,
            Map<String, List<String>> synonyms, String language, Analyses analyses, PreviousIndex previous) {
        Chain chain = Chain.of(language);
        // With the cache, each document carries its key and the index the tag the next build's
        // PreviousIndex looks for.
        boolean keyed = analyses != null && previous != null;
        // Each record's texts but its body and what fixes its body, by a key of their own: the
        // initials' memo and the record's analysis key read it.
        Analyses.Key[] identities = new Analyses.Key[records.size()];
        if (keyed && origins != null) {
            IntStream range = IntStream.range(0, records.size());
            (records.size() >= PARALLEL_FROM ? range.parallel() : range)
                    .forEach(i -> identities[i] = identity(heads.get(i), origins.get(i)));
        }
        Acronyms.Mined mined = Acronyms.mine(heads, records, chain, keyed ? identities : null,
                keyed ? previous.acronyms() : null);
        Map<String, String> acronyms = mined.initials();
        Analyzer analyzer = IndexAnalyzer.create(chain, synonyms, acronyms);
        // Everything a record's analysis reads besides its text.
        String scope = String.join("\n", chain.version(), new TreeMap<>(synonyms).toString(), new TreeMap<>(acronyms).toString());
        // What each record's key reads of it: the scope's own digest, not the scope again for
        // every record (the mined initials alone are thousands of characters at 10,000 articles).
        String scoped = Analyses.key("scope", scope, new String[0], new String[0]).toString();
        try {
            // Each record's analysis key by doc id (the index is sorted by record order): related
            // articles tell from them which records changed since the build before.
            Analyses.Key[] keys = new Analyses.Key[records.size()];
            Took took;
            try (IndexWriter writer = new IndexWriter(directory, config(analyzer, keyed));
                    PreviousIndex.Opened old = keyed ? previous.open(scope) : null) {
                took = old == null ? null : fromPrevious(writer, records, heads, origins, identities, old, analyses, scoped,
                        analyzer, keys);
                if (took == null && records.size() >= PARALLEL_FROM) {
                    IntStream.range(0, records.size()).parallel().forEach(i -> keys[i] = add(writer,
                            records.get(i), origin(origins, i), identities[i], i, analyses, scoped, analyzer, keyed));
                } else if (took == null) {
                    InOrder.add(writer, records.size(), i -> {
                        Prepared p = prepare(records.get(i), origin(origins, i), identities[i], i, analyses, scoped,
                                analyzer, keyed);
                        keys[i] = p.key();
                        return p.doc();
                    });
                }
                writer.forceMerge(1);
                // The kinds read the records' headings alone: while those are the ones the previous
                // index was mined from, its kinds are these (at 10,000 articles, mining them again
                // was a quarter of the index phase's own thread, JFR).
                String headings = keyed ? Kinds.headingsKey(heads) : null;
                String kinds = old == null ? null : old.kinds(headings);
                Map<String, String> data = new java.util.HashMap<>(Map.of(SearchIndex.CHAIN, chain.version(),
                        SearchIndex.KINDS, kinds != null ? kinds : Kinds.encode(Kinds.mine(heads, chain))));
                if (keyed) {
                    data.put(PreviousIndex.TAG, previous.tag() + "\n" + scope);
                    data.put(PreviousIndex.KINDS_OF, headings);
                }
                writer.setLiveCommitData(data.entrySet());
                writer.commit();
            }
            SearchIndex index = SearchIndex.open(directory, synonyms);
            index.analyses(analyses, chain.version() + "\n" + new TreeMap<>(synonyms), analyses == null ? null : keys);
            index.documentsTaken(took == null ? 0 : took.documents());
            index.changedTerms(took == null ? null : took.changedTerms());
            index.acronymsMemo(mined.memo());
            return index;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the search index", e);
        }
    }

    /**
     * @param raw whether the stored fields are written uncompressed ({@link RawStoredFields}): for an
     *     index the next build takes documents from, whose merge then copies them; an index in memory
     *     (kb search and kb check without a current build) keeps Lucene's compression
     */
    private static IndexWriterConfig config(Analyzer analyzer, boolean raw) {
        return new IndexWriterConfig(analyzer)
                .setCodec(raw ? new RawStoredFields() : Codec.getDefault())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setRAMBufferSizeMB(48)
                // The merged segment is never a compound file (too large a share of the index for
                // the merge policy): a flushed one written as one would be rewritten just for that.
                .setUseCompoundFile(false)
                .setMergePolicy(new OneMerge())
                .setIndexSort(new Sort(new SortField(IndexFields.ORDER, SortField.Type.INT)))
                .setCommitOnClose(true);
    }

    /** Adding readers merges them all into one segment (Lucene's default: one segment per reader, merged again after). */
    private static final class OneMerge extends LogByteSizeMergePolicy {
        @Override
        public MergeSpecification findMerges(CodecReader... readers) {
            MergeSpecification spec = new MergeSpecification();
            spec.add(new MergePolicy.OneMerge(readers));
            return spec;
        }
    }

    /**
     * Adds the records to {@code writer} with the documents of those that did not change taken
     * from {@code old}, the previous index opened and trusted ({@link PreviousIndex}): one merge of
     * those and the new ones. Returns what it took; null, with nothing added, when most records
     * changed, or the records that stayed changed their order.
     */
    private static Took fromPrevious(IndexWriter writer, List<SearchRecord> records, List<SearchRecord> heads,
            List<String> origins, Analyses.Key[] identities, PreviousIndex.Opened old, Analyses analyses,
            String scoped, Analyzer analyzer, Analyses.Key[] keys) throws IOException {
        // The digests on as many threads as indexing every record would take.
        Analyses.Key[] recordKeys = new Analyses.Key[records.size()];
        Analyses.Key[] documentKeys = new Analyses.Key[records.size()];
        IntStream range = IntStream.range(0, records.size());
        (records.size() >= PARALLEL_FROM ? range.parallel() : range).forEach(i -> {
            String origin = origin(origins, i);
            // A record with an origin is keyed by what its head holds: its body is not read.
            SearchRecord r = origin == null ? records.get(i) : heads.get(i);
            recordKeys[i] = recordKey(scoped, r, origin, identities[i]);
            documentKeys[i] = documentKey(recordKeys[i], r);
        });
        int[] orders = new int[old.maxDoc()];
        java.util.Arrays.fill(orders, -1);
        List<Integer> fresh = new java.util.ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            int doc = old.take(documentKeys[i]);
            // Only where the analysis is kept too: related articles read a record's words from it.
            if (doc >= 0 && analyses.retain(recordKeys[i])) {
                orders[doc] = i;
                keys[i] = recordKeys[i];
            } else {
                fresh.add(i);
            }
        }
        CodecReader kept = fresh.size() > records.size() / 2 ? null : old.renumbered(orders);
        if (kept == null) {
            return null;
        }
        // Each taken document at the doc id it had: the fresh ones are where the dropped ones were.
        boolean sameIds = old.maxDoc() == records.size();
        for (int doc = 0; doc < orders.length && sameIds; doc++) {
            sameIds = orders[doc] < 0 || orders[doc] == doc;
        }
        java.util.Set<String> changedTerms = sameIds ? new java.util.HashSet<>() : null;
        try (Directory memory = new org.apache.lucene.store.ByteBuffersDirectory()) {
            try (IndexWriter added = new IndexWriter(memory, config(analyzer, true))) {
                for (int i : fresh) {
                    keys[i] = add(added, records.get(i), origin(origins, i), identities[i], i, analyses, scoped, analyzer,
                            true);
                }
                added.forceMerge(1);
            }
            try (DirectoryReader added = DirectoryReader.open(memory)) {
                List<CodecReader> readers = new java.util.ArrayList<>(List.of(kept));
                added.leaves().forEach(leaf -> readers.add((CodecReader) leaf.reader()));
                if (changedTerms != null) {
                    int[] positions = fresh.stream().mapToInt(Integer::intValue).toArray();
                    for (org.apache.lucene.index.LeafReaderContext leaf : added.leaves()) {
                        changedTerms(leaf.reader(), positions, old.leaf(), changedTerms);
                    }
                }
                writer.addIndexes(readers.toArray(CodecReader[]::new));
            }
        }
        return new Took(records.size() - fresh.size(), changedTerms);
    }

    /**
     * What {@link #fromPrevious} took: how many documents, and the terms of those it indexed anew
     * ({@link SearchIndex#changedTerms}; null when the taken ones did not all keep their doc ids).
     */
    private record Took(int documents, java.util.Set<String> changedTerms) { }

    /**
     * Adds to {@code out} each term that a document of {@code added} (the records indexed anew;
     * its doc {@code j} is record {@code positions[j]}) holds in a field where the document the
     * previous index {@code old} has at that position does not hold it as many times, or with
     * the same norm. A term the old document held and the new one does not needs no place here:
     * its document frequency tells. After an appended sentence most of an article's words keep
     * their counts and, the norm being the length rounded to a byte, their norms: their
     * postings lists, the largest the export encodes, come out as they were.
     */
    private static void changedTerms(org.apache.lucene.index.LeafReader added, int[] positions,
            org.apache.lucene.index.LeafReader old, java.util.Set<String> out) throws IOException {
        org.apache.lucene.index.PostingsEnum postings = null;
        org.apache.lucene.index.PostingsEnum before = null;
        for (org.apache.lucene.index.FieldInfo field : added.getFieldInfos()) {
            org.apache.lucene.index.Terms terms = field.getIndexOptions() == IndexOptions.NONE ? null : added.terms(field.name);
            if (terms == null) {
                continue;
            }
            org.apache.lucene.index.Terms oldTerms = old.terms(field.name);
            org.apache.lucene.index.TermsEnum oldEnum = oldTerms == null ? null : oldTerms.iterator();
            org.apache.lucene.index.TermsEnum te = terms.iterator();
            for (org.apache.lucene.util.BytesRef term = te.next(); term != null; term = te.next()) {
                postings = te.postings(postings, org.apache.lucene.index.PostingsEnum.FREQS);
                boolean same = oldEnum != null && oldEnum.seekExact(term);
                if (same) {
                    before = oldEnum.postings(before, org.apache.lucene.index.PostingsEnum.FREQS);
                }
                for (int doc = postings.nextDoc(); same && doc != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS;
                        doc = postings.nextDoc()) {
                    int at = positions[doc];
                    same = before.docID() < at && before.advance(at) == at && before.freq() == postings.freq()
                            && norm(added, field.name, doc) == norm(old, field.name, at);
                }
                if (!same) {
                    out.add(term.utf8ToString());
                }
            }
        }
    }

    /** A document's norm in a field; -1 when it has none. */
    private static long norm(org.apache.lucene.index.LeafReader leaf, String field, int doc) throws IOException {
        org.apache.lucene.index.NumericDocValues norms = leaf.getNormValues(field);
        return norms != null && norms.advanceExact(doc) ? norms.longValue() : -1;
    }

    private static String origin(List<String> origins, int i) {
        return origins == null ? null : origins.get(i);
    }

    /**
     * The key of a record's analysis: a digest of its analysed texts, or, for a record with an
     * {@code origin}, of that and the texts it does not fix (kind, title, heading, tags, summary).
     */
    static Analyses.Key recordKey(String scope, SearchRecord r, String origin, Analyses.Key identity) {
        if (origin == null) {
            return Analyses.recordKey(scope, ANALYSED, texts(r));
        }
        Analyses.Key of = identity != null ? identity : identity(r, origin);
        return Analyses.key("record of", scope, IDENTITY, new String[] {of.toString()});
    }

    /**
     * What fixes the texts of a record with an {@code origin}, without the scope its analysis
     * reads: its kind, title, heading, tags, summary and origin (which fixes its body). The
     * initials are mined before the scope is known, and told by it which records are new.
     */
    static Analyses.Key identity(SearchRecord r, String origin) {
        return origin == null ? null : Analyses.key("record", "", FROM_ORIGIN,
                new String[] {r.kind().name(), r.title(), r.heading(), r.tags(), r.summary(), origin});
    }

    private static final String[] FROM_ORIGIN = {"kind", "title", "heading", "tags", "summary", "origin"};
    private static final String[] IDENTITY = {"identity"};

    /**
     * The key of a record's document: its analysis key (every analysed text, the raw title,
     * heading, tags, summary and body among them in the surface field) and what is stored beside.
     */
    static Analyses.Key documentKey(Analyses.Key record, SearchRecord r) {
        return Analyses.key("document", record.toString(), STORED, new String[] {r.kind().name(), r.url(), r.anchor(),
            r.title(), r.heading(), r.context(), r.tags(), r.summary(), Integer.toString(r.articleId())});
    }

    private static final String[] STORED = {"kind", "url", "anchor", "title", "heading", "context", "tags", "summary", "id"};

    /** The analysed fields, in the order {@link #texts} gives their text. */
    private static final String[] ANALYSED = {IndexFields.TITLE, IndexFields.TITLE_EXACT, IndexFields.HEADING,
        IndexFields.HEADING_EXACT, IndexFields.TAGS, IndexFields.SUMMARY, IndexFields.BODY, IndexFields.SURFACE};
    private static final boolean[] COUNTED = {true, true, true, true, true, true, true, false};

    /** Each analysed field's text, null where the record has none (a blank scored field is left out). */
    private static String[] texts(SearchRecord r) {
        String title = r.kind() == SearchRecord.Kind.SECTION ? "" : r.title();
        String[] texts = {title, title, r.heading(), r.heading(), r.tags(), r.summary(), r.body(), null};
        for (int i = 0; i < texts.length; i++) {
            texts[i] = texts[i] == null || texts[i].isBlank() ? null : texts[i];
        }
        // Always there, even blank: the field of every word as written.
        texts[7] = String.join("\n", r.title(), r.heading(), r.tags(), r.summary(), r.body());
        return texts;
    }

    /** Adds one record; returns its analysis key, or null when its analysis was not kept. */
    private static Analyses.Key add(IndexWriter writer, SearchRecord r, String origin, Analyses.Key identity, int order,
            Analyses analyses, String scope, Analyzer analyzer, boolean keyed) {
        Prepared p = prepare(r, origin, identity, order, analyses, scope, analyzer, keyed);
        try {
            writer.addDocument(p.doc());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.key();
    }

    /** A record's document, its kept fields already analysed; and its analysis key (null: not kept). */
    private record Prepared(Document doc, Analyses.Key key) { }

    private static Prepared prepare(SearchRecord r, String origin, Analyses.Key identity, int order,
            Analyses analyses, String scope, Analyzer analyzer, boolean keyed) {
        Document doc = new Document();
        doc.add(new NumericDocValuesField(IndexFields.ORDER, order));
        String[] texts = texts(r);
        Analyses.Key key = analyses == null ? null : recordKey(scope, r, origin, identity);
        if (keyed) {
            doc.add(new BinaryDocValuesField(IndexFields.KEY, PreviousIndex.bytes(documentKey(key, r))));
            doc.add(new BinaryDocValuesField(IndexFields.SHOWN, BrowserExport.shown(r)));
        }
        TokenStream[] kept = key == null ? null : analyses.fields(key, ANALYSED, texts, COUNTED, analyzer);
        for (int i = 0; i < texts.length; i++) {
            if (texts[i] != null) {
                FieldType type = COUNTED[i] ? SCORED : TERMS_ONLY;
                doc.add(kept == null ? new Field(ANALYSED[i], texts[i], type) : new Field(ANALYSED[i], kept[i], type));
            }
        }
        doc.add(new StoredField(IndexFields.KIND, r.kind().name()));
        doc.add(new StoredField(IndexFields.URL, r.url()));
        doc.add(new StoredField(IndexFields.ANCHOR, r.anchor() == null ? "" : r.anchor()));
        doc.add(new StoredField(IndexFields.SHOWN_TITLE, r.title()));
        doc.add(new StoredField(IndexFields.SHOWN_HEADING, r.heading()));
        doc.add(new StoredField(IndexFields.CONTEXT, r.context()));
        doc.add(new StoredField(IndexFields.TEXT, r.summary().isEmpty() ? r.body() : r.summary() + "\n" + r.body()));
        doc.add(new StoredField(IndexFields.ARTICLE_ID, r.articleId()));
        // Also as doc values: related-article lookups read thousands of ids, and stored fields
        // would decompress a whole block for each.
        doc.add(new NumericDocValuesField(IndexFields.ARTICLE_ID, r.articleId()));
        return new Prepared(doc, kept == null ? null : key);
    }

    /** Where the body is among the fields a record's analysis keeps ({@link Analyses#field}). */
    static final int BODY_FIELD = java.util.Arrays.asList(ANALYSED).indexOf(IndexFields.BODY);

    private static FieldType scored() {
        FieldType t = new FieldType(TextField.TYPE_NOT_STORED);
        t.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        t.freeze();
        return t;
    }

    private static FieldType termsOnly() {
        FieldType t = new FieldType(TextField.TYPE_NOT_STORED);
        t.setIndexOptions(IndexOptions.DOCS);
        t.setOmitNorms(true);
        t.freeze();
        return t;
    }
}
