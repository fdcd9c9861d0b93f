package kb.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import kb.testing.FixtureSites;
import kb.testing.KbJar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One build at a time per output folder, between real {@code java -jar kb.jar} processes: a
 * second build into a folder another one is building waits a moment, then fails naming it, and
 * the folder holds exactly the first build; a lock left by a killed build is taken over.
 */
class ConcurrentBuildsIT {
    private static final Path JAR = KbJar.JAR;
    private static final String TEMPLATES = Path.of("templates").toAbsolutePath().toString();

    @TempDir
    Path dir;

    private static Process start(Path content, Path site) throws IOException {
        List<String> command = KbJar.command(List.of(), "build", "--content", content.toString(), "--templates", TEMPLATES,
                "--out", site.toString());
        return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static String finish(Process p) throws Exception {
        p.getOutputStream().close();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "the build finished");
        return err;
    }

    /** Waits until the process holding {@code site}'s lock has written its id into it. */
    private static void awaitLockHeldBy(Path site, Process p) throws Exception {
        Path lock = site.resolveSibling(".site.lock");
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < until && p.isAlive()) {
            if (Files.exists(lock) && Files.readString(lock).startsWith(p.pid() + " ")) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the first build never took the lock");
    }

    /** Sends {@code kill -SIGNAL} to {@code p} (bash's own kill: procps may not be installed): STOP pauses it with its lock held, CONT resumes it. */
    private static void signal(Process p, String signal) throws Exception {
        Process kill = new ProcessBuilder("bash", "-c", "kill -" + signal + " " + p.pid()).inheritIO().start();
        assertTrue(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0, "kill -" + signal + " " + p.pid());
    }

    private static List<String> tree(Path site) {
        return FixtureSites.hashes(site).stream().filter(h -> !h.startsWith(".kb/")).toList();
    }

    @Test
    void aSecondBuildIntoTheSameFolderFailsClearlyAndTheFirstOneWins() throws Exception {
        assertTrue(Files.isRegularFile(JAR), "build the jar first (mvn verify runs this after package): " + JAR);
        Path first = dir.resolve("first/content");
        Path second = dir.resolve("second/content");
        KillDuringBuildIT.generate(first, "first");
        KillDuringBuildIT.generate(second, "second");
        Path reference = dir.resolve("reference");
        Process ref = start(first, reference);
        String refErr = finish(ref);
        assertEquals(0, ref.exitValue(), refErr);

        Path site = dir.resolve("site");
        Process a = start(first, site);
        awaitLockHeldBy(site, a);
        // Paused while it holds the lock, the first build cannot finish before the second one has
        // waited its three seconds, however fast this machine builds 150 articles.
        String bErr;
        signal(a, "STOP");
        try {
            Process b = start(second, site);
            bErr = finish(b);
            assertEquals(1, b.exitValue(), bErr);
        } finally {
            signal(a, "CONT");
        }
        String aErr = finish(a);
        assertEquals(0, a.exitValue(), aErr);
        String problem = bErr.lines().findFirst().orElse("");
        assertTrue(Pattern.compile(Pattern.quote(site + ":1:1: " + site + "/ is being built by process " + a.pid()
                + " (kb build) since ") + "\\d\\d:\\d\\d:\\d\\d \\(wait for it to finish, or stop it; .*\\)").matcher(problem).matches(),
                bErr);
        assertTrue(!bErr.contains("\tat "), bErr);
        assertEquals(tree(reference), tree(site), "the folder holds the first build, whole");
    }

    @Test
    void aLockLeftByAKilledBuildIsTakenOver() throws Exception {
        assertTrue(Files.isRegularFile(JAR), "build the jar first (mvn verify runs this after package): " + JAR);
        Path content = dir.resolve("content");
        KillDuringBuildIT.generate(content, "first");
        Path site = dir.resolve("site");
        Process killed = start(content, site);
        awaitLockHeldBy(site, killed);
        killed.destroyForcibly(); // SIGKILL: the lock file stays, naming a process that is gone
        assertTrue(killed.waitFor(30, TimeUnit.SECONDS));
        Process next = start(content, site);
        String err = finish(next);
        assertEquals(0, next.exitValue(), err);
        assertTrue(Files.notExists(site.resolveSibling(".site.lock")),
                "the build that took the lock over removed it when it finished: nothing stays beside the site");
        assertTrue(Files.isRegularFile(site.resolve("index.html")));
    }
}
