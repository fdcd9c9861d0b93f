package kb.search;

import java.io.IOException;
import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.compressing.CompressionMode;
import org.apache.lucene.codecs.compressing.Compressor;
import org.apache.lucene.codecs.compressing.Decompressor;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.store.ByteBuffersDataInput;
import org.apache.lucene.store.DataInput;
import org.apache.lucene.store.DataOutput;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;

/**
 * kb's index format: Lucene's own, but for the stored fields, which are written as they are
 * instead of LZ4-compressed. A warm build merges the previous index's kept documents with the
 * few new ones (SearchIndexer#fromPrevious); Lucene copies a segment's stored fields in bulk
 * only when it has no deletions, so every kept document was decompressed and compressed again:
 * 46 of 806 JFR samples of a one-edit 10,000-article rebuild (a third of the merge), LZ4 in
 * plain Java under the client compiler. Uncompressed, the copy is a copy. The price is disk: the
 * stored fields of 10,000 articles grow from 17 to 44 MB in {@code .kb/lucene}, which is kb's
 * working state, not part of the published site. Only an index built with the cache, which the
 * next build takes from, is written so; one in memory keeps Lucene's compression.
 *
 * <p>Public with a public constructor, and listed in {@code META-INF/services}: Lucene finds a
 * segment's codec by the name written in it when the index is opened.
 */
public final class RawStoredFields extends FilterCodec {
    /** The codec's name, written in every segment. */
    static final String NAME = "KbRawStored912";

    /** The chunks, as Lucene's fast mode cuts them: 80 KB or 1,024 documents, 1,024 chunks per index block. */
    private static final StoredFieldsFormat STORED = new Lucene90CompressingStoredFieldsFormat("KbRawStoredFields",
            new Raw(), 80 * 1024, 1024, 10);

    /** For Lucene's service loader; kb writes with {@link SearchIndexer}. */
    public RawStoredFields() {
        super(NAME, new Lucene912Codec());
    }

    @Override
    public StoredFieldsFormat storedFieldsFormat() {
        return STORED;
    }

    /** A chunk's bytes as they are, in both directions. */
    private static final class Raw extends CompressionMode {
        @Override
        public Compressor newCompressor() {
            return new Compressor() {
                @Override
                public void compress(ByteBuffersDataInput in, DataOutput out) throws IOException {
                    out.copyBytes(in, in.length());
                }

                @Override
                public void close() {
                    // holds nothing
                }
            };
        }

        @Override
        public Decompressor newDecompressor() {
            return new Copy();
        }

        @Override
        public String toString() {
            return "raw";
        }
    }

    /** Reads {@code length} bytes from {@code offset} of a chunk of {@code originalLength}, consuming the chunk. */
    private static final class Copy extends Decompressor {
        @Override
        public void decompress(DataInput in, int originalLength, int offset, int length, BytesRef bytes) throws IOException {
            if (bytes.bytes.length < length) {
                bytes.bytes = new byte[ArrayUtil.oversize(length, 1)];
            }
            in.skipBytes(offset);
            in.readBytes(bytes.bytes, 0, length);
            in.skipBytes(originalLength - offset - length);
            bytes.offset = 0;
            bytes.length = length;
        }

        @Override
        public Decompressor clone() {
            return new Copy();
        }
    }
}
