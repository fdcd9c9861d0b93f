package kb.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import kb.Version;
import kb.content.Anchors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kb init}: a new help center that builds and passes {@code kb check} at once, with a
 * pom.xml whose {@code mvn package} builds it through kb's Maven plugin. The starter files are
 * resources under {@code kb/starter/} (product text belongs in files, not in Java). It writes
 * only into a folder that is new or empty, so it never overwrites anything.
 */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Creates a new help center in DIR (content, README, pom.xml using kb's Maven plugin); never overwrites.")
final class InitCommand implements Callable<Integer> {
    private static final String STARTER = "/kb/starter/";

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "A new or empty folder.")
    Path dir;

    @Option(names = "--name", paramLabel = "NAME", defaultValue = "Help Center",
            description = "The help center's name, shown on every page (default: ${DEFAULT-VALUE}).")
    String name;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (name.isBlank()) {
            err.println("kb: --name is empty");
            return ExitCodes.USAGE;
        }
        if (Files.exists(dir) && !isEmptyFolder(dir)) {
            err.println("kb: " + dir + (Files.isDirectory(dir) ? " is not empty" : " is a file")
                    + "; kb init never overwrites: name a new or empty folder");
            err.flush();
            return ExitCodes.USAGE;
        }
        Map<String, String> values = Map.of(
                "@NAME@", name.strip(),
                "@NAME_YAML@", yamlString(name.strip()),
                "@NAME_XML@", xml(name.strip()),
                "@ARTIFACT@", artifactId(name),
                "@KB_VERSION@", Version.current(),
                "@TODAY@", LocalDate.now().toString());
        for (String line : starterFiles()) {
            String[] names = line.split("\\s*->\\s*");
            String text = resource(names[0]);
            for (var v : values.entrySet()) {
                text = text.replace(v.getKey(), v.getValue());
            }
            Path target = dir.resolve(names[names.length - 1]);
            Files.createDirectories(target.getParent());
            Files.writeString(target, text, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW);
        }
        out.println("Created the help center \"" + name.strip() + "\" in " + dir + ". Next:");
        out.println("  cd " + dir);
        out.println("  mvn kb:serve      # preview it at http://127.0.0.1:8080");
        out.println("  mvn package       # build it into site/");
        out.println("README.md says where everything is.");
        out.flush();
        return ExitCodes.OK;
    }

    private static boolean isEmptyFolder(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    /**
     * The starter's files as listed in files.txt ({@code SOURCE} or {@code SOURCE -> TARGET}):
     * a list, because a jar's folders cannot be listed through the class loader.
     */
    static List<String> starterFiles() {
        return resource("files.txt").lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    private static String resource(String file) {
        try (InputStream in = InitCommand.class.getResourceAsStream(STARTER + file)) {
            if (in == null) {
                throw new IllegalStateException("kb's starter is missing " + STARTER + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Maven artifactId from the name: "Acme Help" is acme-help. */
    static String artifactId(String name) {
        String slug = Anchors.slug(name);
        return Anchors.isValid(slug) ? slug : "help-center";
    }

    private static String yamlString(String text) {
        try {
            return new ObjectMapper().writeValueAsString(text); // JSON's string syntax is valid YAML
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
