package kb.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a {@code java -jar kb.jar} run in a JVM of its own, for the tests that
 * start, kill or race real processes. It adds the class-data archive that {@code mvn package}
 * leaves beside the jar for the kind of run (bin/kb's, {@code docs/cli.md}): each run then maps
 * some 4,000 classes instead of loading and verifying them from the jar. A JVM finds an archive
 * written for another jar stale and goes on without it; without one the run is only slower.
 */
public final class KbJar {
    /** The jar Failsafe names ({@code kb.jar}), or the one {@code mvn package} writes. */
    public static final Path JAR = Path.of(System.getProperty("kb.jar", "target/kb.jar"));

    private KbJar() {
    }

    /** {@code java [jvmOptions] [archive] -jar kb.jar args...}; {@code args[0]} is kb's verb. */
    public static List<String> command(List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        Path archive = JAR.resolveSibling(JAR.getFileName().toString()
                .replaceFirst("\\.jar$", args.length > 0 && args[0].equals("search") ? ".jsa" : "-build.jsa"));
        if (Files.isRegularFile(archive)) {
            // As bin/kb starts it: the archive was written for the serial collector.
            command.addAll(List.of("-XX:+UseSerialGC", "-Xshare:auto", "-Xlog:cds*=off", "-XX:SharedArchiveFile=" + archive));
        }
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(args));
        return command;
    }
}
