package kb.pipeline;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.CRC32C;
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
    static final int FORMAT = 2;

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
        return readSummed(file, key, reader) != NOT_WHOLE;
    }

    /** What {@link #readSummed} returns for a file that is not whole or was made for another key. */
    static final long NOT_WHOLE = -1;

    /**
     * Whether a file of {@code wholeEntries} entries is kept as it is, with what changed in a side
     * file, when {@code changes} of its entries are new, changed or no longer used: up to a quarter
     * of it (or {@link #SLACK} on a small site), so a cache never carries more dead weight than that.
     * The rule of the Markdown, analyses and pages files alike.
     */
    static boolean keepsWhole(long changes, long wholeEntries) {
        return wholeEntries > 0 && changes <= Math.max(SLACK, wholeEntries / 4);
    }

    /** Entries that may change before a file is written whole, however small the site. */
    private static final int SLACK = 16;

    /**
     * {@link #read}, returning the file's checksum (a CRC-32C, never negative) when it is whole
     * and made for {@code key}, else {@link #NOT_WHOLE}: a file written to extend this one names
     * it by that checksum.
     */
    static long readSummed(Path file, String key, EntryReader reader) {
        if (!Files.isRegularFile(file)) {
            return NOT_WHOLE;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            In in = new In(channel, channel.size());
            byte[] magic = in.bytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC) || in.readInt() != FORMAT || !key.equals(in.string())) {
                return NOT_WHOLE;
            }
            int count = in.count();
            for (int i = 0; i < count; i++) {
                reader.read(in);
            }
            return in.checksum();
        } catch (IOException | RuntimeException e) {
            // Truncated (EOFException), damaged (a length past the end, bad UTF-8 is replaced and
            // caught by the checksum), unreadable: all mean the same, build cold.
            return NOT_WHOLE;
        }
    }

    /**
     * {@code file} read whole into memory, when it is whole and made for {@code key}, else null:
     * its entries are then decoded from the bytes when asked ({@link Held#at}), not all as it is
     * opened.
     */
    static Held hold(Path file, String key) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < MAGIC.length + 2 * Integer.BYTES + Long.BYTES || size > Integer.MAX_VALUE - 16) {
                return null;
            }
            byte[] bytes = new byte[(int) size];
            ByteBuffer into = ByteBuffer.wrap(bytes);
            while (into.hasRemaining()) {
                if (channel.read(into) < 0) {
                    return null; // shorter than it said a moment ago: being replaced
                }
            }
            int end = bytes.length - Long.BYTES;
            CRC32C crc = new CRC32C();
            crc.update(bytes, 0, end);
            if (ByteBuffer.wrap(bytes, end, Long.BYTES).getLong() != crc.getValue()) {
                return null;
            }
            In in = new In(bytes, 0, end);
            if (!Arrays.equals(in.bytes(MAGIC.length), MAGIC) || in.readInt() != FORMAT || !key.equals(in.string())) {
                return null;
            }
            int count = in.count();
            return new Held(bytes, end, crc.getValue(), count, in.at);
        } catch (IOException | RuntimeException e) {
            return null; // damaged (a length past the end) or unreadable: as for read, build cold
        }
    }

    /**
     * A cache file held in memory, its checksum checked: {@code entries} entries from offset
     * {@code first}, each decoded by an {@link In} from where it starts. Entries' ends are found
     * by reading them; nothing here trusts an offset a caller did not get from reading.
     */
    record Held(byte[] bytes, int end, long sum, int entries, int first) {
        /** Reads on from {@code offset} (up to the trailer). */
        In at(int offset) {
            return new In(bytes, offset, end);
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

        /**
         * A text as it is held ({@link kb.content.PackedText}): deflated bytes are written as they are,
         * so neither writing nor reading it inflates or deflates.
         */
        void packed(kb.content.PackedText text) throws IOException {
            byte[] deflated = text.deflated();
            data.writeBoolean(deflated != null);
            if (deflated == null) {
                string(text.text());
            } else {
                data.writeInt(text.utf8Length());
                bytes(deflated);
            }
        }

        /** Many ints at once (per int, DataOutputStream goes through four single-byte writes). */
        void ints(int[] values) throws IOException {
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(values.length * 4);
            buffer.asIntBuffer().put(values);
            bytes(buffer.array());
        }
    }

    /**
     * Where entries are read: every length is checked against the file's size before anything is
     * allocated. The file is read a window at a time into an array and decoded from it by hand,
     * its checksum taken over each window as it is passed: reading through a DataInputStream over
     * a CheckedInputStream summed and fetched each int's four bytes one synchronized call at a
     * time, a third of opening a 10,000-article site's cache (JFR).
     */
    static final class In {
        private static final int WINDOW = 1 << 16;
        private final FileChannel channel;
        private final long size;
        private final CRC32C crc = new CRC32C();
        private byte[] window = new byte[WINDOW];
        /** The next byte to decode, and the end of what the window holds. */
        private int at;
        private int end;
        /** Where the bytes not yet summed start (the window's bytes before it are). */
        private int summed;

        private In(FileChannel channel, long size) {
            this.channel = channel;
            this.size = size;
        }

        /** Reads {@code bytes} from {@code at} to {@code end}, already checked: nothing is summed, nothing read on. */
        private In(byte[] bytes, int at, int end) {
            this.channel = null;
            this.size = end;
            this.window = bytes;
            this.at = at;
            this.end = end;
        }

        /** Where the next byte to decode is, in a {@link Held} file. */
        int position() {
            return at;
        }

        /** Passes over {@code n} bytes of a {@link Held} file. */
        void skip(int n) throws IOException {
            check(n);
            need(n);
            at += n;
        }

        /** Makes {@code n} bytes from {@link #at} available, reading on from the file. */
        private void need(int n) throws IOException {
            if (end - at >= n) {
                return;
            }
            if (channel == null) {
                throw new EOFException("the file ends inside an entry");
            }
            crc.update(window, summed, at - summed);
            int kept = end - at;
            byte[] into = n > window.length ? new byte[Math.max(n, window.length * 2)] : window;
            System.arraycopy(window, at, into, 0, kept);
            window = into;
            at = 0;
            summed = 0;
            end = kept;
            ByteBuffer target = ByteBuffer.wrap(window, end, window.length - end);
            while (end < n) {
                int got = channel.read(target);
                if (got < 0) {
                    throw new EOFException("the file ends inside an entry");
                }
                end += got;
            }
        }

        /**
         * The checksum of everything before the trailer after the last entry, when the trailer
         * holds it and ends the file; else {@link #NOT_WHOLE}.
         */
        private long checksum() throws IOException {
            crc.update(window, summed, at - summed);
            summed = at;
            long sum = crc.getValue();
            return readLong() == sum && end - at == 0 && channel.read(ByteBuffer.allocate(1)) < 0 ? sum : NOT_WHOLE;
        }

        int readInt() throws IOException {
            need(4);
            byte[] b = window;
            int i = at;
            at += 4;
            return (b[i] & 0xFF) << 24 | (b[i + 1] & 0xFF) << 16 | (b[i + 2] & 0xFF) << 8 | (b[i + 3] & 0xFF);
        }

        long readLong() throws IOException {
            int high = readInt();
            return (long) high << 32 | (readInt() & 0xFFFFFFFFL);
        }

        boolean readBoolean() throws IOException {
            need(1);
            return window[at++] != 0;
        }

        /** A string as {@link DataOutputStream#writeUTF} wrote it (modified UTF-8: any char, a lone surrogate too). */
        String readUTF() throws IOException {
            need(2);
            int length = (window[at] & 0xFF) << 8 | (window[at + 1] & 0xFF);
            need(2 + length);
            boolean ascii = true;
            for (int i = at + 2; i < at + 2 + length && ascii; i++) {
                ascii = window[i] >= 0;
            }
            String s = ascii ? new String(window, at + 2, length, StandardCharsets.ISO_8859_1)
                    : DataInputStream.readUTF(new DataInputStream(new ByteArrayInputStream(window, at, 2 + length)));
            at += 2 + length;
            return s;
        }

        String string() throws IOException {
            int length = readInt();
            if (length == -1) {
                return null;
            }
            check(length);
            need(length);
            String s = new String(window, at, length, StandardCharsets.UTF_8);
            at += length;
            return s;
        }

        /** A text as {@link Out#packed} wrote it. */
        kb.content.PackedText packed() throws IOException {
            if (!readBoolean()) {
                return kb.content.PackedText.of(string());
            }
            int length = readInt(); // the inflated length, which may pass a small file's size
            try {
                return kb.content.PackedText.ofDeflated(bytes(), length);
            } catch (IllegalArgumentException e) {
                throw new EOFException("not what a build wrote: " + e.getMessage());
            }
        }

        int count() throws IOException {
            int n = readInt();
            if (n < 0 || n > size) {
                throw new EOFException("count " + n + " past the end of the file");
            }
            return n;
        }

        byte[] bytes() throws IOException {
            return bytes(readInt());
        }

        int[] ints() throws IOException {
            int length = readInt();
            check(length);
            if (length % 4 != 0) {
                throw new EOFException("ints of " + length + " bytes");
            }
            need(length);
            int[] out = new int[length / 4];
            byte[] b = window;
            for (int k = 0, i = at; k < out.length; k++, i += 4) {
                out[k] = (b[i] & 0xFF) << 24 | (b[i + 1] & 0xFF) << 16 | (b[i + 2] & 0xFF) << 8 | (b[i + 3] & 0xFF);
            }
            at += length;
            return out;
        }

        private byte[] bytes(int length) throws IOException {
            check(length);
            need(length);
            byte[] b = Arrays.copyOfRange(window, at, at + length);
            at += length;
            return b;
        }

        private void check(int length) throws EOFException {
            if (length < 0 || length > size) {
                throw new EOFException("length " + length + " past the end of the file");
            }
        }
    }
}
