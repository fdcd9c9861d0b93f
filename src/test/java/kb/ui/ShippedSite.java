package kb.ui;

import java.io.IOException;
import java.nio.file.Path;
import kb.testing.Browser;
import kb.testing.TestSites;

/**
 * The shipped content built into {@code dir/site}, served under a strict CSP, with a reader
 * (headless Chromium) to open it: what every browser test of the shipped site starts from.
 * Skips the test class when no browser is installed.
 */
record ShippedSite(Path site, SiteServer server, Reader reader) implements AutoCloseable {
    static ShippedSite start(Path dir) throws IOException {
        Browser.assumeAvailable();
        Path site = dir.resolve("site");
        TestSites.build(TestSites.CONTENT, site);
        SiteServer server = SiteServer.serve(site);
        try {
            return new ShippedSite(site, server, new Reader());
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            reader.close();
        } finally {
            server.close();
        }
    }
}
