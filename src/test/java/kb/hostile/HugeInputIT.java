package kb.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import kb.cli.CliRun;
import kb.testing.TestSites;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 10 MB article renders, whole, in bounded time; a file over the 20 MB limit is refused unread. */
class HugeInputIT {
    /** The build takes 10-11 s on a quiet two-core machine (it took 15 s and more while the theme link check was quadratic). */
    private static final Duration LIMIT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    @Test
    void aTenMegabyteArticleRenders() throws IOException {
        Path content = TestSites.minimal(dir.resolve("content"), Map.of());
        String[] words = "token account connect facebook linkedin page admin password expire reconnect".split(" ");
        Random random = new Random(1);
        StringBuilder md = new StringBuilder("---\nid: 1\ntitle: Everything at once\n---\n\n## Start {#top}\n\n");
        int parts = 0;
        while (md.length() < 10 * 1024 * 1024) {
            parts++;
            md.append("## Part ").append(parts).append("\n\n");
            for (int p = 0; p < 6; p++) {
                for (int w = 0; w < 80; w++) {
                    md.append(words[random.nextInt(words.length)]).append(w % 17 == 0 ? " **bold** " : " ");
                }
                md.append("[back to the top](#top).\n\n");
            }
            md.append("- one\n- two\n  - nested\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n");
        }
        Files.writeString(content.resolve("articles/basics/huge.md"), md);
        long start = System.nanoTime();
        CliRun.Result run = assertTimeoutPreemptively(LIMIT, () -> CliRun.run("build", "--content", content.toString(),
                "--templates", TestSites.TEMPLATES.toString(), "--out", dir.resolve("site").toString()));
        long seconds = (System.nanoTime() - start) / 1_000_000_000;
        assertEquals(0, run.status(), run.err());
        System.out.println("10 MB article built in " + seconds + " s: " + run.out().lines().findFirst().orElse(""));
        Document doc = org.jsoup.Jsoup.parse(Files.readString(dir.resolve("site/basics/huge/index.html")));
        assertEquals("Part " + parts, doc.select(".article-body h2").last().text().replace("#", "").strip());
        assertEquals(parts + 1, doc.select(".article-body h2").size());
    }

    @Test
    void aFileOverTwentyMegabytesIsRefusedWithoutReadingIt() throws IOException {
        Path content = TestSites.minimal(dir.resolve("content"), Map.of());
        Path big = content.resolve("articles/basics/big.md");
        try (var file = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(21L * 1024 * 1024);
        }
        HostileBuild.Outcome outcome = HostileBuild.build(content);
        assertEquals(List.of("articles/basics/big.md:1:1: file is larger than 20 MB (split it into several articles)"),
                outcome.errors());
        assertTrue(outcome.status() == 1);
    }
}
