package kb.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IOUtils;

/**
 * The index the build before left in the site, from which a build takes the documents of the
 * records that did not change instead of indexing them again ({@link SearchIndexer}): one
 * merge of its kept documents and the few new ones makes the same single segment, sorted by
 * record order, that indexing every record makes, so the same postings, norms and statistics.
 *
 * <p>It is taken only when its commit carries the same {@code tag} (kb's code, the theme and
 * settings the build cache is keyed by, plus everything a record's analysis reads), has one
 * segment whose every file passes Lucene's checksums, and holds each document's key (a digest
 * of everything the document holds, {@link IndexFields#KEY}). Anything else, an index missing,
 * damaged, written by another kb or without the cache, and the records are all indexed again.
 *
 * @param dir  where the previous build's index is
 * @param tag  what else an index must have been built with to be taken (the build cache's key)
 * @param acronyms what the build before found of its initials among its records' words, or null
 */
public record PreviousIndex(Path dir, String tag, AcronymsMemo acronyms) {
    /** The index in {@code dir}, with nothing kept of its initials. */
    public PreviousIndex(Path dir, String tag) {
        this(dir, tag, null);
    }

    /** The commit data key of the tag an index was written with. */
    static final String TAG = "kb.reuse";
    /** The commit data key of what the index's kinds were mined from ({@link Kinds#headingsKey}). */
    static final String KINDS_OF = "kb.kinds.of";

    /** The previous index opened, its documents by key; null when it cannot be trusted. */
    Opened open(String scope) {
        if (!Files.isDirectory(dir)) {
            return null;
        }
        Directory directory = null;
        DirectoryReader reader = null;
        try {
            directory = FSDirectory.open(dir);
            reader = DirectoryReader.open(directory);
            if ((tag + "\n" + scope).equals(reader.getIndexCommit().getUserData().get(TAG))
                    && reader.leaves().size() == 1 && reader.leaves().get(0).reader() instanceof CodecReader leaf
                    && !leaf.hasDeletions()) {
                leaf.checkIntegrity();
                Opened opened = new Opened(directory, reader, leaf, keys(leaf));
                reader = null;
                directory = null;
                return opened;
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return null; // damaged or foreign: index everything
        } finally {
            IOUtils.closeWhileHandlingException(reader, directory);
        }
    }

    /** Each document's doc ids by its key, in doc id order; throws when one has none. */
    private static Map<Analyses.Key, ArrayDeque<Integer>> keys(LeafReader leaf) throws IOException {
        Map<Analyses.Key, ArrayDeque<Integer>> byKey = new HashMap<>();
        BinaryDocValues values = leaf.getBinaryDocValues(IndexFields.KEY);
        for (int doc = 0; doc < leaf.maxDoc(); doc++) {
            if (values == null || !values.advanceExact(doc) || values.binaryValue().length != 32) {
                throw new IllegalStateException("document " + doc + " has no key");
            }
            byKey.computeIfAbsent(key(values.binaryValue()), k -> new ArrayDeque<>(1)).add(doc);
        }
        return byKey;
    }

    /** A key as the index holds it: its four longs, big-endian. */
    static BytesRef bytes(Analyses.Key key) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(32);
        b.putLong(key.a()).putLong(key.b()).putLong(key.c()).putLong(key.d());
        return new BytesRef(b.array());
    }

    private static Analyses.Key key(BytesRef ref) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(ref.bytes, ref.offset, ref.length);
        return new Analyses.Key(b.getLong(), b.getLong(), b.getLong(), b.getLong());
    }

    /** An opened previous index: take documents by key, then close. */
    static final class Opened implements AutoCloseable {
        private final Directory directory;
        private final DirectoryReader reader;
        private final CodecReader leaf;
        private final Map<Analyses.Key, ArrayDeque<Integer>> byKey;

        private Opened(Directory directory, DirectoryReader reader, CodecReader leaf,
                Map<Analyses.Key, ArrayDeque<Integer>> byKey) {
            this.directory = directory;
            this.reader = reader;
            this.leaf = leaf;
            this.byKey = byKey;
        }

        /** The first document not yet taken under {@code key}, taken now; -1 when none is left. */
        int take(Analyses.Key key) {
            ArrayDeque<Integer> docs = byKey.get(key);
            return docs == null || docs.isEmpty() ? -1 : docs.poll();
        }

        int maxDoc() {
            return leaf.maxDoc();
        }

        /** The index's one segment, as it was written. */
        LeafReader leaf() {
            return leaf;
        }

        /**
         * The kinds this index holds ({@link SearchIndex#KINDS}) when they were mined from the
         * headings {@code headings} names ({@link Kinds#headingsKey}); else null. The tag this
         * index was taken by fixes the chain and kb's code, the rest of what mining reads.
         */
        String kinds(String headings) throws IOException {
            Map<String, String> data = reader.getIndexCommit().getUserData();
            return headings != null && headings.equals(data.get(KINDS_OF)) ? data.get(SearchIndex.KINDS) : null;
        }

        /**
         * The documents given a record position in {@code orders} (by doc id; -1: left out),
         * renumbered to it; null when those positions do not rise with the doc ids, as the
         * index sort wants of a segment (records reordered: index them all).
         */
        CodecReader renumbered(int[] orders) {
            return Renumbered.of(leaf, orders);
        }

        @Override
        public void close() throws IOException {
            IOUtils.close(reader, directory);
        }
    }
}
