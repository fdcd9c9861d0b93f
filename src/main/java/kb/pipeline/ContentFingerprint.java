package kb.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A hash of every file under content/: tells {@code kb search} whether the built index is current. */
final class ContentFingerprint {
    /**
     * How recent a file's modification time may be when {@link #stats} are taken and still be
     * trusted: a file written in the same tick of the file system's clock as the stamp (a second
     * on some file systems, two on FAT) could change again without its time changing.
     */
    static final Duration RACY = Duration.ofSeconds(2);

    private ContentFingerprint() {
    }

    /** Every content file's bytes: exact, and the cost of reading them all (61 MB at 10,000 articles). */
    static String of(Path content) {
        return of(content, Map.of(), Instant.now()).fingerprint();
    }

    /**
     * One content file's digest, and the size and time it had when read ({@link #of(Path, Map,
     * Instant)} takes the digest again for a file that still has both).
     */
    record File(long size, long modified, String digest) { }

    /** The fingerprint of {@link #of(Path)}, and each file's digest a later build may take ({@link File}). */
    record Read(String fingerprint, Map<String, File> files) { }

    /**
     * {@link #of(Path)}, taking each file's digest from {@code known} when the file still has the
     * size and time recorded there, as the stats do: a warm build read all 10,000 articles a
     * second time for it. The digests given back leave out files written within {@link #RACY}
     * of {@code now}, which could change again without their time changing.
     */
    static Read of(Path content, Map<String, File> known, Instant now) {
        return of(content, files(content), known, now);
    }

    /**
     * {@link #of(Path, Map, Instant)} over the files {@link #files} listed: one walk serves it and
     * the {@link #stats} a build stamps with them, where each walked the folder (and this one
     * asked each file's attributes twice more), four {@code stat}s a content file.
     */
    static Read of(Path content, Listed listed, Map<String, File> known, Instant now) {
        try {
            MessageDigest digest = versioned();
            Map<String, File> files = new java.util.TreeMap<>();
            for (var file : listed.files().entrySet()) {
                String name = file.getKey();
                BasicFileAttributes attributes = file.getValue();
                long modified = attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS);
                File before = known.get(name);
                String own = before != null && before.size() == attributes.size() && before.modified() == modified
                        ? before.digest() : fileDigest(Files.readAllBytes(content.resolve(name)));
                digest.update(name.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(own.getBytes(StandardCharsets.UTF_8));
                if (!attributes.lastModifiedTime().toInstant().isAfter(now.minus(RACY))) {
                    files.put(name, new File(attributes.size(), modified, own));
                }
            }
            return new Read(HexFormat.of().formatHex(digest.digest()), files);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fileDigest(byte[] bytes) {
        MessageDigest d = new Fingerprint();
        d.update(bytes);
        return HexFormat.of().formatHex(d.digest());
    }

    /**
     * Every content file's path, size and modification time, as make, git and Hugo tell a changed
     * file, for a directory walk instead of reading the bytes; {@link #racy} when a file was
     * written too recently to be told apart this way.
     */
    static Stats stats(Path content) {
        return stats(files(content));
    }

    /** The content files by their path below {@code content/} (with {@code /}), in order, with their attributes. */
    record Listed(java.util.SortedMap<String, BasicFileAttributes> files) { }

    /**
     * Every content file ({@link FolderFiles#under}). The published-URL manifest is left out: kb's
     * own record, rewritten by a build, it must not make the next build's output differ from this one's.
     */
    static Listed files(Path content) {
        try {
            java.util.TreeMap<String, BasicFileAttributes> files = FolderFiles.under(content);
            files.remove(kb.check.PublishedManifest.FILE);
            return new Listed(java.util.Collections.unmodifiableSortedMap(files));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@link #stats(Path)} of the files {@link #files} listed. */
    static Stats stats(Listed listed) {
        MessageDigest digest = versioned();
        FileTime newest = FileTime.fromMillis(0);
        StringBuilder line = new StringBuilder();
        for (var file : listed.files().entrySet()) {
            FileTime modified = file.getValue().lastModifiedTime();
            line.setLength(0);
            line.append(file.getKey()).append('\0').append(file.getValue().size()).append('\0')
                    .append(modified.to(TimeUnit.NANOSECONDS)).append('\n');
            digest.update(line.toString().getBytes(StandardCharsets.UTF_8));
            newest = modified.compareTo(newest) > 0 ? modified : newest;
        }
        return new Stats(HexFormat.of().formatHex(digest.digest()), newest);
    }

    /** {@link #stats}: the hash, and the newest modification time among the files. */
    record Stats(String hash, FileTime newest) {
        /** Whether a file was modified within {@link #RACY} of {@code now}, so the hash cannot vouch for it. */
        boolean racy(Instant now) {
            return newest.toInstant().isAfter(now.minus(RACY));
        }
    }

    /** A digest that starts with every chain's version: kb.yaml says which one the index was built with. */
    private static MessageDigest versioned() {
        MessageDigest digest = new Fingerprint();
        digest.update(("kb-search-" + kb.search.BrowserExport.VERSION
                + java.util.Arrays.stream(kb.search.Chain.values()).map(kb.search.Chain::version).toList())
                .getBytes(StandardCharsets.UTF_8));
        return digest;
    }
}
