package kb.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;

/**
 * Adds documents to an index writer in their order, one at a time, while they are made on every
 * core: what {@link SearchIndexer} does below {@code PARALLEL_FROM} records. Making a document
 * analyses its text (with the build cache on, see {@link Analyses#fields}), which was most of a
 * cold 1,000-article build's index phase, on one thread while the other core was idle but for
 * the compiler. Adding stays with one thread at a time, so the writer fills one segment and the
 * doc ids come in record order, as they did from one thread: no merge, no re-sorting at flush.
 */
final class InOrder {
    /** Records a thread takes at once: an article's records come one after another and share its unpacked text. */
    private static final int CHUNK = 8;

    private InOrder() {
    }

    /** Adds {@code make.apply(i)} for every {@code i} below {@code count}, in order of {@code i}. */
    static void add(IndexWriter writer, int count, IntFunction<Document> make) {
        AtomicReferenceArray<Document> made = new AtomicReferenceArray<>(count);
        AtomicInteger taken = new AtomicInteger();
        int[] added = {0}; // guarded by lock
        ReentrantLock lock = new ReentrantLock();
        Runnable drain = () -> {
            // A thread that cannot add now goes on making: the one adding, or a later drain, adds its documents.
            if (lock.tryLock()) {
                try {
                    for (Document doc; added[0] < count && (doc = made.getAndSet(added[0], null)) != null; added[0]++) {
                        writer.addDocument(doc);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } finally {
                    lock.unlock();
                }
            }
        };
        // One task per core: the common pool runs the second beside this thread when it has a thread free.
        IntStream.range(0, Math.max(1, Runtime.getRuntime().availableProcessors())).parallel().forEach(t -> {
            for (int from; (from = taken.getAndAdd(CHUNK)) < count; ) {
                for (int i = from; i < Math.min(count, from + CHUNK); i++) {
                    made.set(i, make.apply(i));
                }
                drain.run();
            }
        });
        // Every document is made; those made while another thread was adding are added now.
        lock.lock();
        try {
            drain.run();
        } finally {
            lock.unlock();
        }
        if (added[0] != count) {
            throw new IllegalStateException("added " + added[0] + " of " + count + " documents");
        }
    }
}
