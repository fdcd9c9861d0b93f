package kb.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import kb.search.Hit;
import kb.testing.TestSites;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kb search} answers from the index the last build left only while the content is what
 * that build read, and tells so without reading every file when none was written since.
 */
class SiteSearchTest {
    private static final String OLD = "Tokens last ninety days before they expire.";
    private static final String NEW = "Tokens last twelve hours before they renew.";

    @TempDir
    Path dir;
    Path content;
    Path site;

    @BeforeEach
    void build() throws IOException {
        content = TestSites.minimal(dir.resolve("content"), Map.of(
                "tokens.md", "---\nid: 1\ntitle: Token lifetime\n---\n\n" + OLD + "\n",
                "profile.md", "---\nid: 2\ntitle: Edit your profile\n---\n\nChange your name and photo.\n"));
        site = dir.resolve("site");
    }

    /** Dates every content file an hour back, as files are that were not written just before a build. */
    private void settle() throws IOException {
        FileTime hourAgo = FileTime.from(Instant.now().minusSeconds(3600));
        try (Stream<Path> files = Files.walk(content)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(f, hourAgo);
            }
        }
    }

    private record Answer(boolean fromSite, List<String> titles) { }

    private Answer search(String query) {
        SiteSearch.Opened opened = SiteSearch.open(new BuildOptions(content, TestSites.TEMPLATES, site, null, false, false, false));
        try (var index = opened.index()) {
            return new Answer(opened.fromSite(), index.search(query, 5, false).stream().map(Hit::title).toList());
        }
    }

    private String stats() throws IOException {
        return Files.readString(site.resolve(SiteSearch.STATS)).strip();
    }

    @Test
    void anUnchangedFolderIsKnownByItsFilesTimesAndSizes() throws IOException {
        settle();
        TestSites.build(content, site);
        assertEquals(ContentFingerprint.stats(content).hash(), stats());
        assertEquals(new Answer(true, List.of("Token lifetime")), search("ninety"));
    }

    @Test
    void anEditOfTheSameLengthIsNoLongerTheBuiltIndex() throws IOException {
        settle();
        TestSites.build(content, site);
        Path article = content.resolve("articles/basics/tokens.md");
        Files.writeString(article, Files.readString(article).replace(OLD, NEW));
        assertEquals(OLD.length(), NEW.length(), "the fixture keeps the file's size");
        assertEquals(new Answer(false, List.of("Token lifetime")), search("twelve"));
        assertEquals(new Answer(false, List.of()), search("ninety"));
    }

    @Test
    void aTouchedButUnchangedFileStillOpensTheBuiltIndexByItsBytes() throws IOException {
        settle();
        TestSites.build(content, site);
        Files.setLastModifiedTime(content.resolve("articles/basics/profile.md"), FileTime.from(Instant.now()));
        assertEquals(new Answer(true, List.of("Token lifetime")), search("ninety"));
    }

    @Test
    void anAddedFileIsNoLongerTheBuiltIndexUntilItIsGone() throws IOException {
        settle();
        TestSites.build(content, site);
        TestSites.write(content, Map.of("articles/basics/renewal.md", "---\nid: 3\ntitle: Renewal\n---\n\nRenew it.\n"));
        assertFalse(search("ninety").fromSite());
        Files.delete(content.resolve("articles/basics/renewal.md"));
        assertTrue(search("ninety").fromSite());
    }

    @Test
    void filesWrittenJustBeforeTheBuildAreComparedByTheirBytes() throws IOException {
        settle();
        // Dated after the build's clock, as a file written in the stamp's tick, or by a clock ahead.
        Path article = content.resolve("articles/basics/tokens.md");
        FileTime written = FileTime.from(Instant.now().plusSeconds(60));
        Files.setLastModifiedTime(article, written);
        TestSites.build(content, site);
        assertEquals("racy", stats(), "a file written within the file system's tick of the stamp");
        assertTrue(search("ninety").fromSite());
        Files.writeString(article, Files.readString(article).replace(OLD, NEW));
        Files.setLastModifiedTime(article, written);
        assertEquals(new Answer(false, List.of("Token lifetime")), search("twelve"));
    }

    /**
     * A rebuild takes the digest of each file unchanged since the build before (by its size and
     * time) and reads the others, and stamps what reading every file gives; a damaged record of
     * them is not trusted.
     */
    @Test
    void aRebuildReadsOnlyTheFilesChangedSinceAndStampsWhatReadingThemAllGives() throws IOException {
        settle();
        TestSites.build(content, site);
        List<String> recorded = Files.readAllLines(site.resolve(SiteSearch.FILES));
        assertTrue(recorded.stream().anyMatch(l -> l.endsWith("\tarticles/basics/profile.md")), recorded.toString());
        Path article = content.resolve("articles/basics/tokens.md");
        Files.writeString(article, Files.readString(article).replace(OLD, NEW));
        Files.setLastModifiedTime(article, FileTime.from(Instant.now().minusSeconds(600)));
        TestSites.build(content, site);
        assertEquals(ContentFingerprint.of(content), fingerprint());
        // Touched: the stats differ, so kb search compares the bytes, which the stamp vouches for.
        Files.setLastModifiedTime(content.resolve("articles/basics/profile.md"), FileTime.from(Instant.now()));
        assertEquals(new Answer(true, List.of("Token lifetime")), search("twelve"));
        Files.writeString(site.resolve(SiteSearch.FILES), "12\tnot a number\tdigest\tarticles/basics/tokens.md\n");
        Files.writeString(article, Files.readString(article).replace(NEW, OLD));
        TestSites.build(content, site);
        assertEquals(ContentFingerprint.of(content), fingerprint());
    }

    private String fingerprint() throws IOException {
        return Files.readString(site.resolve(SiteSearch.FINGERPRINT)).strip();
    }
}
