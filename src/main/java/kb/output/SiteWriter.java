package kb.output;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import kb.diagnostic.KbException;
import kb.diagnostic.Problem;
import kb.diagnostic.SourceLocation;

/**
 * Writes a build into a staging folder beside {@code --out}, then swaps it in. A failed or
 * killed build leaves the previous site as it was; every write is checked to stay inside the
 * staging folder, whatever a slug or alias says.
 */
public final class SiteWriter implements AutoCloseable {
    private final Path out;
    private final Path staging;
    private final AtomicLong bytes = new AtomicLong();
    /**
     * Folders of the staging folder this writer made or found, each checked once to lie inside it
     * by its real path: checked again for every file, the same folders took a failed mkdir (and
     * an exception), two real-path walks and their failed readlink calls per file, about 20
     * system calls for each of a 10,000-article site's 43,000 files. Only for a staging folder,
     * which nothing but this build changes; a preview's writer into the live site checks each time.
     */
    private final Set<Path> checkedFolders = ConcurrentHashMap.newKeySet();
    private Path realStaging;
    private boolean committed;
    /**
     * The old site's files the new one keeps where they are, by path, when this build updates the
     * site in place ({@link #update}); null when it replaces the whole folder.
     */
    private final Set<String> kept;

    private SiteWriter(Path out, Path staging, boolean update) {
        this.out = out;
        this.staging = staging;
        this.kept = update ? ConcurrentHashMap.newKeySet() : null;
    }

    /**
     * Starts a build for {@code out}, first restoring a site a killed swap left half-moved.
     *
     * @throws KbException when {@code out} is a folder kb must not replace (see {@link #checkReplaceable})
     */
    public static SiteWriter open(Path out) throws IOException {
        return open(out, false);
    }

    /**
     * Starts a build that keeps what it can of the site at {@code out} (a warm build): a file
     * taken unchanged from it ({@link #reuse}) stays where it is, the staging folder holds only
     * what is new, and the commit updates the site in place (see {@link SiteUpdate}). Where there
     * is no site yet, the commit puts the staging folder in place as {@link #open}'s does.
     */
    public static SiteWriter update(Path out) throws IOException {
        return open(out, true);
    }

