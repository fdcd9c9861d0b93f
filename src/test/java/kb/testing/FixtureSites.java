package kb.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The tiny content trees under {@code src/test/resources/sites/<scenario>/}, one per test
 * scenario. Tests build a copy in their temporary folder: a build writes into its content
 * folder ({@code published-urls.txt}), and fixtures must stay as checked in.
 */
public final class FixtureSites {
    private FixtureSites() {
    }

    /** Copies fixture {@code name} to {@code target} and returns {@code target}. */
    public static Path copy(String name, Path target) {
        URL url = FixtureSites.class.getResource("/sites/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no fixture site src/test/resources/sites/" + name);
        }
        try {
            return copyTree(Path.of(url.toURI()), target);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies a folder (the shipped theme, say) to {@code target} and returns {@code target}. */
    public static Path copyTree(Path source, Path target) {
        try {
            try (Stream<Path> files = Files.walk(source)) {
                for (Path from : files.sorted().toList()) {
                    Path to = target.resolve(source.relativize(from).toString());
                    if (Files.isDirectory(from)) {
                        Files.createDirectories(to);
                    } else {
                        Files.createDirectories(to.getParent());
                        Files.copy(from, to);
                    }
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every folder and file under {@code root}, files with a hash of their bytes, sorted: equal lists mean identical trees. */
    public static List<String> hashes(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.sorted().map(f -> {
                String name = root.relativize(f).toString().replace('\\', '/');
                return Files.isDirectory(f) ? name + "/" : name + " " + sha256(f);
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sets the modification time of everything under {@code root} that {@code which} accepts
     * {@code seconds} back: what a site looks like once its files or folders have settled.
     */
    public static void backdate(Path root, java.util.function.Predicate<Path> which, long seconds) throws IOException {
        java.nio.file.attribute.FileTime then = java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minusSeconds(seconds));
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.filter(which).toList()) {
                Files.setLastModifiedTime(p, then);
            }
        }
    }

    /** What differs between two {@link #hashes} lists, one "- gone" or "+ new" line per entry: empty when equal. */
    public static String diff(List<String> before, List<String> after) {
        StringBuilder sb = new StringBuilder();
        before.stream().filter(h -> !after.contains(h)).forEach(h -> sb.append("- ").append(h).append('\n'));
        after.stream().filter(h -> !before.contains(h)).forEach(h -> sb.append("+ ").append(h).append('\n'));
        return sb.toString();
    }

    private static String sha256(Path file) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
