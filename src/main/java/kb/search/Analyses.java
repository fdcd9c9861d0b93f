package kb.search;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TermFrequencyAttribute;

/**
 * What analysing the search records' text gave, kept from one build for the next: analysis is
 * most of the search index's time and of related articles' (JFR, warm 10,000-article build:
 * 29% of the samples), and a record whose text did not change analyses to the same words.
 *
 * <p>The index records no positions (DOCS_AND_FREQS), so what a field adds to it is its words,
 * each one's count, and its length for the norm: the number of tokens, less those at the
 * position of the one before (synonyms; BM25 discounts them). A field is kept as exactly that,
 * and replayed to the index writer as one token per word carrying its count (Lucene's
 * TermFrequencyAttribute) plus one token per overlap: the same postings, norms and statistics
 * as the text, so the same index. Records are found by a digest of their text and of
 * everything else their analysis reads ({@code scope}: the chain, the synonyms, the mined
 * initials); a build with the cache off analyses as before.
 *
 * <p>What a build makes is either held until the build saves it or, once {@link #spill} names a
 * sink, handed to it at once and let go: a cold 100,000-article build makes about 440 MB of
 * entries (43.6 MB at 10,000), more than its heap can hold beside the site it renders.
 *
 * <p>Thread-safe: records are indexed, and related articles found, from several threads.
 */
public final class Analyses {
    /** A count or word id past these is not kept: the text is analysed each time instead. */
    private static final int MAX_ID = (1 << 24) - 1;
    private static final int MAX_COUNT = 255;
    /** Longer words are not kept (the file writes each word in at most 64 KB). */
    private static final int MAX_WORD = 4096;

    private final Words words;
    private final Stored before;
    /** How many words came with {@link #before}: its entries' ids are below. */
    private final int storedWords;
    /** The entries this build made and holds, and those of {@link #before} it decoded (asked for their words). */
    private final Map<Key, int[][]> kept = new ConcurrentHashMap<>();
    /** The keys of {@link #before}'s entries this build used: the next build may take them, decoded or not. */
    private final Set<Key> taken = ConcurrentHashMap.newKeySet();
    /** How many entries went to {@link #spill}'s sink rather than kept (their keys are not kept either). */
    private final java.util.concurrent.atomic.AtomicInteger spilled = new java.util.concurrent.atomic.AtomicInteger();
    private volatile Sink sink;

    /** Where entries this build makes go instead of the heap; called by one thread at a time. */
    public interface Sink {
        void add(Key key, int[][] fields);
    }

    /**
     * The entries a previous build kept, each decoded only when asked for: a one-edit rebuild at
     * 10,000 articles takes all 80,000 by key and needs the words of a few dozen, and decoding
     * them all was a third of opening the build cache (and its largest share of objects).
     */
    public interface Stored {
        /** Nothing stored. */
        Stored NONE = new Stored() {
            @Override
            public int[][] get(Key key) {
                return null;
            }

            @Override
            public boolean contains(Key key) {
                return false;
            }
        };

        /** The fields of the entry under {@code key}, decoded anew, or null when there is none (or it cannot be read). */
        int[][] get(Key key);

        /** Whether there is an entry under {@code key}, without decoding it. */
        boolean contains(Key key);

        /** {@code entries} as they are: the caller no longer changes them. */
        static Stored of(Map<Key, int[][]> entries) {
            return new Stored() {
                @Override
                public int[][] get(Key key) {
                    return entries.get(key);
                }

                @Override
                public boolean contains(Key key) {
                    return entries.containsKey(key);
                }
            };
        }
    }

