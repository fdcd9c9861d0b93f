package kb.search;

import java.io.IOException;
import org.apache.lucene.codecs.DocValuesProducer;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FilterCodecReader;
import org.apache.lucene.index.FilterNumericDocValues;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;

/**
 * A previous build's segment as this build's records see it ({@link PreviousIndex}): the
 * documents of records that changed or went are deleted, and each kept one carries its
 * record's new position as its {@link IndexFields#ORDER}, which the index is sorted by. A merge
 * then writes only the kept documents, in the new order, with their new positions.
 */
final class Renumbered extends FilterCodecReader {
    private final FixedBitSet live;
    private final int numDocs;
    private final long[] orders;

    private Renumbered(CodecReader in, FixedBitSet live, long[] orders) {
        super(in);
        this.live = live;
        this.numDocs = live.cardinality();
        this.orders = orders;
    }

    /**
     * {@code in} with the documents {@code orders} gives -1 deleted and the others renumbered;
     * null when the kept documents' positions do not rise with their doc ids.
     */
    static Renumbered of(CodecReader in, int[] orders) {
        FixedBitSet live = new FixedBitSet(in.maxDoc());
        long[] values = new long[in.maxDoc()];
        long last = -1;
        for (int doc = 0; doc < orders.length; doc++) {
            if (orders[doc] >= 0) {
                if (orders[doc] <= last) {
                    return null;
                }
                last = orders[doc];
                live.set(doc);
            }
            // A deleted document keeps the order of the one before: the segment stays sorted.
            values[doc] = Math.max(last, 0);
        }
        return new Renumbered(in, live, values);
    }

    @Override
    public Bits getLiveDocs() {
        return live;
    }

    @Override
    public int numDocs() {
        return numDocs;
    }

    @Override
    public DocValuesProducer getDocValuesReader() {
        DocValuesProducer values = in.getDocValuesReader();
        return new DocValuesProducer() {
            @Override
            public NumericDocValues getNumeric(FieldInfo field) throws IOException {
                NumericDocValues stored = values.getNumeric(field);
                if (!field.name.equals(IndexFields.ORDER)) {
                    return stored;
                }
                return new FilterNumericDocValues(stored) {
                    @Override
                    public long longValue() {
                        return orders[docID()];
                    }
                };
            }

            @Override
            public BinaryDocValues getBinary(FieldInfo field) throws IOException {
                return values.getBinary(field);
            }

            @Override
            public SortedDocValues getSorted(FieldInfo field) throws IOException {
                return values.getSorted(field);
            }

            @Override
            public SortedNumericDocValues getSortedNumeric(FieldInfo field) throws IOException {
                return values.getSortedNumeric(field);
            }

            @Override
            public SortedSetDocValues getSortedSet(FieldInfo field) throws IOException {
                return values.getSortedSet(field);
            }

            @Override
            public void checkIntegrity() throws IOException {
                values.checkIntegrity();
            }

            @Override
            public void close() throws IOException {
                // the reader it came from closes it
            }
        };
    }

    @Override
    public CacheHelper getCoreCacheHelper() {
        return null;
    }

    @Override
    public CacheHelper getReaderCacheHelper() {
        return null;
    }
}
