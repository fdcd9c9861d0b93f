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
import java.nio.file.attribute.BasicFileAttributes;
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
 * process dies, however it dies: a lock left by a killed build is simply taken over. Nothing
 * may stay outside the output folder, so the holder deletes the file before it lets go; a build
 * that was waiting on the deleted file sees that the path no longer names what it locked and
 * locks the path afresh (the usual protocol for lock files that are removed).
 */
public final class BuildLock implements AutoCloseable {
    /** How long a second build waits for the first before it gives up. */
    static final Duration WAIT = Duration.ofSeconds(3);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private BuildLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
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
            while (true) {
                BuildLock held = tryAcquire(file, command);
                if (held != null) {
                    return held;
                }
                if (System.nanoTime() >= until) {
                    throw new KbException(Problem.error(SourceLocation.of(target), busy(out, file),
                            "wait for it to finish, or stop it; two builds into one folder would mix their files"));
                }
                Thread.sleep(100);
            }
        } catch (IOException e) {
            throw new KbException(Problem.error(SourceLocation.of(file), "cannot lock the output folder: " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KbException(Problem.error(SourceLocation.of(target), "interrupted while waiting for " + out));
        }
    }

    /** The lock on the file at {@code file} now, or null when another build holds it. */
    private static BuildLock tryAcquire(Path file, String command) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            Object opened = key(file);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                return null;
            }
            if (opened == null || !opened.equals(key(file))) {
                // The build before us deleted the file after we opened it: ours is a dead inode.
                lock.release();
                channel.close();
                return null;
            }
            String holder = ProcessHandle.current().pid() + " " + Instant.now().truncatedTo(ChronoUnit.SECONDS)
                    + " " + command + "\n";
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            return new BuildLock(file, channel, lock);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The file system's identity of the file at {@code file} (device and inode), or null when there is none. */
    private static Object key(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return null;
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
            Files.deleteIfExists(file); // before letting go, so no one locks a path this build then removes
        } catch (IOException e) {
            // left behind, the file is harmless: the next build locks it and removes it
        }
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // closing the channel releases the lock anyway; nothing is left to undo
        }
    }
}
