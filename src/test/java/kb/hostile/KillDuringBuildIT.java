package kb.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import kb.testing.FixtureSites;
import kb.testing.KbJar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing lost: {@code java -jar kb.jar build} killed with SIGKILL at many moments of a build of
 * 150 articles leaves {@code site/} as the old site or the new one, never a mix; a kill in the
 * instant between the two renames of the swap (no site at all) is mended by the next
 * {@code kb check} or build, and so is a kill while a build that updates the site in place moves
 * its files in (its plan, beside the site, is its commit point: the next command finishes it, and
 * the site is the new one). The site then answers {@code kb search} from its Lucene index.
 */
class KillDuringBuildIT {
    private static final Path JAR = KbJar.JAR;
    private static final String TEMPLATES = Path.of("templates").toAbsolutePath().toString();
    private static final String[] WORDS = ("token account connect facebook linkedin page admin password expire "
            + "reconnect access permission profile business").split(" ");

    @TempDir
    Path dir;

    /**
     * 5 sections of 30 articles, each linking to the next; {@code edition} is in every title. Big
     * enough that every phase takes a while to hit (a build takes 2 to 3 s on two quiet cores, its
     * phases in proportion, so the kills, which are fractions of a build's time, land in each),
     * small enough that ten kills, checks and searches stay near half a minute of {@code mvn verify}.
     * The kill between the two renames does not depend on the size: it waits for the first one.
     */
    static void generate(Path content, String edition) throws IOException {
        Random random = new Random(7);
        Files.createDirectories(content.resolve("articles"));
        Files.writeString(content.resolve("kb.yaml"), "name: Big Help\nbase_url: https://big.example/\n");
        int id = 0;
        for (int s = 0; s < 5; s++) {
            Path section = Files.createDirectories(content.resolve("articles/section-" + s));
            Files.writeString(section.resolve("_section.yaml"), "title: Section " + s + "\norder: " + s + "\n");
            for (int a = 0; a < 30; a++) {
                id++;
                StringBuilder body = new StringBuilder("---\nid: " + id + "\ntitle: Article " + id + ", " + edition
                        + " edition\nsummary: Summary " + id + ".\n---\n\n");
                for (int h = 0; h < 5; h++) {
                    body.append("## Part ").append(h).append("\n\n");
                    for (int w = 0; w < 120; w++) {
                        body.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
                    }
                    body.append(edition).append(".\n\n");
                }
                body.append("See [the next one](article-").append((a + 1) % 30).append(".md#part-1).\n");
                Files.writeString(section.resolve("article-" + a + ".md"), body.toString());
            }
        }
    }

    private static List<String> tree(Path site) {
        return FixtureSites.hashes(site).stream().filter(h -> !h.startsWith(".kb/")).toList();
    }

    private static Process start(String... args) throws IOException {
        // The JIT's first tier only: these runs last seconds, where C2's compiling costs more CPU
        // than it gives back (kb check on the shipped site: about 18% less CPU on two cores).
        // What is killed and checked is the same program, and the kills are timed from a build
        // run the same way.
        List<String> command = KbJar.command(List.of("-XX:TieredStopAtLevel=1"), args);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static int run(String... args) throws IOException, InterruptedException {
        Process p = start(args);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("kb " + String.join(" ", args) + " did not finish in 120 s");
        }
        return p.exitValue();
    }

    private String[] build(Path content, Path site) {
        return new String[] {"build", "--content", content.toString(), "--templates", TEMPLATES, "--out", site.toString()};
    }

