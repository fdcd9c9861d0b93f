package kb.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import kb.pipeline.IncrementalBuild.Update;
import kb.diagnostic.KbException;
import kb.testing.TestSites;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncrementalBuildTest {
    private static final String ARTICLE = "articles/linkedin/token-expiration.md";

    @TempDir
    Path dir;

    /** A copy of the shipped content and theme, so every test edits its own and nothing else changes them. */
    private Path content() throws IOException {
        copy(TestSites.TEMPLATES, dir.resolve("templates"));
        return copy(TestSites.CONTENT, dir.resolve("content"));
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                Files.createDirectories(target.getParent());
                Files.copy(f, target);
            }
        }
        return to;
    }

    private BuildOptions options(Path content, Path out) {
        return new BuildOptions(content, dir.resolve("templates"), out, null, false, true, false);
    }

    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.contains(from), "fixture changed: " + from);
        Files.writeString(file, text.replace(from, to));
    }

    @Test
    void aBodyEditRewritesThatPageOnlyAndEndsAsAFullBuildWould() throws IOException {
        Path content = content();
        Path out = dir.resolve("site");
        try (IncrementalBuild build = new IncrementalBuild(options(content, out))) {
            assertEquals(Update.Kind.FULL, build.full().kind());
            Map<String, String> before = tree(out);
            edit(content.resolve(ARTICLE), "LinkedIn gives Lofty a token", "LinkedIn grants Lofty a zebracorn token");

            Update update = build.apply(List.of(content.resolve(ARTICLE)));

            assertEquals(Update.Kind.PAGES, update.kind());
            assertEquals(List.of("linkedin/token-expiration/"), update.pages());
            assertTrue(Jsoup.parse(Files.readString(out.resolve("linkedin/token-expiration/index.html")))
                    .selectFirst(".article-body").text().contains("LinkedIn grants Lofty a zebracorn token"));
            Map<String, String> after = tree(out);
            List<String> changed = new ArrayList<>();
            after.forEach((path, bytes) -> {
                if (!bytes.equals(before.get(path))) {
                    changed.add(path);
                }
            });
            assertEquals(List.of("linkedin/token-expiration/index.html", "linkedin/token-expiration/index.md",
                    "widget.js", "widget/a/501.js"), changed, "the page, its Markdown copy, and the widget's copy");
            assertTrue(build.searchStale());

            assertEquals(Update.Kind.SEARCH, build.refreshSearch().kind());
            assertSameSite(fullBuild(content), out);
        }
    }

    @Test
    void aTitleEditRewritesEveryPageThatShowsTheTitleAndEndsAsAFullBuildWould() throws IOException {
        Path content = content();
        Path out = dir.resolve("site");
        try (IncrementalBuild build = new IncrementalBuild(options(content, out))) {
            build.full();
            edit(content.resolve(ARTICLE), "title: LinkedIn yearly token expiry", "title: Aardvark LinkedIn expiry");

            Update update = build.apply(List.of(content.resolve(ARTICLE)));

            assertEquals(Update.Kind.PAGES, update.kind());
            assertTrue(update.pages().containsAll(List.of("linkedin/token-expiration/", "linkedin/", "",
                    "linkedin/access-revoked/", "a/501/", "sitemap.xml")), update.pages().toString());
            build.refreshSearch();
            assertSameSite(fullBuild(content), out);
        }
    }

    @Test
    void anErrorWritesNothingAndStaysPendingUntilFixed() throws IOException {
        Path content = content();
        Path out = dir.resolve("site");
        try (IncrementalBuild build = new IncrementalBuild(options(content, out))) {
            build.full();
            Map<String, String> before = tree(out);
            Path article = content.resolve(ARTICLE);
            String good = Files.readString(article);
            edit(article, "title: LinkedIn yearly token expiry", "title: [LinkedIn yearly");

            KbException e = assertThrows(KbException.class, () -> build.apply(List.of(article)));
            assertTrue(e.problems().get(0).toString().startsWith(content.resolve(ARTICLE) + ":"), e.problems().toString());
            assertEquals(before, tree(out));

            Path other = content.resolve("articles/linkedin/access-revoked.md");
            edit(other, "---\n\n", "---\n\nA new first line.\n\n");
            assertThrows(KbException.class, () -> build.apply(List.of(other)), "the broken article is still broken");
            assertEquals(before, tree(out));

            Files.writeString(article, good.replace("LinkedIn gives Lofty", "LinkedIn now gives Lofty"));
            Update fixed = build.apply(List.of(article));
            assertEquals(Update.Kind.PAGES, fixed.kind());
            assertTrue(fixed.pages().containsAll(List.of("linkedin/token-expiration/", "linkedin/access-revoked/")));
        }
    }

    @Test
    void aBrokenLinkToTheEditedArticlesAnchorIsCaughtInTheArticleThatLinks() throws IOException {
        Path content = content();
        try (IncrementalBuild build = new IncrementalBuild(options(content, dir.resolve("site")))) {
            build.full();
            edit(content.resolve(ARTICLE), "## How long a LinkedIn token lasts {#how-long}", "## How long a LinkedIn token lasts");
            KbException e = assertThrows(KbException.class, () -> build.apply(List.of(content.resolve(ARTICLE))));
            assertTrue(e.problems().stream().anyMatch(p -> p.isError() && p.message().contains("how-long")
                    && !p.where().file().equals(content.resolve(ARTICLE))), e.problems().toString());
        }
    }

    /** A tiny site: kb.yaml and two articles, for the cases that rebuild it whole. */
    private Path tiny() throws IOException {
        copy(TestSites.TEMPLATES, dir.resolve("templates"));
        return TestSites.minimal(dir.resolve("content"), Map.of(
                "first.md", "---\nid: 1\ntitle: First\n---\n\nHello.\n",
                "second.md", "---\nid: 2\ntitle: Second\n---\n\nSee [the first](first.md).\n"));
    }

    @Test
    void addedFilesTemplatesAndSettingsRunAFullBuildAndTemporaryFilesNothing() throws IOException {
        Path content = tiny();
        Path out = dir.resolve("site");
        try (IncrementalBuild build = new IncrementalBuild(options(content, out))) {
            build.full();
            Path swap = content.resolve("articles/basics/.first.md.swp");
            Files.writeString(swap, "x");
            assertEquals(Update.Kind.NONE, build.apply(List.of(swap)).kind());
            Path gone = content.resolve("articles/basics/4913");
            assertEquals(Update.Kind.NONE, build.apply(List.of(gone)).kind(), "a file that came and went");

            Path added = content.resolve("articles/basics/new-one.md");
            Files.writeString(added, "---\nid: 3\ntitle: New one\n---\n\nHello.\n");
            Update full = build.apply(List.of(added));
            assertEquals(Update.Kind.FULL, full.kind());
            assertEquals("an article was added: articles/basics/new-one.md", full.reason().replace('\\', '/'));
            assertTrue(Files.isRegularFile(out.resolve("basics/new-one/index.html")));

            assertEquals(Update.Kind.FULL, build.apply(List.of(content.resolve("kb.yaml"))).kind());
            assertEquals(Update.Kind.FULL, build.apply(List.of(dir.resolve("templates/article.peb"))).kind());
            Files.delete(added);
            assertEquals(Update.Kind.FULL, build.apply(List.of(added)).kind());
            assertTrue(Files.notExists(out.resolve("basics/new-one/index.html")));
        }
    }

    @Test
    void draftsStayOutUnlessShownAndPublishingOneRebuilds() throws IOException {
        Path content = tiny();
        Path draft = content.resolve("articles/basics/coming-soon.md");
        Files.writeString(draft, "---\nid: 9\ntitle: Coming soon\ndraft: true\n---\n\nSoon.\n");
        Path out = dir.resolve("site");
        try (IncrementalBuild build = new IncrementalBuild(options(content, out))) {
            build.full();
            Files.writeString(draft, "---\nid: 9\ntitle: Coming soon\ndraft: true\n---\n\nSooner.\n");
            assertEquals(Update.Kind.NONE, build.apply(List.of(draft)).kind());
            assertTrue(Files.notExists(out.resolve("basics/coming-soon/index.html")));
            Files.writeString(draft, "---\nid: 9\ntitle: Coming soon\n---\n\nNow.\n");
            assertEquals(Update.Kind.FULL, build.apply(List.of(draft)).kind());
            assertTrue(Files.isRegularFile(out.resolve("basics/coming-soon/index.html")));
        }
    }

    @Test
    void withDraftsShownADraftIsUpdatedInPlaceWithItsBadge() throws IOException {
        Path content = tiny();
        Path draft = content.resolve("articles/basics/coming-soon.md");
        Files.writeString(draft, "---\nid: 9\ntitle: Coming soon\ndraft: true\n---\n\nSoon.\n");
        Path out = dir.resolve("site");
        BuildOptions drafts = new BuildOptions(content, dir.resolve("templates"), out, null, true, true, false);
        try (IncrementalBuild build = new IncrementalBuild(drafts)) {
            build.full();
            Files.writeString(draft, "---\nid: 9\ntitle: Coming soon\ndraft: true\n---\n\nSooner.\n");
            assertEquals(Update.Kind.PAGES, build.apply(List.of(draft)).kind());
            org.jsoup.nodes.Document page = Jsoup.parse(Files.readString(out.resolve("basics/coming-soon/index.html")));
            assertEquals("Draft", page.selectFirst("h1 .badge").text());
            assertEquals("Sooner.", page.selectFirst(".article-body").text());
        }
    }

    private Path fullBuild(Path content) {
        Path fresh = dir.resolve("fresh");
        new SiteBuild(options(content, fresh)).run();
        return fresh;
    }

    /**
     * Every file of both sites is identical, except the Lucene indexes {@code kb search} opens and
     * its fingerprint: a preview leaves them as the last full build wrote them (kb search sees the
     * content changed since and indexes afresh).
     */
    private static void assertSameSite(Path expected, Path actual) {
        Map<String, String> want = tree(expected);
        Map<String, String> got = tree(actual);
        assertEquals(want.keySet(), got.keySet());
        List<String> differ = want.keySet().stream().filter(k -> !want.get(k).equals(got.get(k))).toList();
        assertEquals(List.of(), differ, "files that differ from a full build");
    }

    private static Map<String, String> tree(Path root) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path f : all.filter(Files::isRegularFile).toList()) {
                String rel = root.relativize(f).toString().replace('\\', '/');
                if (!rel.startsWith(".kb/") && !rel.contains("/.kb/")) { // each language's index: es/.kb/
                    files.put(rel, Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
