package kb.template;

import io.pebbletemplates.pebble.error.PebbleException;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.content.NearMiss;
import kb.diagnostic.Problem;
import kb.diagnostic.SourceLocation;

/**
 * Turns a Pebble error into a problem a theme author can act on. Pebble names only a line, so
 * the column is found in the template's source: it is the column of the {@code {{} or
 * {@code {%} that opens the tag holding the mistake (the tag that names the unknown variable,
 * attribute, function or filter, else the first tag on that line; column 1 when the line has none). An unknown name
 * gets the nearest name the page's model has ({@code titel}: did you mean {@code title}?).
 */
final class TemplateProblem {
    private static final Pattern ATTRIBUTE = Pattern.compile(
            "^(Root attribute|Attribute) \\[([^\\]]+)\\](?: of \\[[^\\]]*\\])? does not exist.*", Pattern.DOTALL);
    /** What {@code t()} says of a key the theme's strings lack (KbPebbleExtension.Translate). */
    private static final Pattern UNKNOWN_STRING = Pattern.compile("^unknown string '([^']*)' \\((.*)\\)$", Pattern.DOTALL);
    /** The first bracketed name in one of Pebble's other messages. */
    private static final Pattern NAMED = Pattern.compile("\\[([\\w.-]+)\\]");
    private static final Pattern TAG = Pattern.compile("\\{\\{.*?}}|\\{%.*?%}|\\{\\{.*|\\{%.*");

    private TemplateProblem() {
    }

    /**
     * @param path the template file Pebble names
     * @param model the page's model, or null when the error came while compiling
     */
    static Problem of(Path path, PebbleException e, Object model) {
        String message = e.getPebbleMessage() == null ? e.getMessage() : e.getPebbleMessage();
        int regexTail = message.indexOf("(?:"); // by hand: \s*\(\?:.*$ retried from every space of a long message
        message = (regexTail < 0 ? message : message.substring(0, regexTail)).strip();
        Integer line = e.getLineNumber();
        if (line == null || line <= 0) {
            return Problem.error(SourceLocation.of(path), "template error: " + message);
        }
        String source = line(path, line);
        Matcher string = UNKNOWN_STRING.matcher(message);
        if (string.matches()) {
            return Problem.error(new SourceLocation(path, line, column(source, string.group(1))),
                    "template error: unknown string '" + string.group(1) + "'", string.group(2));
        }
        Matcher unknown = ATTRIBUTE.matcher(message);
        if (!unknown.matches()) {
            // "Function or Macro [nosuch] does not exist", "Filter [x] does not exist": the tag
            // that names it, not the line's first one
            Matcher named = NAMED.matcher(message);
            return Problem.error(new SourceLocation(path, line, column(source, named.find() ? named.group(1) : null)),
                    "template error: " + message);
        }
        boolean root = unknown.group(1).startsWith("Root");
        String name = unknown.group(2);
        int column = column(source, name);
        String owner = root ? null : owner(source, column, name);
        String text = root ? "unknown variable '" + name + "'"
                : "'" + (owner == null ? "this value" : owner) + "' has no '" + name + "'";
        return Problem.error(new SourceLocation(path, line, column), "template error: " + text,
                hint(name, candidates(model, root, owner)));
    }

    /** The column of the tag naming {@code name} (any tag if null), else of the line's first tag, else 1. */
    static int column(String line, String name) {
        if (line == null) {
            return 1;
        }
        Integer first = null;
        Matcher tag = TAG.matcher(line);
        while (tag.find()) {
            first = first == null ? tag.start() : first;
            if (name != null && Pattern.compile("(?<![\\w])" + Pattern.quote(name) + "(?![\\w])").matcher(tag.group()).find()) {
                return tag.start() + 1;
            }
        }
        return first == null ? 1 : first + 1;
    }

    /** How far past the tag's start the owner is looked for: the search below backtracks per character. */
    static final int OWNER_REACH = 512;

    /** The dotted path before {@code .name} in the tag at {@code column}: {@code article} in {@code article.titel}. */
    static String owner(String line, int column, String name) {
        if (line == null || column - 1 >= line.length()) {
            return null;
        }
        // [\w.]* retried from every character of a long word run that holds no ".name" costs the
        // square of the run's length; a real tag's owner sits within a few dozen characters.
        String reach = line.substring(column - 1, Math.min(line.length(), column - 1 + OWNER_REACH));
        Matcher m = Pattern.compile("([A-Za-z_][\\w.]*)\\." + Pattern.quote(name) + "(?![\\w])").matcher(reach);
        return m.find() ? m.group(1) : null;
    }

    /** The names the model offers where the unknown one was asked for: under its owner, else anywhere. */
    private static Collection<String> candidates(Object model, boolean root, String owner) {
        if (model == null) {
            return List.of();
        }
        if (root) {
            return names(model);
        }
        Object at = model;
        for (String part : owner == null ? new String[] {"?"} : owner.split("\\.")) {
            at = at == null ? null : member(at, part);
        }
        if (at != null) {
            return names(at);
        }
        Set<String> all = new TreeSet<>(); // a loop variable, not in the model itself: every name the model has
        collect(model, all, Collections.newSetFromMap(new IdentityHashMap<>()), 0);
        return all;
    }

    private static String hint(String name, Collection<String> candidates) {
        if (candidates.isEmpty()) {
            return null;
        }
        String hint = NearMiss.hint(name, candidates);
        return hint.startsWith("did you mean") ? hint : null;
    }

    private static Object member(Object value, String name) {
        if (value instanceof Map<?, ?> map) {
            return map.get(name);
        }
        if (value.getClass().isRecord()) {
            for (RecordComponent c : value.getClass().getRecordComponents()) {
                if (c.getName().equals(name)) {
                    try {
                        return c.getAccessor().invoke(value);
                    } catch (ReflectiveOperationException e) {
                        return null;
                    }
                }
            }
        }
        return null;
    }

    private static Set<String> names(Object value) {
        Set<String> out = new TreeSet<>();
        if (value instanceof Map<?, ?> map) {
            map.keySet().forEach(k -> out.add(String.valueOf(k)));
        } else if (value.getClass().isRecord()) {
            for (RecordComponent c : value.getClass().getRecordComponents()) {
                out.add(c.getName());
            }
        }
        return out;
    }

    private static void collect(Object value, Set<String> out, Set<Object> seen, int depth) {
        if (value == null || depth > 6 || !seen.add(value)) {
            return;
        }
        if (value instanceof Collection<?> list) {
            list.stream().limit(3).forEach(v -> collect(v, out, seen, depth + 1));
            return;
        }
        Set<String> here = names(value);
        out.addAll(here);
        here.forEach(n -> collect(member(value, n), out, seen, depth + 1));
    }

    private static String line(Path file, int line) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return line <= lines.size() ? lines.get(line - 1) : null;
        } catch (IOException | RuntimeException e) {
            return null; // the source cannot be read again: the line alone still says where
        }
    }
}
