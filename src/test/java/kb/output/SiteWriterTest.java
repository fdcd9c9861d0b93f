package kb.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kb.diagnostic.KbException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output folder: built beside --out, swapped in whole, nothing written anywhere else. */
class SiteWriterTest {
    @TempDir
    Path dir;

    private Path site() throws IOException {
        Path out = dir.resolve("site");
        Files.createDirectories(out.resolve("old"));
        Files.writeString(out.resolve("index.html"), "old home");
        Files.writeString(out.resolve("old/index.html"), "old page");
        return out;
    }

    private List<String> siblings() throws IOException {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void refusesEveryPathThatWouldLandOutsideTheSite() throws IOException {
        try (SiteWriter w = SiteWriter.open(dir.resolve("site"))) {
            for (String bad : List.of("../escape.html", "a/../../escape.html", "/etc/passwd", "C:/x.html", "c:\\x.html",
                    "a\\..\\..\\x.html", "https://evil.example/x", "javascript:alert(1)", "", ".", "a/..", "./")) {
                assertThrows(IllegalArgumentException.class, () -> w.resolve(bad), bad);
                assertThrows(IllegalArgumentException.class, () -> w.write(bad, "x"), bad);
            }
            assertEquals(w.root().resolve("faq/index.html"), w.resolve("faq/index.html"));
            assertEquals(w.root().resolve("a/b.html"), w.resolve("a/./c/../b.html"));
        }
        assertFalse(Files.exists(dir.resolve("escape.html")));
        assertFalse(Files.exists(dir.getParent().resolve("escape.html")));
    }

    @Test
    void writesGoToAHiddenStagingFolderUntilTheCommitSwapsThemIn() throws IOException {
        Path out = site();
        try (SiteWriter w = SiteWriter.open(out)) {
            w.write("index.html", "new home");
            w.write("faq/index.html", "faq");
            assertEquals("old home", Files.readString(out.resolve("index.html")), "readers see the old site meanwhile");
            assertEquals(List.of(".site.new", "site"), siblings());
            w.commit();
        }
        assertEquals("new home", Files.readString(out.resolve("index.html")));
        assertEquals("faq", Files.readString(out.resolve("faq/index.html")));
        assertFalse(Files.exists(out.resolve("old")), "nothing of the old site is mixed in");
        assertEquals(List.of(".site.trash", "site"), siblings(), "the old site waits in the trash, no staging folder is left");
        SiteWriter.emptyTrash(out).await();
        assertEquals(List.of("site"), siblings(), "the next build deletes it");
    }

    @Test
    void theNextBuildDeletesTheOldSiteWhileItWritesAndLeavesOnlyTheOneItReplaced() throws IOException {
        Path out = site();
        for (String home : List.of("second home", "third home")) {
            SiteWriter.Trash trash = SiteWriter.emptyTrash(out);
            try (SiteWriter w = SiteWriter.open(out)) {
                w.write("index.html", home);
                w.commit();
            }
            trash.await();
        }
        assertEquals("third home", Files.readString(out.resolve("index.html")));
        Path trash = dir.resolve(".site.trash");
        try (var sites = Files.list(trash)) {
            List<Path> left = sites.toList();
            assertEquals(1, left.size(), "the first site was deleted by the third build");
            assertEquals("second home", Files.readString(left.get(0).resolve("index.html")));
        }
    }

    @Test
    void aBuildThatIsNotCommittedLeavesTheOldSiteAndNoTrace() throws IOException {
        Path out = site();
        try (SiteWriter w = SiteWriter.open(out)) {
            w.write("index.html", "half-built");
        }
        assertEquals("old home", Files.readString(out.resolve("index.html")));
        assertEquals(List.of("site"), siblings());
    }

    @Test
    void aSwapKilledBetweenItsTwoRenamesIsUndoneByTheNextStart() throws IOException {
        Path out = site();
        // What a kill -9 right after the first rename of a commit leaves: the old site aside, the new one staged.
        Files.move(out, dir.resolve(".site.old"));
        Files.createDirectories(dir.resolve(".site.new"));
        Files.writeString(dir.resolve(".site.new/index.html"), "half of a new site");
        SiteWriter.recover(out);
        assertEquals("old home", Files.readString(out.resolve("index.html")));
        try (SiteWriter w = SiteWriter.open(out)) {
            assertFalse(Files.exists(w.root().resolve("index.html")), "a killed build's staging folder is thrown away");
        }
        assertEquals(List.of("site"), siblings());
    }

    @Test
    void aStaleOldFolderBesideAnIntactSiteIsIgnoredAndCleanedUp() throws IOException {
        Path out = site();
        Files.createDirectories(dir.resolve(".site.old"));
        Files.writeString(dir.resolve(".site.old/index.html"), "older");
        try (SiteWriter w = SiteWriter.open(out)) {
            assertEquals("old home", Files.readString(out.resolve("index.html")));
            w.write("index.html", "new");
            w.commit();
        }
        assertEquals("new", Files.readString(out.resolve("index.html")));
        SiteWriter.emptyTrash(out).await();
        assertEquals(List.of("site"), siblings());
    }

    @Test
    void refusesToReplaceAFolderThatIsNotASiteKbBuilt() throws IOException {
        Path content = dir.resolve("content");
        Files.createDirectories(content.resolve("articles"));
        Files.writeString(content.resolve("kb.yaml"), "name: x\n");
        KbException e = assertThrows(KbException.class, () -> SiteWriter.open(content));
        assertEquals(content + ":1:1: refusing to replace " + content
                + ": it holds files but no index.html, so it is not a site kb built (choose a new or empty folder for --out)",
                e.problems().get(0).toString());
        assertTrue(Files.exists(content.resolve("kb.yaml")), "the folder is untouched");
    }

    @Test
    void refusesTheWorkingFolderItsParentsTheHomeFolderTheRootAndFiles() throws IOException {
        Path cwd = Path.of("").toAbsolutePath();
        for (Path bad : List.of(cwd, cwd.getParent(), Path.of(System.getProperty("user.home")), cwd.getRoot())) {
            assertThrows(KbException.class, () -> SiteWriter.open(bad), bad.toString());
        }
        Path file = Files.writeString(dir.resolve("notes.txt"), "keep me");
        assertThrows(KbException.class, () -> SiteWriter.open(file));
        assertEquals("keep me", Files.readString(file));
    }

    @Test
    void acceptsANewAnEmptyOrAHiddenOnlyFolder() throws IOException {
        Files.createDirectories(dir.resolve("empty"));
        Files.createDirectories(dir.resolve("hidden"));
        Files.writeString(dir.resolve("hidden/.gitkeep"), "");
        for (String name : List.of("new", "empty", "hidden")) {
            try (SiteWriter w = SiteWriter.open(dir.resolve(name))) {
                w.write("index.html", "home");
                w.commit();
            }
            assertEquals("home", Files.readString(dir.resolve(name).resolve("index.html")));
        }
    }

    @Test
    void aSymbolicLinkInsideASiteWrittenInPlaceCannotCarryAWriteOutside() throws IOException {
        Path out = site();
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.createSymbolicLink(out.resolve("linked"), outside);
        try (SiteWriter w = SiteWriter.inPlace(out)) {
            assertThrows(UncheckedIOException.class, () -> w.write("linked/index.html", "escaped"));
        }
        assertFalse(Files.exists(outside.resolve("index.html")));
    }

    @Test
    void deletingTheOldSiteNeverFollowsALinkOutOfIt() throws IOException {
        Path out = site();
        Path outside = Files.createDirectories(dir.resolve("precious"));
        Files.writeString(outside.resolve("keep.txt"), "keep");
        Files.createSymbolicLink(out.resolve("link"), outside);
        try (SiteWriter w = SiteWriter.open(out)) {
            w.write("index.html", "new");
            w.commit();
        }
        assertEquals("keep", Files.readString(outside.resolve("keep.txt")));
    }

    /** A site as a warm build finds it: pages, a section to be removed, a stray file. */
    private Path builtSite() throws IOException {
        Path out = site();
        Files.createDirectories(out.resolve("billing/refunds"));
        Files.writeString(out.resolve("billing/refunds/index.html"), "refunds");
        Files.writeString(out.resolve("billing/index.html"), "billing");
        Files.createDirectories(out.resolve("gone/deep"));
        Files.writeString(out.resolve("gone/deep/index.html"), "removed section");
        Files.writeString(out.resolve("billing/stray.html"), "put here by hand");
        return out;
    }

    private static Object inode(Path file) throws IOException {
        return Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
    }

    @Test
    void anUpdateKeepsUnchangedFilesWhereTheyAreAndLeavesExactlyTheNewSite() throws IOException {
        Path out = builtSite();
        Object refunds = inode(out.resolve("billing/refunds/index.html"));
        try (SiteWriter w = SiteWriter.update(out)) {
            w.reuse(out.resolve("billing/refunds/index.html"), "billing/refunds/index.html");
            w.reuse(out.resolve("billing/index.html"), "billing/index.html");
            w.write("index.html", "new home");
            w.write("billing/new/index.html", "a new page");
            assertEquals("refunds", w.existing("billing/refunds/index.html") == null ? null
                    : Files.readString(w.existing("billing/refunds/index.html")), "a kept file is found where it is");
            assertEquals("old home", Files.readString(out.resolve("index.html")), "readers see the old site meanwhile");
            w.commit();
        }
        assertEquals(refunds, inode(out.resolve("billing/refunds/index.html")), "the kept file was not touched");
        assertEquals(List.of("billing/index.html", "billing/new/index.html", "billing/refunds/index.html", "index.html"),
                files(out), "the removed section, the old page and the stray file are gone");
        assertEquals("new home", Files.readString(out.resolve("index.html")));
        assertEquals(List.of("site"), siblings(), "no staging folder, plan or trash is left");
    }

    @Test
    void anUpdateThatIsNotCommittedLeavesTheOldSiteAsItWas() throws IOException {
        Path out = builtSite();
        List<String> before = files(out);
        try (SiteWriter w = SiteWriter.update(out)) {
            w.reuse(out.resolve("billing/index.html"), "billing/index.html");
            w.write("index.html", "half-built");
        }
        assertEquals(before, files(out));
        assertEquals("old home", Files.readString(out.resolve("index.html")));
        assertEquals(List.of("site"), siblings());
    }

    @Test
    void anUpdateKilledAfterItsCommitPointIsFinishedByTheNextStart() throws IOException {
        Path out = builtSite();
        Path staging = dir.resolve(".site.new");
        // What a kill -9 right after the plan was renamed into place leaves.
        Files.createDirectories(staging.resolve("billing/new"));
        Files.writeString(staging.resolve("index.html"), "new home");
        Files.writeString(staging.resolve("billing/new/index.html"), "a new page");
        SiteUpdate.record(out, staging, java.util.Set.of("billing/index.html", "billing/refunds/index.html"));
        assertEquals("old home", Files.readString(out.resolve("index.html")), "nothing moved yet");
        SiteWriter.recover(out);
        assertEquals(List.of("billing/index.html", "billing/new/index.html", "billing/refunds/index.html", "index.html"),
                files(out));
        assertEquals("new home", Files.readString(out.resolve("index.html")));
        assertEquals(List.of("site"), siblings());
    }

    @Test
    void anUpdatePutsAFileWhereAFolderWasAndAFolderWhereAFileWas() throws IOException {
        Path out = builtSite();
        try (SiteWriter w = SiteWriter.update(out)) {
            w.reuse(out.resolve("billing/index.html"), "billing/index.html");
            w.write("index.html", "home");
            w.write("gone", "a file now");
            w.write("billing/stray.html/index.html", "a folder now");
            w.commit();
        }
        assertEquals(List.of("billing/index.html", "billing/stray.html/index.html", "gone", "index.html"), files(out));
    }

    @Test
    void anUpdateNeverFollowsALinkOutOfTheSite() throws IOException {
        Path out = builtSite();
        Path outside = Files.createDirectories(dir.resolve("precious"));
        Files.writeString(outside.resolve("keep.txt"), "keep");
        Files.createSymbolicLink(out.resolve("linked"), outside);
        try (SiteWriter w = SiteWriter.update(out)) {
            w.reuse(out.resolve("billing/index.html"), "billing/index.html");
            w.write("index.html", "home");
            w.commit();
        }
        assertEquals("keep", Files.readString(outside.resolve("keep.txt")));
        assertFalse(Files.exists(out.resolve("linked"), java.nio.file.LinkOption.NOFOLLOW_LINKS), "the link itself is gone");
    }

    @Test
    void anUpdateOfEveryFileMovesThemAllIn() throws IOException {
        Path out = builtSite();
        try (SiteWriter w = SiteWriter.update(out)) {
            w.write("index.html", "home");
            w.write("faq/index.html", "faq");
            w.commit();
        }
        assertEquals(List.of("faq/index.html", "index.html"), files(out));
        assertEquals(List.of("site"), siblings());
    }

    /** An update keeping every file but the home page, as a one-edit warm build's is. */
    private static void updateHome(Path out, String home) throws IOException {
        try (SiteWriter w = SiteWriter.update(out)) {
            w.reuse(out.resolve("billing/index.html"), "billing/index.html");
            w.reuse(out.resolve("billing/refunds/index.html"), "billing/refunds/index.html");
            w.write("index.html", home);
            w.commit();
        }
    }

    /** Sets every folder of the site a minute back, as if the last change were that old. */
    private static void age(Path out) throws IOException {
        kb.testing.FixtureSites.backdate(out, Files::isDirectory, 60);
    }

    @Test
    void anUpdateFindsAFilePutByHandIntoAFolderItsRecordHolds() throws IOException {
        Path out = builtSite();
        updateHome(out, "home 1");
        age(out);
        updateHome(out, "home 2"); // records the folders' times as they are now
        Files.writeString(out.resolve("billing/refunds/by-hand.html"), "put here by hand");
        updateHome(out, "home 3");
        assertEquals(List.of("billing/index.html", "billing/refunds/index.html", "index.html"), files(out),
                "the file put into a recorded folder is gone, as a build without the record leaves it");
        assertEquals("home 3", Files.readString(out.resolve("index.html")));
    }

    @Test
    void aFolderWhoseTimeAndInodeAreAsRecordedIsNotListedAgain() throws IOException {
        Path out = builtSite();
        updateHome(out, "home 1");
        age(out);
        updateHome(out, "home 2");
        Path refunds = out.resolve("billing/refunds");
        var time = Files.getLastModifiedTime(refunds);
        Files.writeString(refunds.resolve("by-hand.html"), "put here by hand");
        Files.setLastModifiedTime(refunds, time); // what no ordinary write does: the folder looks untouched
        updateHome(out, "home 3");
        assertTrue(Files.exists(refunds.resolve("by-hand.html")), "taken from the record, the folder was not listed");
        Files.writeString(out.resolve(".kb/folders.bin"), "damaged");
        updateHome(out, "home 4");
        assertEquals(List.of("billing/index.html", "billing/refunds/index.html", "index.html"), files(out),
                "a damaged record is no record: every folder is listed");
    }

    @Test
    void aLargeFileAnUpdateReplacesGoesToTheTrashForTheNextBuildToDelete() throws IOException {
        Path out = builtSite();
        Files.createDirectories(out.resolve(".kb"));
        Files.write(out.resolve(".kb/index.bin"), new byte[2 << 20]);
        try (SiteWriter w = SiteWriter.update(out)) {
            w.reuse(out.resolve("billing/index.html"), "billing/index.html");
            w.write("index.html", "new home");
            w.write(".kb/index.bin", "a new index");
            w.commit();
        }
        assertEquals("a new index", Files.readString(out.resolve(".kb/index.bin")));
        assertEquals(List.of(".site.trash", "site"), siblings(), "the replaced file's blocks are not freed by the commit");
        SiteWriter.emptyTrash(out).await();
        assertEquals(List.of("site"), siblings(), "the next build deletes it");
        assertEquals("a new index", Files.readString(out.resolve(".kb/index.bin")));
    }

    /** The site's files, kb's own working files under .kb/ aside. */
    private static List<String> files(Path root) throws IOException {
        try (var all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.startsWith(".kb/")).sorted().toList();
        }
    }
}