    private static SiteWriter open(Path out, boolean update) throws IOException {
        Path target = out.toAbsolutePath().normalize();
        recover(target);
        checkReplaceable(target);
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path staging = staging(target);
        deleteTree(staging);
        Files.createDirectories(staging);
        return new SiteWriter(target, staging, update && Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS));
    }

    private static Path staging(Path out) {
        return out.resolveSibling("." + out.getFileName() + ".new");
    }

    /**
     * Writes straight into an existing site, for a preview's incremental update: each file is
     * replaced atomically (a server reading it sees the old or the new bytes), nothing is swapped,
     * and closing never deletes anything.
     */
    public static SiteWriter inPlace(Path out) throws IOException {
        Path target = out.toAbsolutePath().normalize();
        Files.createDirectories(target);
        SiteWriter writer = new SiteWriter(target, target, false);
        writer.committed = true;
        return writer;
    }

    /** Where the site is being written; the search index is built directly in here. */
    public Path root() {
        return staging;
    }

    public void write(String relativePath, String text) {
        write(relativePath, text.getBytes(StandardCharsets.UTF_8));
    }

    public void write(String relativePath, byte[] data) {
        writeFile(relativePath, data);
        bytes.addAndGet(data.length);
    }

    /**
     * Writes one of kb's own files of the site (under {@code .kb/}) as {@link #write} does,
     * without counting it in {@link #bytesWritten}, like {@link #reuseOwn}: the summary's site
     * size is what readers are served.
     */
    public void writeOwn(String relativePath, String text) {
        writeFile(relativePath, text.getBytes(StandardCharsets.UTF_8));
    }

    private void writeFile(String relativePath, byte[] data) {
        Path file = resolve(relativePath);
        try {
            createParents(file);
            if (staging.equals(out)) {
                Path temp = file.resolveSibling("." + file.getFileName() + ".tmp");
                Files.write(temp, data);
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                // A new file, never the old site's bytes written over: a page reused from the old
                // site is a hard link to its file (see reuse), and a failed build must leave it as it was.
                Files.deleteIfExists(file);
                Files.write(file, data);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + relativePath, e);
        }
    }

    /** Copies a file (a theme asset) into the site. */
    public void copy(Path source, String relativePath) {
        Path file = resolve(relativePath);
        try {
            createParents(file);
            Files.copy(source, file, StandardCopyOption.REPLACE_EXISTING);
            bytes.addAndGet(Files.size(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + source, e);
        }
    }

    /**
     * Puts a file of the site at {@code --out} unchanged into the new site: a hard link, so no
     * byte is copied (the swap then deletes the old name, not the file), or a copy where the file
     * system has no links.
     */
    public void reuse(Path existing, String relativePath) {
        bytes.addAndGet(place(existing, relativePath, -1));
    }

    /** {@link #reuse(Path, String)} of a file known to be {@code length} bytes long: no call asks its size. */
    public void reuse(Path existing, String relativePath, long length) {
        bytes.addAndGet(place(existing, relativePath, length));
    }

    /**
     * Puts one of kb's own files of the site at {@code --out} (the build cache, under
     * {@code .kb/}) into the new site as {@link #reuse} does, without counting it in
     * {@link #bytesWritten}: that is the site's size in the build's summary, and the cache files
     * written through {@link #resolve} are not counted either, so a warm build reports the size
     * a cold one does.
     */
    public void reuseOwn(Path existing, String relativePath) {
        place(existing, relativePath, -1);
    }

    /** Links or copies {@code existing} to {@code relativePath}; returns its length ({@code known} when a link, if not -1). */
    private long place(Path existing, String relativePath, long known) {
        Path file = resolve(relativePath);
        try {
            if (staging.equals(out)) {
                byte[] data = Files.readAllBytes(existing);
                writeFile(relativePath, data);
                return data.length;
            }
            if (kept != null && existing.toAbsolutePath().normalize().equals(out.resolve(staging.relativize(file)))) {
                kept.add(staging.relativize(file).toString().replace('\\', '/')); // it stays where it is
                return known >= 0 ? known : Files.size(existing);
            }
            createParents(file);
            try {
                Files.createLink(file, existing);
                if (known >= 0) {
                    return known; // the very file, whose length the caller checked
                }
            } catch (IOException | UnsupportedOperationException e) {
                Files.copy(existing, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reuse " + existing, e);
        }
    }

    /**
     * The file of the new site at {@code relativePath} as it is so far: written into the staging
     * folder, or kept in place in the old site; null when there is none.
     */
    public Path existing(String relativePath) {
        Path file = staging.resolve(relativePath).normalize();
        if (!file.startsWith(staging)) {
            return null; // outside the site: no file of it
        }
        if (Files.isRegularFile(file)) {
            return file;
        }
        String path = staging.relativize(file).toString().replace('\\', '/');
        return kept != null && kept.contains(path) ? out.resolve(path) : null;
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
        requireInside(relativePath);
        Path file = staging.resolve(relativePath).normalize();
        if (!file.startsWith(staging) || file.equals(staging)) {
            throw new IllegalArgumentException("refusing to write outside the site: " + relativePath);
        }
        return file;
    }

    /**
     * Refuses a path that would land outside the site (through {@code ..}, an absolute path or a
     * drive letter); {@code kb check}, which writes nothing, refuses what a build would.
     */
    public static void requireInside(String relativePath) {
        Path root = Path.of("/kb-site");
        Path file = root.resolve(relativePath).normalize();
        if (relativePath.contains("\\") || relativePath.contains(":") || relativePath.startsWith("/")
                || !file.startsWith(root) || file.equals(root)) {
            throw new IllegalArgumentException("refusing to write outside the site: " + relativePath);
        }
    }

    /**
     * Puts the new site in place: the old one is moved aside, the new one renamed in, the old one
     * put in the trash beside them for the next build to delete ({@link #emptyTrash}). Each
     * rename is atomic; {@link #recover} mends the one moment between the first two.
     *
     * <p>The old site is not deleted here: at 10,000 articles it is 43,000 file names and
     * 20,000 folders, 6 to 14 s of a warm build's wall time spent waiting on the file system
     * after the new site was already in place. The next build deletes it while it reads and
     * renders the content. Most of its files are hard links to the new site's (see
     * {@link #reuse}), so what it holds on disk until then is mostly names.
     *
     * <p>A writer opened by {@link #update} on an existing site instead updates it in place
     * ({@link SiteUpdate}): only the staged files move, and nothing goes to the trash.
     */
    public void commit() throws IOException {
        if (staging.equals(out)) {
            return; // written in place: there is nothing to swap
        }
        if (kept != null) {
            committed = true; // from the plan on, the next build finishes it rather than throw it away
            SiteUpdate.commit(out, staging, kept);
            return;
        }
        Path old = old(out);
        if (Files.exists(old, LinkOption.NOFOLLOW_LINKS)) {
            discard(out, old); // a commit killed after its renames left it: not a site to restore any more
        }
        if (Files.exists(out)) {
            Files.move(out, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(staging, out, StandardCopyOption.ATOMIC_MOVE);
        committed = true;
        if (Files.exists(old, LinkOption.NOFOLLOW_LINKS)) {
            discard(out, old);
        }
    }

    /**
     * Deletes, on a thread of its own, the old sites earlier commits put in the trash beside
     * {@code out}, while the build goes on; a stale old folder beside an intact site (a commit
     * killed after its renames) goes the same way. Call it holding the build's lock, after
     * {@link #recover}.
     *
     * @return the deletion under way, to be awaited before the build ends
     * @throws KbException when the old site cannot be moved into the trash
     */
    public static Trash emptyTrash(Path out) {
        try {
            return startEmptying(out.toAbsolutePath().normalize());
        } catch (IOException e) {
            throw cannotDelete(out, e);
        }
    }

    private static KbException cannotDelete(Path out, IOException e) {
        return new KbException(Problem.error(SourceLocation.of(out), "cannot delete the old site: " + e.getMessage()));
    }

    private static Trash startEmptying(Path target) throws IOException {
        Path old = old(target);
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && Files.isDirectory(old, LinkOption.NOFOLLOW_LINKS)) {
            discard(target, old);
        }
        Path trash = trash(target);
        if (!Files.isDirectory(trash, LinkOption.NOFOLLOW_LINKS)) {
            return new Trash(target, trash, null);
        }
        // What is in it now: this build's own commit adds its old site under another name meanwhile.
        List<Path> sites;
        try (Stream<Path> in = Files.list(trash)) {
            sites = in.toList();
        }
        FutureTask<Void> deletion = new FutureTask<>(() -> {
            for (Path site : sites) {
                deleteTree(site);
            }
            return null;
        });
        Thread t = new Thread(deletion, "kb-empty-trash");
        t.setDaemon(true); // a killed build leaves the rest to the next one
        t.start();
        return new Trash(target, trash, deletion);
    }

    /** The deletion of the trash, started by {@link #emptyTrash}. */
    public static final class Trash {
        private final Path out;
        private final Path folder;
        private final Future<Void> deletion;

        private Trash(Path out, Path folder, Future<Void> deletion) {
            this.out = out;
            this.folder = folder;
            this.deletion = deletion;
        }

        /**
         * Waits until the old sites found at the start are deleted, then removes the trash
         * folder if nothing else is in it (it holds this build's old site after a commit).
         *
         * @throws KbException when a file of them could not be deleted
         */
        public void await() {
            try {
                if (deletion != null) {
                    deletion.get();
                }
                Files.deleteIfExists(folder);
            } catch (DirectoryNotEmptyException e) {
                // This build's old site, for the next build to delete.
            } catch (ExecutionException e) {
                throw cannotDelete(out, e.getCause() instanceof IOException io ? io : new IOException(e.getCause()));
            } catch (IOException e) {
                throw cannotDelete(out, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw cannotDelete(out, new InterruptedIOException("interrupted"));
            }
        }
    }

    /** Moves {@code folder} (an old site beside {@code out}) into the trash, under a name of its own. */
    private static void discard(Path out, Path folder) throws IOException {
        Path trash = trash(out);
        Files.createDirectories(trash);
        // A name no deletion under way was given: the next build deletes what it finds.
        for (long n = System.currentTimeMillis(); ; n++) {
            Path into = trash.resolve(Long.toString(n));
            if (!Files.exists(into, LinkOption.NOFOLLOW_LINKS)) {
                Files.move(folder, into, StandardCopyOption.ATOMIC_MOVE);
                return;
            }
        }
    }

    /** A new, empty folder in the trash beside {@code out}, for the next build to delete with the rest. */
    static Path trashFolder(Path out) throws IOException {
        Path trash = trash(out);
        Files.createDirectories(trash);
        for (long n = System.currentTimeMillis(); ; n++) {
            try {
                return Files.createDirectory(trash.resolve(Long.toString(n)));
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // a name a deletion under way or an earlier commit has: the next one
            }
        }
    }

    private static Path trash(Path out) {
        return out.resolveSibling("." + out.getFileName() + ".trash");
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

    /**
     * A kill between the two renames of a commit leaves no site at {@code out}, only the old one
     * aside: puts it back. Readers of {@code out} see no site during that instant of a commit and
     * until this runs, so the build calls it before anything else, even a build that then fails,
     * and {@code kb check} calls it too. A build killed while it updated the site in place, after its
     * commit point, is finished ({@link SiteUpdate#finish}). A build killed before leaves nothing
     * else to mend: its staging folder is hidden beside {@code out} and thrown away by the next build.
     */
    public static void recover(Path out) throws IOException {
        Path target = out.toAbsolutePath().normalize();
        Path old = old(target);
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS) && Files.isDirectory(old, LinkOption.NOFOLLOW_LINKS)) {
            Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
        }
        SiteUpdate.finish(target, staging(target)); // an update in place killed after its commit point
    }

    /**
     * Refuses an {@code --out} whose replacement would lose someone's files: the file system root,
     * the working folder or home folder or one of their parents ({@code --out .}), something that
     * is not a folder, or a folder with files in it but no {@code index.html} ({@code --out content}).
     */
    static void checkReplaceable(Path out) throws IOException {
        String refused = null;
        Path cwd = Path.of("").toAbsolutePath().normalize();
        Path home = Path.of(System.getProperty("user.home", "/")).toAbsolutePath().normalize();
        if (out.getParent() == null) {
            refused = "it is the root of the file system";
        } else if (cwd.startsWith(out) || home.startsWith(out)) {
            refused = "it holds the working folder or the home folder";
        } else if (Files.exists(out, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS)) {
            refused = "it is not a folder";
        } else if (Files.isDirectory(out) && !Files.isRegularFile(out.resolve("index.html")) && hasVisibleFiles(out)) {
            refused = "it holds files but no index.html, so it is not a site kb built";
        }
        if (refused != null) {
            throw new KbException(Problem.error(SourceLocation.of(out), "refusing to replace " + out + ": " + refused,
                    "choose a new or empty folder for --out"));
        }
    }

    private static boolean hasVisibleFiles(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.anyMatch(p -> !p.getFileName().toString().startsWith("."));
        }
    }

    /**
     * Creates the folders above {@code file} and checks, on disk, that they are inside the site:
     * a symbolic link inside an existing site (written in place) must not carry a write elsewhere.
     */
    private void createParents(Path file) throws IOException {
        Path folder = file.getParent();
        if (!checkedFolders.contains(folder)) {
            Files.createDirectories(folder);
            if (realStaging == null) {
                realStaging = staging.toRealPath();
            }
            if (!folder.toRealPath().startsWith(realStaging)) {
                throw throughLink(file);
            }
            if (!staging.equals(out)) {
                checkedFolders.add(folder);
            }
        }
        if (Files.isSymbolicLink(file)) {
            throw throughLink(file);
        }
    }

    private IOException throughLink(Path file) {
        return new IOException("refusing to write through a symbolic link: " + staging.relativize(file));
    }

    /**
     * Deletes a folder and everything in it. Deleting a site is waiting on the file system, not
     * computing: a 10,000-article site is 43,000 files and 20,000 folders, which {@code rm -rf}
     * took 72 s to delete on the benchmark's busy machine and eight {@code rm} at a time 19 s. A
     * build that replaces a site pays it in its swap, so files go in parallel, then folders
     * deepest first.
     */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        List<Path> files = new ArrayList<>();
        List<Path> folders = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                files.add(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                folders.add(dir);
                return FileVisitResult.CONTINUE;
            }
        });
        deleteAll(files);
        // Each folder after every folder inside it: by depth, deepest first.
        Map<Integer, List<Path>> byDepth = new TreeMap<>(Comparator.reverseOrder());
        folders.forEach(f -> byDepth.computeIfAbsent(f.getNameCount(), d -> new ArrayList<>()).add(f));
        for (List<Path> level : byDepth.values()) {
            deleteAll(level);
        }
    }

    private static final int DELETERS = 8;

    private static void deleteAll(List<Path> paths) throws IOException {
        if (paths.size() < 64) {
            for (Path p : paths) {
                Files.delete(p);
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(DELETERS, r -> {
            Thread t = new Thread(r, "kb-delete");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> done = new ArrayList<>();
            int chunk = Math.max(64, paths.size() / (DELETERS * 4));
            for (int from = 0; from < paths.size(); from += chunk) {
                List<Path> part = paths.subList(from, Math.min(paths.size(), from + chunk));
                done.add(pool.submit(() -> {
                    for (Path p : part) {
                        Files.delete(p);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while deleting " + paths.get(0).getParent());
        } finally {
            pool.shutdownNow();
        }
    }
}
