package kb.output;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;

/**
 * A commit that updates the site at {@code --out} in place: the staging folder holds only the
 * files this build made anew, every other file of the new site is the old site's own file,
 * left where it is. Replacing the whole folder instead (see {@link SiteWriter#commit}) made a
 * warm build at 10,000 articles re-create 20,000 folders and hard-link 40,000 unchanged files
 * into the staging folder, then delete as many names with the old site: about 3.6 s of system
 * time of each one-edit rebuild ({@code cp -al} and {@code rm -rf} of that site: 1.74 and
 * 1.87 s), for a handful of changed pages.
 *
 * <p>The commit point is the plan, a file beside {@code --out} naming what the new site no longer
 * has, renamed into place once complete. Before it, nothing of the old site was touched (a failed
 * or killed build leaves it as it was); after it, {@link #finish} (run by the next build or
 * {@code kb check} if this one is killed) deletes those files and moves the staged ones in, each
 * step one that can be done again. Readers of the site see old and new files side by side only
 * while those few renames run.
 *
 * <p>Finding what the new site no longer has takes one look at each of its folders: those a
 * commit before recorded ({@link SiteFolders}) and that still have the time and inode it saw
 * are not listed again.
 */
final class SiteUpdate {
    /** What a plan starts with, so that a file of another kind is never taken for one. */
    private static final String MAGIC = "kb site update 1";

    private SiteUpdate() {
    }

    /** The plan of a commit under way for the site at {@code out}. */
    static Path plan(Path out) {
        return out.resolveSibling("." + out.getFileName() + ".commit");
    }

    /**
     * Commits: finds what of the old site the new one does not hold ({@code kept} names the old
     * files it keeps, {@code staging} holds the rest), records it in the plan, then applies it.
     */
    static void commit(Path out, Path staging, Set<String> kept) throws IOException {
        List<String> gone = record(out, staging, kept);
        apply(out, staging, gone);
        Files.delete(plan(out));
    }

