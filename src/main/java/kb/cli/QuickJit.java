package kb.cli;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tells HotSpot to compile this run's code with its quick compiler (C1) only, never the
 * optimizing one (C2). A build or check is one short run in a fresh JVM: C2 spends more CPU
 * compiling the hot methods of flexmark, Pebble and Lucene than its code then saves. Measured on
 * the bench corpora (2 cores, loaded machine, {@code /usr/bin/time}): the shipped two-language
 * help center 10.5 -> 6.1 s of CPU, 1,000 articles 40 -> 22 s, 10,000 articles 150 -> 114 s.
 *
 * <p>It is what {@code -XX:TieredStopAtLevel=1} does, which {@code java -jar} cannot be given:
 * a compiler directive added at run time through HotSpot's diagnostic command, the one {@code
 * jcmd PID Compiler.directives_add FILE} sends. That needs {@code jdk.management}'s internal
 * package opened, which kb.jar's manifest does ({@code Add-Opens}); anywhere else (the Maven
 * plugin inside Maven's JVM, tests, another JVM) this quietly does nothing and the build is only
 * slower. {@code -Dkb.fullJit=true} turns it off. kb search uses it too.
 */
final class QuickJit {
    /**
     * Every method: C2 excluded, so a hot method stays with C1 (tiered level 1). All but the JDK's
     * message digests (the first directive that matches wins): C2 compiles SHA-256's compression
     * to the CPU's SHA instructions, C1 to plain Java that is 5 to 8 times slower. The build cache
     * digests every page's model and every document's Markdown (BuildCache, ModelDigest), 20 MB
     * at 1,000 articles and ten times that at 10,000: on C1 alone that is seconds of CPU.
     */
    private static final String DIRECTIVE = "[{ match: \"sun/security/provider/*.*\", c2: { Exclude: false } },"
            + " { match: \"*.*\", c2: { Exclude: true } }]";

    /**
     * Set by bin/kb when it starts the JVM with {@code -XX:TieredStopAtLevel=1}: C2 is out
     * already (and C1 compiles without profiling, which the directive cannot ask for), and the
     * directive would only cost its set-up (HotSpot's management library and a temporary file,
     * whose name starts the JDK's secure random source): a tenth of a search's time to {@code
     * SiteSearch} on a loaded machine.
     */
    static final String GIVEN = "kb.quickJitGiven";

    private QuickJit() {
    }

    /** Whether this run compiles with C1 only: the launcher said so, or the directive took; never throws. */
    static boolean forThisRun() {
        if (Boolean.getBoolean(GIVEN)) {
            return true;
        }
        if (Boolean.getBoolean("kb.fullJit")) {
            return false;
        }
        try {
            // Loads the native library the diagnostic command runs in (as the platform MBean
            // server would, without starting one: that costs about 0.7 s).
            Class.forName("com.sun.management.internal.PlatformMBeanProviderImpl");
            Class<?> commands = Class.forName("com.sun.management.internal.DiagnosticCommandImpl");
            Method bean = commands.getDeclaredMethod("getDiagnosticCommandMBean");
            Method execute = commands.getDeclaredMethod("executeDiagnosticCommand", String.class);
            bean.setAccessible(true);
            execute.setAccessible(true);
            // The command reads a file; it is parsed at once, so the file lives for a moment only.
            Path file = Files.createTempFile("kb-jit-", ".json");
            try {
                if (file.toString().contains(" ")) {
                    return false; // the command line of a diagnostic command splits at spaces
                }
                Files.writeString(file, DIRECTIVE);
                Object answer = execute.invoke(bean.invoke(null), "Compiler.directives_add " + file);
                return String.valueOf(answer).contains("2 compiler directives added");
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (ReflectiveOperationException | RuntimeException | IOException | LinkageError e) {
            return false;
        }
    }
}
