package kb;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of kb that is running, as pom.xml set it when kb was built: what {@code kb
 * --version} prints, what every page names in its generator tag, and what {@code kb init} writes
 * into a new help center's pom.xml. It lives at the root because every package may name it.
 */
public final class Version {
    private static final String CURRENT = read();

    private Version() {
    }

    /** {@code 0.2.0}, or {@code 0.2.0-SNAPSHOT} between releases. */
    public static String current() {
        return CURRENT;
    }

    private static String read() {
        try (InputStream in = Version.class.getResourceAsStream("/kb/version.properties")) {
            if (in == null) {
                throw new IllegalStateException("kb/version.properties is missing from the class path");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