    /**
     * A digest of a record's or article's text and scope (see {@link #key}). Its methods are
     * written out, with the values a record's own give: under the client compiler (bin/kb) a
     * record's generated ones go through method handles, and {@code toString} through
     * {@code String.format}; a one-edit rebuild at 10,000 articles hashes, compares and prints
     * hundreds of thousands of keys (JFR: {@code HashMap} lookups by key and {@code Formatter}
     * under the index phase's record keys).
     */
    public record Key(long a, long b, long c, long d) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && a == k.a && b == k.b && c == k.c && d == k.d;
        }

        @Override
        public int hashCode() {
            return ((Long.hashCode(a) * 31 + Long.hashCode(b)) * 31 + Long.hashCode(c)) * 31 + Long.hashCode(d);
        }

        /** As a record prints itself: keys are digested as this text ({@code SearchIndexer#recordKey}). */
        @Override
        public String toString() {
            return "Key[a=" + a + ", b=" + b + ", c=" + c + ", d=" + d + "]";
        }
    }

    /** A cache holding nothing yet. */
    public Analyses() {
        this(List.of(), Map.of());
    }

    /**
     * What a previous build kept ({@link #words()} and {@link #entries()} as it returned them),
     * taken as it is (the caller no longer changes it). Every id in {@code entries} must be an
     * index into {@code words}: this throws {@link IllegalArgumentException} for one out of range.
     */
    public Analyses(List<String> words, Map<Key, int[][]> entries) {
        this(words, Stored.of(entries));
        for (int[][] fields : entries.values()) {
            if (!valid(fields)) {
                throw new IllegalArgumentException("a word id past the " + words.size() + " words");
            }
        }
    }

    /**
     * What a previous build kept: its words, and its entries found by key. An entry whose ids are
     * not all indexes into {@code words} is not what a build wrote: it is made again, as if absent.
     */
    public Analyses(List<String> words, Stored entries) {
        this.words = new Words(words);
        this.storedWords = words.size();
        this.before = entries;
    }

    /** Whether every word id of {@code fields} names one of the words stored with them. */
    private boolean valid(int[][] fields) {
        int size = storedWords;
        for (int[] field : fields) {
            if (field != null) {
                for (int e : field) {
                    if ((e & MAX_ID) >= size) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** {@link #before}'s entry under {@code key}, decoded, when it is there and whole; else null. */
    private int[][] stored(Key key) {
        int[][] fields = before.get(key);
        return fields != null && valid(fields) ? fields : null;
    }

    /** Every word an entry refers to, by id. */
    public List<String> words() {
        return words.all();
    }

    /**
     * From now on, each entry this build makes goes to {@code sink} and is not held: an entry
     * asked for again within the build (two records of the same text) is made and handed over
     * again, and the next build reads the same entry twice.
     */
    public void spill(Sink sink) {
        this.sink = sink;
    }

    /**
     * The entries this build used or made, but for those handed to the sink: the ones the next
     * build may take (each one taken from before decoded: {@link #made} and {@link #taken} do
     * without that).
     */
    public Map<Key, int[][]> entries() {
        Map<Key, int[][]> out = new HashMap<>(made());
        for (Key k : taken) {
            out.put(k, kept.containsKey(k) ? kept.get(k) : before.get(k));
        }
        return out;
    }

    /** The entries this build made and holds (not those handed to the sink, nor any taken from before). */
    public Map<Key, int[][]> made() {
        Map<Key, int[][]> out = new HashMap<>(kept);
        out.keySet().removeAll(taken);
        return out;
    }

    /** The keys of the entries this build took from the previous build's. */
    public Set<Key> taken() {
        return java.util.Collections.unmodifiableSet(taken);
    }

    /** How many entries this build found made by an earlier one, and how many it used in all. */
    public int[] reuse() {
        return new int[] {taken.size(), made().size() + taken.size() + spilled.get()};
    }

    /** Holds an entry this build made, or hands it to the sink. */
    private void keep(Key key, int[][] fields) {
        Sink to = sink;
        if (to == null) {
            kept.put(key, fields);
        } else {
            synchronized (to) {
                to.add(key, fields);
            }
            if (spilled.incrementAndGet() <= RECENT) {
                recent.put(key, fields);
            }
        }
    }

    /**
     * Entries handed to the sink that {@link #field} still finds: a warm build makes few
     * (the records an edit changed), and related articles ask which words those hold. A build
     * that makes more searches every list again rather than hold them all.
     */
    private static final int RECENT = 4096;
    private final Map<Key, int[][]> recent = new ConcurrentHashMap<>();

    /**
     * What field {@code field} (its place among the names the record was analysed with) of the
     * entry under {@code key}, made by this build or an earlier one, adds to the index: each
     * word's count in the record's postings (overlapping tokens, synonyms, counted as the index
     * counts them) and the length its norm is made from (tokens less overlaps). Empty when the
     * record had no such field; null when the entry is not at hand.
     */
    Field field(Key key, int field) {
        int[][] fields = kept.get(key);
        if (fields == null) {
            fields = stored(key); // a record's words as they were: not kept for the next build
        }
        if (fields == null) {
            fields = recent.get(key);
        }
        if (fields == null || field >= fields.length) {
            return null;
        }
        Map<String, Integer> counts = new HashMap<>();
        int length = 0;
        if (fields[field] != null) {
            for (int e : fields[field]) {
                int count = e >>> 24;
                counts.merge(words.get(e & MAX_ID), count == 0 ? 1 : count, Integer::sum);
                length += count;
            }
        }
        return new Field(counts, length);
    }

    /** One record's field as the index holds it: each word's count, and the length its norm is made from. */
    record Field(Map<String, Integer> counts, int length) { }

    /**
     * The token streams to index for one record's fields (null where {@code texts} is null: no
     * such field), from this cache or, when the record is new, from {@code analyzer}.
     *
     * @param freqs per field, whether it indexes counts (else each word once)
     */
    TokenStream[] fields(String scope, String[] names, String[] texts, boolean[] freqs, Analyzer analyzer) {
        return fields(recordKey(scope, names, texts), names, texts, freqs, analyzer);
    }

    /** The key under which {@link #fields} finds a record's fields. */
    static Key recordKey(String scope, String[] names, String[] texts) {
        return key("record", scope, names, texts);
    }

    /** {@link #fields} for a record whose {@link #recordKey} is {@code key}. */
    TokenStream[] fields(Key key, String[] names, String[] texts, boolean[] freqs, Analyzer analyzer) {
        int[][] fields = find(key);
        if (fields == null) {
            fields = new int[texts.length][];
            for (int i = 0; i < texts.length; i++) {
                if (texts[i] != null) {
                    fields[i] = analyse(analyzer, names[i], texts[i], Integer.MAX_VALUE, true);
                    if (fields[i] == null) {
                        return null; // something not kept: the caller indexes the texts
                    }
                }
            }
            keep(key, fields);
        }
        TokenStream[] out = new TokenStream[texts.length];
        for (int i = 0; i < texts.length; i++) {
            out[i] = fields[i] == null ? null : new Replay(fields[i], freqs[i]);
        }
        return out;
    }

    /**
     * The words of {@code text} with their counts, in the order they first occur, of its first
     * {@code limit} tokens, as a map built in that order (MoreLikeThis's, see {@link Related}); or
     * null when the text cannot be kept.
     */
    Map<String, int[]> counts(String scope, String field, String text, int limit, Analyzer analyzer) {
        return counts(countsKey(scope, field, text, limit), field, () -> text, limit, analyzer);
    }

    /** The key under which {@link #counts} finds a text's words. */
    static Key countsKey(String scope, String field, String text, int limit) {
        return key("counts " + limit, scope, new String[] {field}, new String[] {text});
    }

    /**
     * The key under which {@link #counts} finds the words of a text that {@code origin} fixes
     * (see {@link Related#of(int, String, java.util.function.Supplier, int)}), without the text.
     */
    static Key countsKeyOf(String scope, String field, String origin, int limit) {
        return key("counts " + limit + " of", scope, new String[] {field}, new String[] {origin});
    }

    /** {@link #counts} for a text whose key is {@code key}: the text is made only when its words are not kept. */
    Map<String, int[]> counts(Key key, String field, java.util.function.Supplier<String> text, int limit, Analyzer analyzer) {
        int[][] found = find(key);
        if (found == null) {
            int[] counted = analyse(analyzer, field, text.get(), limit, false);
            if (counted == null) {
                return null;
            }
            found = new int[][] {counted};
            keep(key, found);
        }
        Map<String, int[]> out = new HashMap<>(); // filled as the text's own map is (Related#count)
        for (int e : found[0]) {
            Related.count(out, words.get(e & MAX_ID), e >>> 24);
        }
        return out;
    }

    /**
     * Whether the entry under {@code key} is at hand, made by this build or an earlier one; it
     * is then kept for the next build as if this one had used it.
     */
    boolean retain(Key key) {
        if (kept.containsKey(key) || taken.contains(key)) {
            return true;
        }
        if (before.contains(key)) {
            taken.add(key);
            return true;
        }
        return false;
    }

    private int[][] find(Key key) {
        int[][] found = kept.get(key);
        if (found == null && before.contains(key)) {
            found = stored(key);
            if (found != null) {
                kept.put(key, found);
                taken.add(key);
            }
        }
        return found;
    }

    /**
     * One text's tokens, packed one int each: the word's id in the low 24 bits, a count in the
     * high 8. For a field ({@code overlaps}): first each word with its count of tokens that
     * advance the position (a count above 255 split over several), then one entry with count 0
     * for each token at the position of the one before. Else: each word with its count of all
     * tokens, in the order the words first occur.
     */
    private int[] analyse(Analyzer analyzer, String field, String text, int limit, boolean overlaps) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        try (TokenStream ts = analyzer.tokenStream(field, new StringReader(text))) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute position = ts.addAttribute(PositionIncrementAttribute.class);
            TermFrequencyAttribute frequency = ts.addAttribute(TermFrequencyAttribute.class);
            ts.reset();
            int tokens = 0;
            while (ts.incrementToken()) {
                if (++tokens > limit) {
                    break;
                }
                if (frequency.getTermFrequency() != 1 || term.length() > MAX_WORD
                        || overlaps && tokens == 1 && position.getPositionIncrement() == 0) {
                    return null; // not what this replays: index the text itself
                }
                int[] c = counts.computeIfAbsent(term.toString(), w -> new int[2]);
                c[overlaps && position.getPositionIncrement() == 0 ? 1 : 0]++;
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Integer> out = new ArrayList<>();
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            int id = words.id(e.getKey());
            if (id > MAX_ID) {
                return null;
            }
            for (int n = e.getValue()[0] + (overlaps ? 0 : e.getValue()[1]); n > 0; n -= MAX_COUNT) {
                out.add(id | Math.min(n, MAX_COUNT) << 24);
            }
        }
        if (overlaps) {
            for (Map.Entry<String, int[]> e : counts.entrySet()) {
                for (int n = e.getValue()[1]; n > 0; n--) {
                    out.add(words.id(e.getKey()));
                }
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * A digest of the texts, each char in full (so no two texts give the same bytes), with the
     * scope and field names: CRC-32C, CRC-32, FNV-1a (64 bits) and the length. Not SHA-256: the
     * build runs on the client compiler alone (bin/kb), which computes SHA-256 in plain Java, and
     * that cost a warm 10,000-article build 2.7 s of its 6 s saving (JFR); the JVM computes both
     * CRCs with the processor's instructions. Two different texts share a key only by accident,
     * one chance in about 2^128 per pair; the cache is no defence against a hand that can write
     * the site anyway.
     */
    static Key key(String kind, String scope, String[] names, String[] texts) {
        Digest d = new Digest();
        d.update(kind);
        d.update(scope);
        for (int i = 0; i < texts.length; i++) {
            d.update(names[i]);
            d.update(texts[i]);
        }
        return d.key();
    }

    /** The key of {@code texts} in their order (null ones among them), under {@code kind}. */
    static Key key(String kind, List<String> texts) {
        Digest d = new Digest();
        d.update(kind);
        texts.forEach(d::update);
        return d.key();
    }

    /** The parts of a {@link Key}, fed string by string. */
    private static final class Digest {
        private final java.util.zip.CRC32C crc32c = new java.util.zip.CRC32C();
        private final java.util.zip.CRC32 crc32 = new java.util.zip.CRC32();
        private long fnv = 0xcbf29ce484222325L;
        private long length;

        void update(String s) {
            if (s == null) {
                bytes(new byte[] {0});
                return;
            }
            // From a char array: String#charAt checks its index on every call, which was half of
            // this method's samples under the client compiler (JFR, warm 10,000-article build).
            char[] chars = s.toCharArray();
            boolean latin = true;
            for (int i = 0; i < chars.length && latin; i++) {
                latin = chars[i] < 256;
            }
            byte[] bytes;
            if (latin) {
                bytes = s.getBytes(StandardCharsets.ISO_8859_1);
            } else {
                bytes = new byte[chars.length * 2];
                for (int i = 0; i < chars.length; i++) {
                    bytes[2 * i] = (byte) (chars[i] >>> 8);
                    bytes[2 * i + 1] = (byte) chars[i];
                }
            }
            int n = bytes.length;
            bytes(new byte[] {(byte) (latin ? 1 : 2), (byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
            bytes(bytes);
        }

        private void bytes(byte[] bytes) {
            crc32c.update(bytes);
            crc32.update(bytes);
            long h = fnv;
            for (byte b : bytes) {
                h = (h ^ (b & 0xff)) * 0x100000001b3L;
            }
            fnv = h;
            length += bytes.length;
        }

        Key key() {
            return new Key(crc32c.getValue(), crc32.getValue(), fnv, length);
        }
    }

    /** Words by id, for many threads: an id handed out is readable by any thread that got it. */
    private static final class Words {
        private final Map<String, Integer> ids = new ConcurrentHashMap<>();
        private volatile String[] byId;
        private int size;

        Words(List<String> words) {
            byId = words.toArray(new String[Math.max(16, words.size())]);
            size = words.size();
            for (int i = 0; i < words.size(); i++) {
                ids.put(words.get(i), i);
            }
        }

        int id(String word) {
            Integer id = ids.get(word);
            if (id != null) {
                return id;
            }
            synchronized (this) {
                id = ids.get(word);
                if (id == null) {
                    if (size == byId.length) {
                        byId = Arrays.copyOf(byId, size * 2);
                    }
                    byId[size] = word;
                    id = size++;
                    ids.put(word, id);
                }
                return id;
            }
        }

        String get(int id) {
            return byId[id];
        }

        synchronized List<String> all() {
            return List.of(Arrays.copyOf(byId, size));
        }
    }

    /** A field's kept tokens, given back to the index writer (see the class comment). */
    private final class Replay extends TokenStream {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
        private final TermFrequencyAttribute frequency = addAttribute(TermFrequencyAttribute.class);
        private final int[] tokens;
        /** Whether the field indexes counts: Lucene refuses a count other than 1 for one that does not. */
        private final boolean freqs;
        private int at;

        Replay(int[] tokens, boolean freqs) {
            this.tokens = tokens;
            this.freqs = freqs;
        }

        @Override
        public boolean incrementToken() {
            if (at == tokens.length) {
                return false;
            }
            clearAttributes();
            int e = tokens[at++];
            int count = e >>> 24;
            term.append(words.get(e & MAX_ID));
            position.setPositionIncrement(count == 0 ? 0 : 1);
            frequency.setTermFrequency(freqs && count > 0 ? count : 1);
            return true;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            at = 0;
        }
    }
}
