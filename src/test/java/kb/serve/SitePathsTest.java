package kb.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SitePathsTest {
    @TempDir
    Path dir;
    Path site;

    @BeforeEach
    void site() throws IOException {
        site = Files.createDirectories(dir.resolve("site"));
        Files.writeString(site.resolve("index.html"), "home");
        Files.createDirectories(site.resolve("guide"));
        Files.writeString(site.resolve("guide/index.html"), "guide");
        Files.createDirectories(site.resolve("assets"));
        Files.writeString(site.resolve("assets/kb.css"), "css");
        Files.writeString(site.resolve(".hidden"), "hidden");
        Files.writeString(dir.resolve("secret.txt"), "secret");
        Files.createDirectories(dir.resolve("outside"));
        Files.writeString(dir.resolve("outside/index.html"), "outside");
    }

    @Test
    void servesFilesAndFolderIndexes() throws IOException {
        assertEquals(site.resolve("index.html").toRealPath(), found("/"));
        assertEquals(site.resolve("guide/index.html").toRealPath(), found("/guide/"));
        assertEquals(site.resolve("assets/kb.css").toRealPath(), found("/assets/kb.css"));
        assertEquals(site.resolve("assets/kb.css").toRealPath(), found("/%61ssets/kb.css"));
    }

    @Test
    void aFolderWithoutItsSlashRedirects() {
        SitePaths.Redirect r = assertInstanceOf(SitePaths.Redirect.class, SitePaths.resolve(site, "/guide"));
        assertEquals("/guide/", r.location());
    }

    @Test
    void neverListsAFolder() {
        assertInstanceOf(SitePaths.NotFound.class, SitePaths.resolve(site, "/assets/"));
    }

    @Test
    void aFileIsNotAFolder() {
        assertInstanceOf(SitePaths.NotFound.class, SitePaths.resolve(site, "/assets/kb.css/"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/..", "/../secret.txt", "/assets/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt",
        "/.%2e/secret.txt", "/assets%2f..%2f..%2fsecret.txt", "/%2e%2e%2fsecret.txt", "/%252e%252e/secret.txt",
        "/..%5csecret.txt", "/%5c..%5csecret.txt", "/assets\\..\\..\\secret.txt", "/a%00b", "/index.html%00.css",
        "/%c0%ae%c0%ae/secret.txt", "/%e0%80%ae%e0%80%ae/secret.txt", "/%zz", "/%", "/%2", "/./index.html",
        "/C:%5cWindows", "relative", ""})
    void refusesTraversalInEveryEncoding(String path) {
        assertInstanceOf(SitePaths.BadRequest.class, SitePaths.resolve(site, path), path);
    }

    @Test
    void aNullPathIsABadRequest() {
        assertInstanceOf(SitePaths.BadRequest.class, SitePaths.resolve(site, null));
    }

    @Test
    void hiddenFilesAreNotServed() {
        assertInstanceOf(SitePaths.NotFound.class, SitePaths.resolve(site, "/.hidden"));
        assertInstanceOf(SitePaths.NotFound.class, SitePaths.resolve(site, "/%2ehidden"));
    }

    @Test
    void symbolicLinksOutOfTheSiteAreNotFollowed() throws IOException {
        Files.createSymbolicLink(site.resolve("leak.txt"), dir.resolve("secret.txt"));
        Files.createSymbolicLink(site.resolve("leak"), dir.resolve("outside"));
        Files.createSymbolicLink(site.resolve("guide/up"), dir);
        assertInstanceOf(SitePaths.NotFound.class, SitePaths.resolve(site, "/leak.txt"));
        assertInstanceOf(SitePaths.NotFound.class, SitePaths.resolve(site, "/leak/"));
        assertInstanceOf(SitePaths.NotFound.class, SitePaths.resolve(site, "/leak/index.html"));
        assertInstanceOf(SitePaths.NotFound.class, SitePaths.resolve(site, "/guide/up/secret.txt"));
    }

    @Test
    void aSymbolicLinkThatStaysInsideTheSiteWorks() throws IOException {
        Files.createSymbolicLink(site.resolve("alias.css"), site.resolve("assets/kb.css"));
        assertEquals(site.resolve("assets/kb.css").toRealPath(), found("/alias.css"));
    }

    @Test
    void anIndexThatLinksOutOfTheSiteIsNotServed() throws IOException {
        Files.createDirectories(site.resolve("trap"));
        Files.createSymbolicLink(site.resolve("trap/index.html"), dir.resolve("secret.txt"));
        assertInstanceOf(SitePaths.NotFound.class, SitePaths.resolve(site, "/trap/"));
    }

    @Test
    void noSiteYetIsNotFound() {
        assertInstanceOf(SitePaths.NotFound.class, SitePaths.resolve(dir.resolve("missing"), "/"));
    }

    private Path found(String path) {
        return assertInstanceOf(SitePaths.Found.class, SitePaths.resolve(site, path), path).file();
    }
}
