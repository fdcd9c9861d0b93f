package kb.output;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import kb.diagnostic.KbException;
import kb.diagnostic.Problem;
import kb.diagnostic.SourceLocation;

/**
 * One build at a time per output folder. Two builds into one {@code --out} would share its
 * staging folder and swap in a mix, so each build, and a preview for as long as it runs, holds
 * an OS file lock on {@code .<out>.lock} beside the staging folder, with its process id, start
 * time and command written inside for the one it keeps waiting. The OS drops the lock when its
 * process dies, however it dies: a lock left by a killed build is simply taken over. The file
 * itself stays (deleting it would let two builds lock two different files).
 */
public final class BuildLock implements AutoCloseable {
    /** How long a second build waits for the first before it gives up. */
    static final Duration WAIT = Duration.ofSeconds(3);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final FileChannel channel;
    private final FileLock lock;

    private BuildLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of {@code out}, waiting up to {@link #WAIT} for a build that holds it.
     *
     * @param command what holds it, for the message another build shows: "kb build", "kb serve"
     * @throws KbException naming the process that holds it, when it does not let go in time
     */
    public static BuildLock acquire(Path out, String command) {
        return acquire(out, command, WAIT);
    }

    static BuildLock acquire(Path out, String command, Duration wait) {
        Path target = out.toAbsolutePath().normalize();
        Path file = target.resolveSibling("." + target.getFileName() + ".lock");
        long until = System.nanoTime() + wait.toNanos();
        try {
            Files.createDirectories(file.getParent());
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            try {
                while (true) {
                    FileLock lock = tryLock(channel);
                    if (lock != null) {
                        String holder = ProcessHandle.current().pid() + " " + Instant.now().truncatedTo(ChronoUnit.SECONDS)
                                + " " + command + "\n";
                        channel.truncate(0);
                        channel.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
                        channel.force(false);
                        return new BuildLock(channel, lock);
                    }
                    if (System.nanoTime() >= until) {
                        throw new KbException(Problem.error(SourceLocation.of(target), busy(out, file),
                                "wait for it to finish, or stop it; two builds into one folder would mix their files"));
                    }
                    Thread.sleep(100);
                }
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            } catch (InterruptedException e) {
                channel.close();
                Thread.currentThread().interrupt();
                throw new KbException(Problem.error(SourceLocation.of(target), "interrupted while waiting for " + out));
            }
        } catch (IOException e) {
            throw new KbException(Problem.error(SourceLocation.of(file), "cannot lock the output folder: " + e.getMessage()));
        }
    }

    /** The lock, or null when another process (or another build in this one) holds it. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    /** "site/ is being built by process N (kb build) since 10:42:07", from what the holder wrote. */
    private static String busy(Path out, Path file) {
        String[] holder;
        try {
            holder = Files.readString(file, StandardCharsets.UTF_8).strip().split(" ", 3);
        } catch (IOException e) {
            holder = new String[0];
        }
        String who = holder.length >= 1 && !holder[0].isEmpty() ? "process " + holder[0] : "another process";
        String what = holder.length == 3 ? " (" + holder[2] + ")" : "";
        String since = "";
        if (holder.length >= 2) {
            try {
                since = " since " + LocalTime.ofInstant(Instant.parse(holder[1]), ZoneId.systemDefault()).format(CLOCK);
            } catch (RuntimeException e) {
                since = ""; // written by a build that was killed mid-write: the pid is still worth showing
            }
        }
        return out + "/ is being built by " + who + what + since;
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // closing the channel releases the lock anyway; nothing is left to undo
        }
    }
}
