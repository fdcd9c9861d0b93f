package kb.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Stream;

/** A hash of every file under content/: tells {@code kb search} whether the built index is current. */
final class ContentFingerprint {
    private ContentFingerprint() {
    }

    static String of(Path content) {
        try (Stream<Path> files = Files.walk(content)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            // Every chain's version: kb.yaml (hashed below) says which one the index was built with.
            digest.update(("kb-search-" + kb.search.BrowserExport.VERSION
                    + java.util.Arrays.stream(kb.search.Chain.values()).map(kb.search.Chain::version).toList())
                    .getBytes(StandardCharsets.UTF_8));
            // The published-URL manifest is kb's own record, rewritten by a build: it must not make
            // the next build's output differ from this one's.
            Path manifest = content.resolve(kb.check.PublishedManifest.FILE);
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.equals(manifest)).sorted().toList()) {
                digest.update(content.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(Files.readAllBytes(file));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
