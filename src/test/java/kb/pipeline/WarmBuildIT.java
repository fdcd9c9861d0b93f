package kb.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.testing.FixtureSites;
import kb.testing.KbJar;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build cache across processes, as writers and CI use it: each {@code java -jar kb.jar
 * build} a fresh JVM. After one article is edited, the next build takes every other page from
 * the cache (what it prints says so) and makes the site a build without the cache makes. One
 * JVM would hide what differs between processes (the JDK salts {@code Map.of}'s order anew in each).
 */
class WarmBuildIT {
    private static final Path JAR = KbJar.JAR;
    private static final Pattern REUSED = Pattern.compile("from the build cache: ([\\d,]+) of ([\\d,]+) Markdown documents, "
            + "([\\d,]+) of ([\\d,]+) pages");
    private static final Pattern DOCUMENTS = Pattern.compile("([\\d,]+) of ([\\d,]+) search documents");

    @TempDir
    Path dir;

    private static String build(Path content, Path site, String... more) throws Exception {
        List<String> command = new ArrayList<>(KbJar.command(List.of(), "build", "--content", content.toString(), "--out", site.toString()));
        command.addAll(List.of(more));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "the build finished");
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    private static List<String> withoutKb(Path site) {
        return FixtureSites.hashes(site).stream().filter(h -> !h.startsWith(".kb/") && !h.contains("/.kb/")).toList();
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, Files.readString(file) + text);
    }

    private static int number(String s) {
        return Integer.parseInt(s.replace(",", ""));
    }

    @Test
    void aNewProcessReusesEveryPageAnEditDidNotTouch() throws Exception {
        assertTrue(Files.isRegularFile(JAR), "build the jar first (mvn verify runs this after package): " + JAR);
        Path content = FixtureSites.copyTree(Path.of("content"), dir.resolve("content"));
        Path site = dir.resolve("site");
        build(content, site);
        Path article = content.resolve("articles/getting-started/how-to-reconnect.md");
        append(article, "\nOne more sentence, to rebuild.\n");

        String warm = build(content, site);
        Matcher reused = REUSED.matcher(warm);
        assertTrue(reused.find(), warm);
        assertEquals(number(reused.group(2)) - 1, number(reused.group(1)), "every other document's Markdown: " + warm);
        int pages = number(reused.group(4));
        int pagesReused = number(reused.group(3));
        // The article's page, its neighbours' (its summary in their navigation) and the section's page render again.
        assertTrue(pagesReused > pages / 2 && pagesReused < pages, warm);
        // The search index takes every other record's document from the index the first process left.
        Matcher documents = DOCUMENTS.matcher(warm);
        assertTrue(documents.find(), warm);
        int taken = number(documents.group(1));
        assertTrue(taken >= number(documents.group(2)) - 10 && taken < number(documents.group(2)), warm);

        Path cold = dir.resolve("cold");
        build(content, cold, "--no-cache");
        assertEquals("", FixtureSites.diff(withoutKb(cold), withoutKb(site)));
        assertTrue(Jsoup.parse(Files.readString(site.resolve("getting-started/how-to-reconnect/index.html")))
                .select("main").text().contains("One more sentence, to rebuild."));
    }

    @Test
    void aSecondEditInAThirdProcessReadsWhatTheSecondAddedAndUpdatesTheSiteInPlace() throws Exception {
        assertTrue(Files.isRegularFile(JAR), "build the jar first (mvn verify runs this after package): " + JAR);
        Path content = FixtureSites.copyTree(Path.of("content"), dir.resolve("content"));
        Path site = dir.resolve("site");
        build(content, site);
        Path untouched = site.resolve("faq/index.html");
        Object faq = inode(untouched);
        Path first = content.resolve("articles/getting-started/how-to-reconnect.md");
        append(first, "\nOne more sentence, to rebuild.\n");
        build(content, site);
        assertEquals(faq, inode(untouched), "a page the edit did not change is the very file it was");
        assertEquals(List.of("content", "site"), siblings(), "updated in place: no old site to delete, no staging folder");
        Path second = content.resolve("articles/getting-started/contact-support.md");
        append(second, "\nAnd another one.\n");

        String warm = build(content, site);
        Matcher reused = REUSED.matcher(warm);
        assertTrue(reused.find(), warm);
        // The first edit's Markdown comes from the file of what the second build added.
        assertEquals(number(reused.group(2)) - 1, number(reused.group(1)), "every other document's Markdown: " + warm);
        assertEquals(faq, inode(untouched));
        assertEquals(List.of("content", "site"), siblings());
        Path cold = dir.resolve("cold");
        build(content, cold, "--no-cache");
        assertEquals("", FixtureSites.diff(withoutKb(cold), withoutKb(site)));
    }

    private static Object inode(Path file) throws IOException {
        return Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
    }

    private List<String> siblings() throws IOException {
        try (var all = Files.list(dir)) {
            return all.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
