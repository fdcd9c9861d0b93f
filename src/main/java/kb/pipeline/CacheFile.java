package kb.pipeline;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * One file of the build cache: a header naming what it was made for (its key), the entries, and
 * a checksum of everything before it. A file that is missing, truncated, damaged, of another
 * format or made for another key reads as nothing at all, so the build renders cold: the cache
 * can cost time, never a wrong page.
 */
final class CacheFile {
    private static final byte[] MAGIC = "kb-cache\n".getBytes(StandardCharsets.US_ASCII);
    /** Bumped whenever an entry's layout changes: an older file then reads as nothing. */
    static final int FORMAT = 1;

    private CacheFile() {
    }

    /** Writes one entry's fields. */
    interface EntryWriter<T> {
        void write(Out out, T entry) throws IOException;
    }

    /** Reads one entry's fields, as its {@link EntryWriter} wrote them. */
    interface EntryReader {
        void read(In in) throws IOException;
    }

    /** Writes {@code entries} with their key and checksum (the folder is a build's staging folder: no one reads it yet). */
    static <T> void write(Path file, String key, java.util.Collection<T> entries, EntryWriter<T> writer) throws IOException {
        Files.createDirectories(file.getParent());
        CRC32C crc = new CRC32C();
        try (OutputStream raw = Files.newOutputStream(file);
                CheckedOutputStream checked = new CheckedOutputStream(new BufferedOutputStream(raw, 1 << 16), crc)) {
            Out out = new Out(new DataOutputStream(checked));
            out.data.write(MAGIC);
            out.data.writeInt(FORMAT);
            out.string(key);
            out.data.writeInt(entries.size());
            for (T entry : entries) {
                writer.write(out, entry);
            }
            out.data.flush();
            long sum = crc.getValue();
            // The checksum itself is not summed: written straight to the buffered stream's target.
            new DataOutputStream(raw).writeLong(sum);
        }
    }

    /**
     * Reads every entry of {@code file} into {@code reader} when the file is whole and was made
     * for {@code key}.
     *
     * @return whether it was; when false, whatever {@code reader} collected must be thrown away
     */
    static boolean read(Path file, String key, EntryReader reader) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        CRC32C crc = new CRC32C();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            long size = Files.size(file);
            DataInputStream checked = new DataInputStream(new CheckedInputStream(raw, crc));
            In in = new In(checked, size);
            byte[] magic = new byte[MAGIC.length];
            checked.readFully(magic);
            if (!Arrays.equals(magic, MAGIC) || checked.readInt() != FORMAT || !key.equals(in.string())) {
                return false;
            }
            int count = in.count();
            for (int i = 0; i < count; i++) {
                reader.read(in);
            }
            long sum = crc.getValue();
            DataInputStream trailer = new DataInputStream(raw);
            return trailer.readLong() == sum && raw.read() == -1;
        } catch (IOException | RuntimeException e) {
            // Truncated (EOFException), damaged (a length past the end, bad UTF-8 is replaced and
            // caught by the checksum), unreadable: all mean the same, build cold.
            return false;
        }
    }

    /** Where entries are written: strings that may be null or long, and counts. */
    static final class Out {
        final DataOutputStream data;

        private Out(DataOutputStream data) {
            this.data = data;
        }

        /** Entries written to a stream of their own, to be copied into a cache file later. */
        static Out of(DataOutputStream data) {
            return new Out(data);
        }

        void string(String s) throws IOException {
            if (s == null) {
                data.writeInt(-1);
                return;
            }
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            data.writeInt(bytes.length);
            data.write(bytes);
        }

        void count(int n) throws IOException {
            data.writeInt(n);
        }

        void bytes(byte[] b) throws IOException {
            data.writeInt(b.length);
            data.write(b);
        }

        /** Many ints at once (per int, DataOutputStream goes through four single-byte writes). */
        void ints(int[] values) throws IOException {
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(values.length * 4);
            buffer.asIntBuffer().put(values);
            bytes(buffer.array());
        }
    }

    /** Where entries are read: every length is checked against the file's size before anything is allocated. */
    static final class In {
        final DataInputStream data;
        private final long size;

        private In(DataInputStream data, long size) {
            this.data = data;
            this.size = size;
        }

        String string() throws IOException {
            int length = data.readInt();
            if (length == -1) {
                return null;
            }
            return new String(bytes(length), StandardCharsets.UTF_8);
        }

        int count() throws IOException {
            int n = data.readInt();
            if (n < 0 || n > size) {
                throw new EOFException("count " + n + " past the end of the file");
            }
            return n;
        }

        byte[] bytes() throws IOException {
            return bytes(data.readInt());
        }

        int[] ints() throws IOException {
            byte[] b = bytes();
            if (b.length % 4 != 0) {
                throw new EOFException("ints of " + b.length + " bytes");
            }
            int[] out = new int[b.length / 4];
            java.nio.ByteBuffer.wrap(b).asIntBuffer().get(out);
            return out;
        }

        private byte[] bytes(int length) throws IOException {
            if (length < 0 || length > size) {
                throw new EOFException("length " + length + " past the end of the file");
            }
            byte[] b = new byte[length];
            data.readFully(b);
            return b;
        }
    }
}
