package kb.template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The theme a site is built with: the default theme packed in kb.jar (under {@code kb/theme/}),
 * overridden file by file by a local folder ({@code templates/}), as Hugo themes are. A team that
 * changes only {@code article.peb} keeps every other template, script and stylesheet of the
 * kb version it runs, and gets their fixes when it upgrades. The local folder may not exist.
 */
public final class Theme {
    /** Where the default theme lives on the class path; pom.xml packs {@code templates/} there. */
    static final String RESOURCE = "/kb/theme/";

    private final Path local;
    private final Path builtIn;

    Theme(Path local, Path builtIn) {
        this.local = local;
        this.builtIn = builtIn;
    }

    /** The default theme overridden by the files of {@code local} (a folder that may not exist). */
    public static Theme of(Path local) {
        return new Theme(local, builtIn());
    }

    /** The local folder, as given: what writers edit, where their overrides and ejected files go. */
    public Path local() {
        return local;
    }

    /**
     * The file that provides {@code name} (a path relative to the theme, with forward slashes):
     * the local one if it exists, else the default one; empty if neither has it.
     */
    public Optional<Path> find(String name) {
        Path own = local.resolve(name);
        if (Files.isRegularFile(own)) {
            return Optional.of(own);
        }
        Path standard = builtIn.resolve(name);
        return Files.isRegularFile(standard) ? Optional.of(standard) : Optional.empty();
    }

    /** Whether {@code file} comes from the local folder rather than from kb.jar. */
    public boolean isLocal(Path file) {
        return file.getFileSystem() == local.getFileSystem() && file.startsWith(local);
    }

    /**
     * Every file under {@code folder} ("" for all), by name relative to the theme, each from the
     * layer that wins (local over default), sorted by name so builds are reproducible.
     */
    public SortedMap<String, Path> files(String folder) {
        SortedMap<String, Path> files = new TreeMap<>(defaults(folder));
        files.putAll(walk(local, folder));
        return files;
    }

    /** The default theme's own files under {@code folder} ("" for all), by relative name. */
    public static SortedMap<String, Path> defaults(String folder) {
        return walk(builtIn(), folder);
    }

    private static SortedMap<String, Path> walk(Path root, String folder) {
        SortedMap<String, Path> files = new TreeMap<>();
        Path start = folder.isEmpty() ? root : root.resolve(folder);
        if (!Files.isDirectory(start)) {
            return files;
        }
        try (Stream<Path> all = Files.walk(start)) {
            all.filter(Files::isRegularFile).forEach(f -> files.put(name(root, f), f));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the theme in " + start, e);
        }
        return files;
    }

    private static String name(Path root, Path file) {
        // Joined by hand: a zip file system's separator is "/", the local one may be "\".
        return String.join("/", java.util.stream.StreamSupport.stream(root.relativize(file).spliterator(), false)
                .map(Path::toString).toList());
    }

    /**
     * The default theme's folder: a directory when kb runs from its classes (tests), a folder in
     * a zip file system when it runs from kb.jar or as the Maven plugin. Opened once per process
     * and never closed, so every build and preview in it reads the same open jar.
     */
    static synchronized Path builtIn() {
        URL marker = Theme.class.getResource(RESOURCE + "base.peb");
        if (marker == null) {
            throw new IllegalStateException("kb's default theme is missing from the class path (" + RESOURCE + ")");
        }
        try {
            URI uri = marker.toURI();
            if (!"jar".equals(uri.getScheme())) {
                return Path.of(uri).getParent();
            }
            String spec = uri.toString();
            URI jar = URI.create(spec.substring(0, spec.indexOf("!/")));
            try {
                FileSystems.newFileSystem(jar, Map.of());
            } catch (FileSystemAlreadyExistsException e) {
                // opened by an earlier build in this process
            }
            return FileSystems.getFileSystem(jar).getPath(RESOURCE);
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot open kb's default theme at " + marker, e);
        }
    }
}
