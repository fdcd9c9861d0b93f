package kb.template;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.loader.FileLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import kb.diagnostic.KbException;
import kb.diagnostic.Problem;
import kb.diagnostic.Problems;
import kb.diagnostic.SourceLocation;

/**
 * The theme: Pebble templates from {@code templates/}, compiled once, strict (an unknown
 * variable is an error, not an empty string), HTML auto-escaped. Thread-safe.
 */
public final class Templates {
    /** Every page kind kb renders; each must exist as {@code templates/<name>.peb}. */
    public static final java.util.List<String> PAGES = java.util.List.of(
            "home", "section", "article", "faq", "lifespans", "search", "404", "redirect", "token-facts");

    private final Path dir;
    private final PebbleEngine engine;
    private final Map<String, PebbleTemplate> compiled = new ConcurrentHashMap<>();

    private Templates(Path dir, PebbleEngine engine) {
        this.dir = dir;
        this.engine = engine;
    }

    /** Compiles every page template, reporting each syntax error with its file and line. */
    public static Templates load(Path dir, Problems problems) {
        FileLoader loader = new FileLoader();
        loader.setPrefix(dir.toAbsolutePath().toString());
        loader.setSuffix(".peb");
        PebbleEngine engine = new PebbleEngine.Builder()
                .loader(loader)
                .strictVariables(true)
                .autoEscaping(true)
                .newLineTrimming(true)
                .extension(new KbPebbleExtension())
                .build();
        Templates templates = new Templates(dir, engine);
        for (String name : PAGES) {
            Path file = dir.resolve(name + ".peb");
            if (!Files.isRegularFile(file)) {
                problems.error(SourceLocation.of(file), "missing template " + name + ".peb",
                        "every theme needs: " + String.join(", ", PAGES));
                continue;
            }
            try {
                templates.compiled.put(name, engine.getTemplate(name));
            } catch (PebbleException e) {
                problems.add(problem(dir, e));
            }
        }
        return templates;
    }

    /** The theme folder, whose {@code assets/} are copied into the site. */
    public Path dir() {
        return dir;
    }

    /** Renders a page template with its model. */
    public String render(String name, Map<String, Object> model) {
        PebbleTemplate template = compiled.get(name);
        if (template == null) {
            throw new KbException(Problem.error(SourceLocation.of(dir.resolve(name + ".peb")), "template not loaded"));
        }
        StringWriter out = new StringWriter(16 * 1024);
        try {
            template.evaluate(out, model);
        } catch (PebbleException e) {
            throw new KbException(problem(dir, e));
        } catch (IOException e) {
            throw new KbException(Problem.error(SourceLocation.of(dir.resolve(name + ".peb")), e.getMessage()));
        }
        return out.toString();
    }

    /** Pebble's message without its "(file:line)" tail, located at that file and line. */
    static Problem problem(Path dir, PebbleException e) {
        String file = e.getFileName();
        Path path = file == null ? dir : Path.of(file).isAbsolute() ? Path.of(file) : dir.resolve(file);
        if (file != null && !file.endsWith(".peb") && !Files.exists(path)) {
            path = dir.resolve(file + ".peb");
        }
        Integer line = e.getLineNumber();
        String message = e.getPebbleMessage() == null ? e.getMessage() : e.getPebbleMessage();
        message = message.replaceAll("\\s*\\(\\?:.*$", "").strip();
        SourceLocation at = line == null || line <= 0 ? SourceLocation.of(path) : new SourceLocation(path, line, 1);
        return Problem.error(at, "template error: " + message);
    }
}
