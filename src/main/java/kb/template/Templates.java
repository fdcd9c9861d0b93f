package kb.template;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import kb.diagnostic.KbException;
import kb.diagnostic.Problem;
import kb.diagnostic.Problems;
import kb.diagnostic.SourceLocation;

/**
 * The theme's Pebble templates, each from the local {@code templates/} if it has the file, else
 * from kb.jar (see {@link Theme}); compiled once, strict (an unknown variable is an error, not an
 * empty string), HTML auto-escaped. Thread-safe.
 */
public final class Templates {
    /** Every page kind kb renders; each is {@code <name>.peb}, local or from kb.jar. */
    public static final java.util.List<String> PAGES = java.util.List.of(
            "home", "section", "article", "faq", "lifespans", "search", "404", "redirect", "token-facts",
            "widget-demo");

    private final Theme theme;
    private final Map<String, PebbleTemplate> compiled = new ConcurrentHashMap<>();

    private final Strings strings;

    private Templates(Theme theme, Strings strings) {
        this.theme = theme;
        this.strings = strings;
    }

    /**
     * Compiles every page template of the default theme overridden by {@code dir} (which may not
     * exist), reporting each syntax error with its file and line.
     */
    public static Templates load(Path dir, Problems problems) {
        return load(Theme.of(dir), problems);
    }

    static Templates load(Theme theme, Problems problems) {
        Strings strings = Strings.load(theme, problems);
        PebbleEngine engine = new PebbleEngine.Builder()
                .loader(new ThemeLoader(theme))
                .strictVariables(true)
                .autoEscaping(true)
                .newLineTrimming(true)
                .extension(new KbPebbleExtension(strings))
                .build();
        Templates templates = new Templates(theme, strings);
        for (String name : PAGES) {
            if (theme.find(ThemeLoader.fileName(name)).isEmpty()) {
                problems.error(SourceLocation.of(theme.local().resolve(ThemeLoader.fileName(name))),
                        "missing template " + ThemeLoader.fileName(name),
                        "every theme needs: " + String.join(", ", PAGES));
                continue;
            }
            try {
                templates.compiled.put(name, engine.getTemplate(name));
            } catch (PebbleException e) {
                problems.add(problem(theme, e, null));
            } catch (RuntimeException | StackOverflowError e) {
                problems.add(Problem.internal(SourceLocation.of(theme.local().resolve(ThemeLoader.fileName(name))),
                        "compiling this template", e));
            }
        }
        return templates;
    }

    /** The theme, whose {@code assets/} are copied into the site. */
    public Theme theme() {
        return theme;
    }

    /** The theme's words in every language it has (templates/i18n/). */
    public Strings strings() {
        return strings;
    }

    /** The file a page template was read from: the local override, or kb.jar's. */
    public Path source(String name) {
        return theme.find(ThemeLoader.fileName(name)).orElse(theme.local().resolve(ThemeLoader.fileName(name)));
    }

    /** Renders a page template with its model. */
    public String render(String name, Map<String, Object> model) {
        PebbleTemplate template = compiled.get(name);
        if (template == null) {
            throw new KbException(Problem.error(SourceLocation.of(source(name)), "template not loaded"));
        }
        StringWriter out = new StringWriter(16 * 1024);
        try {
            template.evaluate(out, model);
        } catch (PebbleException e) {
            throw new KbException(problem(theme, e, model));
        } catch (IOException e) {
            throw new KbException(Problem.error(SourceLocation.of(source(name)), e.getMessage()));
        }
        return out.toString();
    }

    /**
     * The problem at the file Pebble names: the local file when the template (or the one it
     * extends or includes) is overridden, else kb.jar's; see {@link TemplateProblem} for the column.
     */
    static Problem problem(Theme theme, PebbleException e, Object model) {
        String file = e.getFileName();
        Path path = file == null ? theme.local()
                : theme.find(ThemeLoader.fileName(file)).orElse(theme.local().resolve(ThemeLoader.fileName(file)));
        return TemplateProblem.of(path, e, model);
    }
}
