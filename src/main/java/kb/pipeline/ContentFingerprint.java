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
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

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
        try (Stream<Path> files = Files.walk(content)) {
            MessageDigest digest = versioned();
            for (Path file : files(content, files)) {
                digest.update(content.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(Files.readAllBytes(file));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every content file's path, size and modification time, as make, git and Hugo tell a changed
     * file, for a directory walk instead of reading the bytes; {@link #racy} when a file was
     * written too recently to be told apart this way.
     */
    static Stats stats(Path content) {
        // One walk that hands each file's attributes over (Files.walk plus readAttributes read each
        // twice), and relative paths as strings: the walk was 40% of a 10,000-article search (JFR).
        java.util.TreeMap<String, BasicFileAttributes> files = new java.util.TreeMap<>();
        String manifest = kb.check.PublishedManifest.FILE;
        try {
            int prefix = content.toString().length() + 1;
            Files.walkFileTree(content, new java.nio.file.SimpleFileVisitor<>() {
                @Override
                public java.nio.file.FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    String name = file.toString().substring(prefix).replace(java.io.File.separatorChar, '/');
                    // A link to a file stands for that file, as in #of: its size and time are the file's.
                    BasicFileAttributes target = attributes.isSymbolicLink() && Files.isRegularFile(file)
                            ? Files.readAttributes(file, BasicFileAttributes.class) : attributes;
                    if (target.isRegularFile() && !name.equals(manifest)) {
                        files.put(name, target);
                    }
                    return java.nio.file.FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MessageDigest digest = versioned();
        FileTime newest = FileTime.fromMillis(0);
        StringBuilder line = new StringBuilder();
        for (var file : files.entrySet()) {
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

    /**
     * The content files in a stable order. The published-URL manifest is kb's own record,
     * rewritten by a build: it must not make the next build's output differ from this one's.
     */
    private static java.util.List<Path> files(Path content, Stream<Path> walk) {
        Path manifest = content.resolve(kb.check.PublishedManifest.FILE);
        return walk.filter(Files::isRegularFile).filter(f -> !f.equals(manifest)).sorted().toList();
    }
}
