package kb.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The shipped content built once with the shipped theme and served under a strict CSP by
 * {@link SiteServer}: what every browser test of the shipped site reads. {@link BrowserHarness}
 * makes one for the whole test run; tests only read it, never write into {@link #site()}.
 */
public record ShippedSite(Path site, SiteServer server) implements AutoCloseable {
    /** Builds the shipped site into a new temporary folder and serves it. */
    static ShippedSite start() throws IOException {
        Path dir = Files.createTempDirectory("kb-shipped-");
        Path site = dir.resolve("site");
        TestSites.build(TestSites.CONTENT, site);
        return new ShippedSite(site, SiteServer.serve(site));
    }

    /** The address of a site path such as {@code faq/} or {@code search/?q=x}. */
    public String url(String path) {
        return server.url(path);
    }

    /** Stops the server and deletes the built site. */
    @Override
    public void close() throws IOException {
        server.close();
        try (Stream<Path> files = Files.walk(site.getParent())) {
            files.sorted(Comparator.reverseOrder()).forEach(ShippedSite::delete);
        }
    }

    private static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
