package kb.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kb.search.Analyses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The added file of analysed texts numbers its words after the whole file's: it is read beside
 * the whole file it was written with, and beside any other (whose words its ids would misname)
 * it is not read at all. Entries are decoded when asked for, as they were written; a file that is
 * damaged in any way gives none.
 */
class AnalysesFileTest {
    private static final String KEY = "kb test";
    private static final Analyses.Key FIRST = new Analyses.Key(1, 2, 3, 4);
    private static final Analyses.Key SECOND = new Analyses.Key(5, 6, 7, 8);

    @TempDir
    Path site;

    @Test
    void anAddedFileIsReadBesideTheWholeFileItNames() throws IOException {
        long sum = whole(List.of("token"), FIRST);
        added(sum, 1, List.of("scope"), SECOND, 1);
        assertEquals(List.of("token", "scope"), AnalysesFile.read(site, KEY).analyses().words());
    }

    @Test
    void anAddedFileBesideAnotherWholeFileIsNotRead() throws IOException {
        long sum = whole(List.of("token"), FIRST);
        added(sum ^ 1, 1, List.of("scope"), SECOND, 1);
        assertEquals(List.of("token"), AnalysesFile.read(site, KEY).analyses().words());
    }

    @Test
    void anAddedFileCountingOtherWordsIsNotRead() throws IOException {
        long sum = whole(List.of("token"), FIRST);
        added(sum, 2, List.of("scope"), SECOND, 1);
        assertEquals(List.of("token"), AnalysesFile.read(site, KEY).analyses().words());
    }

    @Test
    void anAddedFileWithoutItsWholeFileLeavesNothing() throws IOException {
        added(0, 0, List.of("scope"), SECOND, 0);
        assertEquals(List.of(), AnalysesFile.read(site, KEY).analyses().words());
    }

    @Test
    void eachEntryIsDecodedAsItWasWrittenFromEitherFile() throws IOException {
        long sum = whole(List.of("token"), FIRST);
        added(sum, 1, List.of("scope"), SECOND, 1);
        AnalysesFile read = AnalysesFile.read(site, KEY);
        assertArrayEquals(new int[][] {{1 << 24}}, read.entry(FIRST));
        assertArrayEquals(new int[][] {{1 | 1 << 24}}, read.entry(SECOND));
        assertNull(read.entry(new Analyses.Key(1, 2, 3, 5)));
    }

    @Test
    void aWholeFileWithOneByteChangedIsNotRead() throws IOException {
        whole(List.of("token"), FIRST);
        Path file = site.resolve(AnalysesFile.WHOLE);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 12] ^= 0x01; // in the entry's ints, the checksum left as it was
        Files.write(file, bytes);
        AnalysesFile read = AnalysesFile.read(site, KEY);
        assertEquals(List.of(), read.analyses().words());
        assertNull(read.entry(FIRST));
    }

    @Test
    void aDamagedAddedFileIsNotReadAndTheWholeOneIs() throws IOException {
        long sum = whole(List.of("token"), FIRST);
        added(sum, 1, List.of("scope"), SECOND, 1);
        Path file = site.resolve(AnalysesFile.ADDED);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 3)); // truncated
        AnalysesFile read = AnalysesFile.read(site, KEY);
        assertEquals(List.of("token"), read.analyses().words());
        assertArrayEquals(new int[][] {{1 << 24}}, read.entry(FIRST));
        assertNull(read.entry(SECOND));
    }

    /** Writes the whole file: {@code words}, one entry of the first word; returns its checksum. */
    private long whole(List<String> words, Analyses.Key key) throws IOException {
        Path file = site.resolve(AnalysesFile.WHOLE);
        CacheFile.write(file, KEY, List.of(words), (out, w) -> {
            out.count(w.size());
            for (String word : w) {
                out.data.writeUTF(word);
            }
            out.count(1);
            AnalysesFile.writeEntry(out, key, new int[][] {{1 << 24}});
        });
        byte[] bytes = Files.readAllBytes(file);
        return ByteBuffer.wrap(bytes).getLong(bytes.length - Long.BYTES);
    }

    /** Writes the added file, naming a whole file by {@code sum} and {@code wholeWords}, with one entry of word {@code id}. */
    private void added(long sum, int wholeWords, List<String> words, Analyses.Key key, int id) throws IOException {
        CacheFile.write(site.resolve(AnalysesFile.ADDED), KEY, List.of(words), (out, w) -> {
            out.data.writeLong(sum);
            out.count(wholeWords);
            out.count(w.size());
            for (String word : w) {
                out.data.writeUTF(word);
            }
            out.count(1);
            AnalysesFile.writeEntry(out, key, new int[][] {{id | 1 << 24}});
        });
    }
}
