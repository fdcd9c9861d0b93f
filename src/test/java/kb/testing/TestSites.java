package kb.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import kb.pipeline.BuildOptions;
import kb.pipeline.BuildReport;
import kb.pipeline.SiteBuild;

/** Builds sites for tests: the shipped content and theme, or a tiny tree written by the test. */
public final class TestSites {
    /** The project's own content and theme (tests run from the project folder). */
    public static final Path CONTENT = Path.of("content");
    public static final Path TEMPLATES = Path.of("templates");

    private TestSites() {
    }

    /** Builds {@code content} with the shipped theme into {@code out}. */
    public static BuildReport build(Path content, Path out) {
        return new SiteBuild(new BuildOptions(content, TEMPLATES, out, null, false, false, false)).run();
    }

    /** Builds {@code content} with the shipped theme overridden by {@code templates} (which may not exist). */
    public static BuildReport build(Path content, Path templates, Path out) {
        return new SiteBuild(new BuildOptions(content, templates, out, null, false, false, false)).run();
    }

    /**
     * Builds a fixture in a language the theme has no strings for, laid out as {@code
     * <root>/content} and {@code <root>/templates}, into {@code out}. As such a site must, it has
     * its own {@code templates/i18n/<language>.yaml}; a fixture that carries none (its pages' words
     * are not what it tests) gets the theme's English words, copied afresh so it keeps up with
     * every key the theme adds.
     */
    public static BuildReport buildInLanguage(Path root, String language, Path out) {
        try {
            Path strings = root.resolve("templates/i18n/" + language + ".yaml");
            if (!Files.exists(strings)) {
                Files.createDirectories(strings.getParent());
                Files.copy(TEMPLATES.resolve("i18n/en.yaml"), strings);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return build(root.resolve("content"), root.resolve("templates"), out);
    }

    /** Writes files (relative path to text) under {@code root}, creating folders. */
    public static Path write(Path root, Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path file = root.resolve(f.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, f.getValue());
        }
        return root;
    }

    /** A minimal valid content tree: kb.yaml and one section with the given articles. */
    public static Path minimal(Path root, Map<String, String> articles) throws IOException {
        write(root, Map.of(
                "kb.yaml", "name: Test Help\nbase_url: https://help.test/\nsupport:\n  email: help@test.example\n",
                "articles/basics/_section.yaml", "title: Basics\ndescription: The basics.\norder: 1\n"));
        for (Map.Entry<String, String> a : articles.entrySet()) {
            write(root, Map.of("articles/basics/" + a.getKey(), a.getValue()));
        }
        return root;
    }
}