    /**
     * The commit point: finds what of the old site the new one does not hold and records it in
     * the plan, which is renamed into place whole; returns it.
     */
    static List<String> record(Path out, Path staging, Set<String> kept) throws IOException {
        Set<String> staged = new HashSet<>(relativeFiles(staging));
        staged.add(SiteFolders.FILE); // written below, before the commit point
        Set<String> files = new HashSet<>(kept);
        files.addAll(staged);
        Set<String> folders = new HashSet<>();
        for (String f : files) {
            for (int at = f.lastIndexOf('/'); at > 0; at = f.lastIndexOf('/', at - 1)) {
                if (!folders.add(f.substring(0, at))) {
                    break; // its parents are in already
                }
            }
        }
        Queue<String> found = new ConcurrentLinkedQueue<>();
        Map<String, String> stats = new ConcurrentHashMap<>();
        sweep(out, "", new Site(files, staged, folders, SiteFolders.read(out)), stats, found);
        List<String> gone = new ArrayList<>(found);
        // The folders this commit changes (a name moved in or deleted, a folder made) are listed
        // again by the next one: their times change after the sweep took them.
        for (String path : staged) {
            stats.keySet().removeAll(parents(path));
        }
        for (String path : gone) {
            stats.keySet().removeAll(parents(path));
        }
        SiteFolders.write(staging.resolve(SiteFolders.FILE), stats, names(files, folders));
        Path plan = plan(out);
        Path partial = plan.resolveSibling(plan.getFileName() + ".tmp");
        try (DataOutputStream data = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(partial)))) {
            data.writeUTF(MAGIC);
            data.writeInt(gone.size());
            for (String g : gone) {
                data.writeUTF(g);
            }
        }
        Files.move(partial, plan, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return gone;
    }

    /**
     * Finishes a commit a killed build left half done, if there is one: the plan's deletions and
     * the staged files' moves again (those already done are skipped).
     */
    static void finish(Path out, Path staging) throws IOException {
        Path plan = plan(out);
        Files.deleteIfExists(plan.resolveSibling(plan.getFileName() + ".tmp")); // not committed: nothing to finish
        if (!Files.isRegularFile(plan, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        List<String> gone = new ArrayList<>();
        try (DataInputStream data = new DataInputStream(new BufferedInputStream(Files.newInputStream(plan)))) {
            if (!data.readUTF().equals(MAGIC)) {
                throw new IOException("not a plan of kb's: " + plan);
            }
            for (int n = data.readInt(); n > 0; n--) {
                gone.add(data.readUTF());
            }
        } catch (IOException e) {
            // Renamed into place only when whole, so this is damage from elsewhere: the staged
            // files still go in, and the next build's sweep deletes what the plan would have.
            gone.clear();
        }
        if (Files.isDirectory(staging, LinkOption.NOFOLLOW_LINKS)) {
            apply(out, staging, gone);
        } else {
            delete(out, gone);
        }
        Files.delete(plan);
    }

    /** Deletes what the new site does not hold, then moves the staged files into the site. */
    private static void apply(Path out, Path staging, List<String> gone) throws IOException {
        delete(out, gone);
        Aside aside = new Aside(out);
        for (String file : relativeFiles(staging)) {
            Path target = out.resolve(file);
            Files.createDirectories(target.getParent());
            aside.keep(target);
            try {
                Files.move(staging.resolve(file), target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (NoSuchFileException e) {
                // moved meanwhile by a kb check that found the plan and finished the update too
            }
        }
        SiteWriter.deleteTree(staging); // its folders, empty now
    }

    /**
     * The large files a commit replaces, hard-linked into the trash beside the site before the
     * rename that replaces them: the rename then removes a name, and the next build frees their
     * blocks on its trash thread while it loads ({@link SiteWriter#emptyTrash}). Renaming over a
     * 44 MB file took 25-100 ms on the benchmark's machine against 0.3 ms over a small one, and a
     * one-edit warm build at 10,000 articles replaces about 150 MB of kb's own files (the build
     * cache, the search index) this way.
     */
    private static final class Aside {
        /** Files smaller than this are freed by the rename itself, as any small page is. */
        private static final long LARGE = 1 << 20;
        private final Path out;
        private Path folder;
        private int count;

        Aside(Path out) {
            this.out = out;
        }

        void keep(Path target) throws IOException {
            BasicFileAttributes a;
            try {
                a = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                return; // a new file: nothing is replaced
            }
            if (!a.isRegularFile() || a.size() < LARGE) {
                return;
            }
            if (folder == null) {
                folder = SiteWriter.trashFolder(out);
            }
            try {
                Files.createLink(folder.resolve(Integer.toString(count++)), target);
            } catch (IOException | UnsupportedOperationException e) {
                // no links here: the rename frees the file, as it did before
            }
        }
    }

    private static void delete(Path out, List<String> gone) throws IOException {
        for (String g : gone) {
            SiteWriter.deleteTree(out.resolve(g)); // a file, a link or a whole folder; never what a link points to
        }
    }

    /** The new site as the sweep compares the old one with it: every file, those staged, every folder, and the record of the old one's folders. */
    private record Site(Set<String> files, Set<String> staged, Set<String> folders, SiteFolders before) { }

    /**
     * Visits {@code folder} of the old site and everything below it that the new site keeps a
     * folder of, adding to {@code gone} each entry the new site has no file or folder for, and
     * each folder of the new site that is something else on disk (a file, a link: a link is
     * never followed, so nothing outside the site is listed or deleted). Each folder is asked
     * its type and stat (into {@code stats}); one whose stat is the one {@link SiteFolders}
     * recorded is not listed, its names are taken from the record. Files are not asked their
     * type: the kept files were checked by the build cache, and a staged file that finds a
     * folder in its place is caught here too.
     */
    private static void sweep(Path out, String folder, Site site, Map<String, String> stats, Queue<String> gone)
            throws IOException {
        Path dir = folder.isEmpty() ? out : out.resolve(folder);
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(dir, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return; // a folder the new site adds
        }
        if (!attributes.isDirectory()) {
            gone.add(folder); // a file or a link where the new site has a folder (never the root: an update needs one)
            return;
        }
        String stat = SiteFolders.stat(attributes);
        stats.put(folder, stat);
        List<String> below = new ArrayList<>();
        List<String> names = site.before().names(folder, stat);
        if (names != null) {
            for (String name : names) {
                boolean wasFolder = name.endsWith("/");
                String path = join(folder, wasFolder ? name.substring(0, name.length() - 1) : name);
                if (site.folders().contains(path)) {
                    if (wasFolder) {
                        below.add(path);
                    } else {
                        gone.add(path);
                    }
                } else if (!site.files().contains(path) || wasFolder && site.staged().contains(path)) {
                    gone.add(path);
                }
            }
        } else {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                for (Path entry : entries) {
                    String path = join(folder, entry.getFileName().toString());
                    if (site.folders().contains(path)) {
                        below.add(path); // its own visit asks its type
                    } else if (!site.files().contains(path)) {
                        gone.add(path);
                    } else if (site.staged().contains(path) && Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                        gone.add(path); // a rename cannot put a file over a folder
                    }
                }
            } catch (NoSuchFileException e) {
                stats.remove(folder);
                return; // deleted meanwhile
            }
        }
        try {
            below.parallelStream().forEach(f -> {
                try {
                    sweep(out, f, site, stats, gone);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static String join(String folder, String name) {
        return folder.isEmpty() ? name : folder + "/" + name;
    }

    /** The folders above {@code path}, up to the root (""). */
    private static List<String> parents(String path) {
        List<String> out = new ArrayList<>();
        for (int at = path.lastIndexOf('/'); at > 0; at = path.lastIndexOf('/', at - 1)) {
            out.add(path.substring(0, at));
        }
        out.add("");
        return out;
    }

    /** Each folder's names in the new site, a folder's ending in '/'. */
    private static Map<String, List<String>> names(Set<String> files, Set<String> folders) {
        Map<String, List<String>> names = new HashMap<>();
        names.put("", new ArrayList<>());
        folders.forEach(f -> names.put(f, new ArrayList<>()));
        for (String f : files) {
            int at = f.lastIndexOf('/');
            names.get(at < 0 ? "" : f.substring(0, at)).add(f.substring(at + 1));
        }
        for (String f : folders) {
            int at = f.lastIndexOf('/');
            names.get(at < 0 ? "" : f.substring(0, at)).add(f.substring(at + 1) + "/");
        }
        return names;
    }

    /** The files under {@code folder}, as paths relative to it with '/' between names. */
    private static List<String> relativeFiles(Path folder) throws IOException {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .map(p -> folder.relativize(p).toString().replace('\\', '/')).toList();
        }
    }
}
