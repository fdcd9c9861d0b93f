package kb.template;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.content.NearMiss;
import kb.content.YamlNode;
import kb.content.YamlReader;
import kb.diagnostic.KbException;
import kb.diagnostic.Problems;
import kb.diagnostic.SourceLocation;

/**
 * The theme's words: one flat file per language, {@code i18n/<code>.yaml}, each layered like every
 * theme file (a local file replaces kb.jar's whole). English is the reference: every key it has,
 * every other language must have, so a page never falls back to English halfway through. Templates
 * read them with {@code t('key', args...)}, scripts from the page's {@code kb-strings} block.
 */
public final class Strings {
    /** The theme folder of the strings files. */
    public static final String FOLDER = "i18n";
    /** The language every other one is checked against. */
    public static final String REFERENCE = "en";
    /** {@code t('key'} in a template, {@code ui.t('key'} in a script: how the theme names the keys it uses. */
    private static final Pattern USE = Pattern.compile("(?<![\\w$])t\\(\\s*['\"]([^'\"]*)['\"]\\s*[,)]");
    /** Any quoted dotted name: a script may pick its key by a condition ({@code t(one ? 'a.one' : 'a.many')}). */
    private static final Pattern LITERAL = Pattern.compile("['\"]([a-z][a-z0-9_]*(?:\\.[a-z0-9_]+)+)['\"]");
    /** The widget's script, which takes its strings from widget.js's settings rather than a page. */
    public static final String WIDGET_SCRIPT = "kb-widget.js";
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d)}");

    private final Map<String, Map<String, String>> byLanguage;
    private final Map<String, Path> files;
    /** Script file name (kb-faq.js) to the keys it uses, so a page ships only those. */
    private final SortedMap<String, Set<String>> scriptKeys;

    private Strings(Map<String, Map<String, String>> byLanguage, Map<String, Path> files,
            SortedMap<String, Set<String>> scriptKeys) {
        this.byLanguage = byLanguage;
        this.files = files;
        this.scriptKeys = scriptKeys;
    }

    /**
     * Reads every strings file of the theme and checks them against English, and every key the
     * templates and scripts use against English; each mistake is a problem at its place.
     */
    static Strings load(Theme theme, Problems problems) {
        Map<String, Map<String, String>> byLanguage = new TreeMap<>();
        Map<String, Path> files = new TreeMap<>();
        Map<String, Map<String, SourceLocation>> keysAt = new TreeMap<>();
        theme.files(FOLDER).forEach((name, file) -> {
            String relative = name.substring(FOLDER.length() + 1);
            if (!relative.endsWith(".yaml") || relative.contains("/")) {
                return;
            }
            String code = relative.substring(0, relative.length() - ".yaml".length());
            files.put(code, file);
            Map<String, SourceLocation> at = new LinkedHashMap<>();
            byLanguage.put(code, read(file, at, problems));
            keysAt.put(code, at);
        });
        Map<String, String> reference = byLanguage.get(REFERENCE);
        if (reference == null) {
            problems.error(SourceLocation.of(theme.local().resolve(FOLDER + "/" + REFERENCE + ".yaml")),
                    "missing the theme's English strings", "kb checks every language's strings against en.yaml");
            reference = Map.of();
        }
        for (Map.Entry<String, Map<String, String>> language : byLanguage.entrySet()) {
            for (String key : reference.keySet()) {
                if (!language.getValue().containsKey(key)) {
                    problems.error(new SourceLocation(files.get(language.getKey()), 1, 1), "missing '" + key + "'",
                            REFERENCE + ".yaml has it");
                }
            }
            if (!reference.isEmpty()) {
                // A key English lacks is a typo or a leftover: no template could use it.
                for (Map.Entry<String, SourceLocation> key : keysAt.get(language.getKey()).entrySet()) {
                    if (!reference.containsKey(key.getKey())) {
                        problems.error(key.getValue(), "unknown string '" + key.getKey() + "'",
                                unknownHint(key.getKey(), reference.keySet()));
                    }
                }
            }
        }
        SortedMap<String, Set<String>> scriptKeys = new TreeMap<>();
        for (Map.Entry<String, Path> file : theme.files("").entrySet()) {
            String name = file.getKey();
            boolean script = name.startsWith("assets/js/") && name.endsWith(".js");
            if (script || name.endsWith(ThemeLoader.SUFFIX)) {
                Set<String> used = used(file.getValue(), reference, problems);
                if (script) {
                    scriptKeys.put(name.substring("assets/js/".length()), used);
                }
            }
        }
        return new Strings(byLanguage, files, scriptKeys);
    }

    private static Map<String, String> read(Path file, Map<String, SourceLocation> keysAt, Problems problems) {
        Map<String, String> strings = new LinkedHashMap<>();
        YamlNode root;
        try {
            root = YamlReader.read(file, Files.readString(file, StandardCharsets.UTF_8), 1);
        } catch (KbException e) {
            problems.addAll(e.problems());
            return strings;
        } catch (IOException e) {
            problems.error(SourceLocation.of(file), "cannot read the strings file: " + e.getMessage());
            return strings;
        }
        if (!(root instanceof YamlNode.Mapping mapping)) {
            problems.error(root.at(), "expected flat keys such as 'search.button: Search', found " + root.kind());
            return strings;
        }
        for (YamlNode.Entry e : mapping.entries().values()) {
            if (e.value() instanceof YamlNode.Scalar s && s.text() != null && !s.text().isBlank()) {
                strings.put(e.key(), s.text());
                keysAt.put(e.key(), e.keyAt());
            } else {
                problems.error(e.value().at(), "'" + e.key() + "' must be a text, found " + e.value().kind(),
                        "quote it if it has a colon");
            }
        }
        return strings;
    }

    /** The keys a template or script names with {@code t('...')}; an unknown one is a problem where it is named. */
    private static Set<String> used(Path file, Map<String, String> reference, Problems problems) {
        Set<String> keys = new TreeSet<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.error(SourceLocation.of(file), "cannot read: " + e.getMessage());
            return keys;
        }
        for (int i = 0; i < lines.size(); i++) {
            Matcher literal = LITERAL.matcher(lines.get(i));
            while (literal.find()) {
                if (reference.containsKey(literal.group(1))) {
                    keys.add(literal.group(1));
                }
            }
            Matcher m = USE.matcher(lines.get(i));
            while (m.find()) {
                String key = m.group(1);
                if (reference.containsKey(key)) {
                    keys.add(key);
                } else if (!reference.isEmpty()) {
                    problems.error(new SourceLocation(file, i + 1, m.start(1) + 1), "unknown string '" + key + "'",
                            unknownHint(key, reference.keySet()));
                }
            }
        }
        return keys;
    }

    static String unknownHint(String key, Set<String> known) {
        String hint = NearMiss.hint(key, known);
        return hint.startsWith("did you mean") ? hint : "add it to " + FOLDER + "/" + REFERENCE + ".yaml and every other language's file";
    }

    /**
     * A problem when the site is in a language the theme has no strings for.
     *
     * @param at where the site names the language in kb.yaml
     */
    public void require(String language, SourceLocation at, Problems problems) {
        if (!byLanguage.containsKey(language)) {
            problems.error(at, "the theme has no strings for language '" + language + "'",
                    "add templates/" + FOLDER + "/" + language + ".yaml with every key of kb's " + REFERENCE + ".yaml"
                            + " (kb theme eject " + FOLDER + "/" + REFERENCE + ".yaml gives a copy to translate)");
        }
    }

    /** Whether the theme has strings for {@code language}. */
    public boolean has(String language) {
        return byLanguage.containsKey(language);
    }

    /** Every key English has. */
    public Set<String> keys() {
        return byLanguage.getOrDefault(REFERENCE, Map.of()).keySet();
    }

    /**
     * The text of {@code key} in {@code language} with {@code {0}}, {@code {1}} ... replaced by the
     * arguments, as plain text.
     *
     * @throws IllegalArgumentException for a key or language the theme does not have
     */
    public String text(String language, String key, Object... args) {
        Map<String, String> strings = byLanguage.get(language);
        if (strings == null) {
            throw new IllegalArgumentException("the theme has no strings for language '" + language + "'");
        }
        String text = strings.get(key);
        if (text == null) {
            throw new IllegalArgumentException("unknown string '" + key + "'");
        }
        return fill(text, args);
    }

    static String fill(String text, Object... args) {
        if (text.indexOf('{') < 0) {
            return text; // no argument to fill: most strings of every page
        }
        Matcher m = ARGUMENT.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            int i = Integer.parseInt(m.group(1));
            m.appendReplacement(sb, Matcher.quoteReplacement(i < args.length ? String.valueOf(args[i]) : m.group()));
        }
        return m.appendTail(sb).toString();
    }

    /**
     * The strings the named scripts use, in {@code language}: what a page's kb-strings block holds
     * for the scripts it loads, and what widget.js carries for the widget, which runs on other sites.
     */
    public SortedMap<String, String> forScripts(String language, List<String> scripts) {
        SortedMap<String, String> out = new TreeMap<>();
        Map<String, String> strings = byLanguage.getOrDefault(language, Map.of());
        for (String script : scripts) {
            for (String key : scriptKeys.getOrDefault(script, Set.of())) {
                if (strings.containsKey(key)) {
                    out.put(key, strings.get(key));
                }
            }
        }
        return out;
    }

    /** The file {@code language}'s strings come from, if any. */
    public java.util.Optional<Path> file(String language) {
        return java.util.Optional.ofNullable(files.get(language));
    }

    /** The Locale dates and numbers of {@code language} are written in. */
    public static Locale locale(String language) {
        return Locale.forLanguageTag(language);
    }

    /** A date as readers of {@code language} write it: "December 6, 2026", "6 de diciembre de 2026". */
    public static String date(String language, LocalDate date) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale(language)).format(date);
    }

    /** {@code rtl} for a language written right to left, else {@code ltr}: the page's {@code dir} (kb.content.Language knows which). */
    public static String direction(String language) {
        return kb.content.Language.direction(language);
    }
}
