package kb.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a build into a staging folder beside {@code --out}, then swaps it in. A failed or
 * killed build leaves the previous site as it was; every write is checked to stay inside the
 * staging folder, whatever a slug or alias says.
 */
public final class SiteWriter implements AutoCloseable {
    private final Path out;
    private final Path staging;
    private final AtomicLong bytes = new AtomicLong();
    private boolean committed;

    private SiteWriter(Path out, Path staging) {
        this.out = out;
        this.staging = staging;
    }

    /** Starts a build for {@code out}, first restoring a site a killed swap left half-moved. */
    public static SiteWriter open(Path out) throws IOException {
        Path target = out.toAbsolutePath().normalize();
        Path parent = target.getParent();
        Files.createDirectories(parent);
        recover(target);
        Path staging = parent.resolve("." + target.getFileName() + ".new");
        deleteTree(staging);
        Files.createDirectories(staging);
        return new SiteWriter(target, staging);
    }

    /** Where the site is being written; the search index is built directly in here. */
    public Path root() {
        return staging;
    }

    public void write(String relativePath, String text) {
        write(relativePath, text.getBytes(StandardCharsets.UTF_8));
    }

    public void write(String relativePath, byte[] data) {
        Path file = resolve(relativePath);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, data);
            bytes.addAndGet(data.length);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + relativePath, e);
        }
    }

    /** Copies a file (a theme asset) into the site. */
    public void copy(Path source, String relativePath) {
        Path file = resolve(relativePath);
        try {
            Files.createDirectories(file.getParent());
            Files.copy(source, file, StandardCopyOption.REPLACE_EXISTING);
            bytes.addAndGet(Files.size(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + source, e);
        }
    }

    /** Bytes written so far. */
    public long bytesWritten() {
        return bytes.get();
    }

    /**
     * A path inside the staging folder; anything that would land outside it (through {@code ..},
     * an absolute path or a drive letter) is refused.
     */
    public Path resolve(String relativePath) {
        if (relativePath.contains("\\") || relativePath.contains(":") || relativePath.startsWith("/")) {
            throw new IllegalArgumentException("refusing to write outside the site: " + relativePath);
        }
        Path file = staging.resolve(relativePath).normalize();
        if (!file.startsWith(staging) || file.equals(staging)) {
            throw new IllegalArgumentException("refusing to write outside the site: " + relativePath);
        }
        return file;
    }

    /**
     * Puts the new site in place: the old one is moved aside, the new one renamed in, the old one
     * deleted. Each rename is atomic; {@link #recover} mends the one moment between them.
     */
    public void commit() throws IOException {
        Path old = old(out);
        deleteTree(old);
        if (Files.exists(out)) {
            Files.move(out, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(staging, out, StandardCopyOption.ATOMIC_MOVE);
        committed = true;
        deleteTree(old);
    }

    /** Throws the staging folder away unless the build was committed. */
    @Override
    public void close() throws IOException {
        if (!committed) {
            deleteTree(staging);
        }
    }

    private static Path old(Path out) {
        return out.resolveSibling("." + out.getFileName() + ".old");
    }

    /** A kill between the two renames of a commit leaves only the old site aside: put it back. */
    private static void recover(Path out) throws IOException {
        Path old = old(out);
        if (!Files.exists(out) && Files.isDirectory(old)) {
            Files.move(old, out, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