    @Test
    void aBuildKilledAtAnyMomentLeavesTheOldSiteOrTheNewOne() throws Exception {
        assertTrue(Files.isRegularFile(JAR), "build the jar first (mvn verify runs this after package): " + JAR);
        // The two sites a kill may leave: the first edition built where the kills happen, the
        // second beside it, each once, as references.
        Path content = dir.resolve("content");
        Path site = dir.resolve("site");
        Path second = dir.resolve("second/content");
        generate(content, "first");
        generate(second, "second");
        assertEquals(0, run(build(content, site)));
        long start = System.nanoTime();
        assertEquals(0, run(build(second, dir.resolve("second/site"))));
        long buildMillis = (System.nanoTime() - start) / 1_000_000;
        List<String> firstTree = tree(site);
        List<String> secondTree = tree(dir.resolve("second/site"));
        assertTrue(firstTree.size() > 250, "the reference site has " + firstTree.size() + " files");
        String edition = "first";
        List<String> seen = new ArrayList<>();
        // Kill at fractions of a whole build's time (loading, rendering, indexing, writing, swapping),
        // once after it (the build finished: the new site), and once aimed at the swap.
        List<Long> delays = new ArrayList<>();
        for (double f : new double[] {0.05, 0.2, 0.4, 0.6, 0.75, 0.85, 0.92, 0.97, 1.3}) {
            delays.add((long) (buildMillis * f));
        }
        delays.add(-1L);
        for (long delay : delays) {
            String next = edition.equals("first") ? "second" : "first";
            generate(content, next);
            Path leftover = dir.resolve(".site.old");
            if (delay < 0 && Files.exists(leftover)) {
                // A build killed while deleting the old site leaves part of it, which the next
                // build clears before its swap; moved aside here, so that the kill below waits for
                // this build's first rename, not for a folder that is already there.
                Files.move(leftover, dir.resolve("leftover.old"));
            }
            Process build = start(build(content, site));
            if (delay >= 0) {
                Thread.sleep(delay);
            } else {
                // Aim at the swap itself: kill as soon as the old site is moved aside, or (a build
                // that updates the site in place) as soon as its plan is in place.
                Path old = dir.resolve(".site.old");
                Path plan = dir.resolve(".site.commit");
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (!Files.exists(old) && !Files.exists(plan) && build.isAlive() && System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
            }
            build.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no finally blocks
            build.waitFor(30, TimeUnit.SECONDS);

            String state;
            if (Files.exists(dir.resolve(".site.commit"))) {
                state = "updating in place";
            } else if (!Files.exists(site)) {
                assertTrue(Files.isDirectory(dir.resolve(".site.old")), "no site and nothing to restore it from");
                state = "between the two renames";
            } else {
                List<String> now = tree(site);
                state = now.equals(firstTree) ? "first" : now.equals(secondTree) ? "second" : null;
                if (state == null) {
                    fail("killed after " + delay + " ms, site/ is a mix: "
                            + FixtureSites.diff(edition.equals("first") ? firstTree : secondTree, now).lines().limit(20).toList());
                }
            }
            if (state.equals("between the two renames") || state.equals("updating in place")) {
                // The next command mends an interrupted swap or finishes an update; check writes
                // nothing else. (A site found whole needs no mending: kb search below opens it as it is.)
                assertEquals(0, run("check", "--content", content.toString(), "--templates", TEMPLATES, "--out", site.toString()));
            }
            List<String> after = tree(site);
            assertTrue(after.equals(firstTree) || after.equals(secondTree), "after kb check, site/ is whole again");
            if (state.equals("updating in place")) {
                assertEquals(next.equals("first") ? firstTree : secondTree, after, "an update past its commit point is finished");
            }
            edition = after.equals(firstTree) ? "first" : "second";
            seen.add(delay + " ms: " + state);
            // Whichever site it is, its Lucene index is whole: kb search opens it.
            generate(content, edition);
            assertEquals(0, run("search", "--content", content.toString(), "--out", site.toString(), "reconnect"));
        }
        System.out.println("kill -9 outcomes (a whole build takes " + buildMillis + " ms): " + seen);
        assertTrue(seen.stream().anyMatch(s -> s.endsWith(": first")) || seen.stream().anyMatch(s -> s.endsWith(": second")));
    }
}
