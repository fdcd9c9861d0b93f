package kb.content;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import kb.diagnostic.Problems;
import kb.diagnostic.SourceLocation;

/**
 * Typed, strict reading of one YAML mapping (front matter, {@code kb.yaml}, a network entry).
 * Unknown keys are errors with a "did you mean" hint; a wrong type is an error at the value.
 * Problems are collected, not thrown, so a writer sees every mistake of a file at once.
 */
public final class Fields {
    private final YamlNode.Mapping map;
    private final Problems problems;

    /** Reads {@code node} as a mapping of the {@code known} keys; anything else is reported. */
    public Fields(YamlNode node, String what, Collection<String> known, Problems problems) {
        this.problems = problems;
        if (node instanceof YamlNode.Mapping m) {
            this.map = m;
            for (YamlNode.Entry entry : m.entries().values()) {
                if (!known.contains(entry.key())) {
                    problems.error(entry.keyAt(), "unknown key '" + entry.key() + "' in " + what,
                            NearMiss.hint(entry.key(), known));
                }
            }
        } else {
            problems.error(node.at(), what + " must be a mapping of keys to values, found " + node.kind());
            this.map = new YamlNode.Mapping(java.util.Map.of(), node.at());
        }
    }

    public boolean has(String key) {
        return map.entries().containsKey(key) && !isNull(map.entries().get(key).value());
    }

    /** Where the key's value is, or the mapping itself when the key is absent. */
    public SourceLocation at(String key) {
        YamlNode.Entry entry = map.entries().get(key);
        return entry == null ? map.at() : entry.value().at();
    }

    public Optional<String> text(String key) {
        return scalar(key, "a text").map(s -> s.text().strip()).filter(s -> !s.isEmpty());
    }

    /** A text that must be present and non-blank. */
    public String requiredText(String key) {
        Optional<String> value = text(key);
        if (value.isEmpty() && !wrongType(key)) {
            problems.error(at(key), "missing required '" + key + "'", "add a line '" + key + ": ...'");
        }
        return value.orElse("");
    }

    public Optional<Integer> integer(String key) {
        Optional<YamlNode.Scalar> s = scalar(key, "a whole number");
        if (s.isEmpty()) {
            return Optional.empty();
        }
        try {
            if (s.get().type() != YamlNode.ScalarType.INTEGER) {
                throw new NumberFormatException();
            }
            return Optional.of(Integer.parseInt(s.get().text()));
        } catch (NumberFormatException e) {
            problems.error(s.get().at(), "'" + key + "' must be a whole number, found '" + s.get().text() + "'");
            return Optional.empty();
        }
    }

    /** A whole number that must be above zero, such as a number of days. */
    public Optional<Integer> positive(String key) {
        Optional<Integer> value = integer(key);
        if (value.isPresent() && value.get() <= 0) {
            problems.error(at(key), "'" + key + "' must be greater than zero, found " + value.get());
            return Optional.empty();
        }
        return value;
    }

    public Optional<LocalDate> date(String key) {
        Optional<YamlNode.Scalar> s = scalar(key, "a date");
        if (s.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(s.get().text().strip()));
        } catch (DateTimeParseException e) {
            problems.error(s.get().at(), "'" + key + "' must be a date like 2026-01-31, found '" + s.get().text() + "'");
            return Optional.empty();
        }
    }

    public boolean bool(String key, boolean otherwise) {
        Optional<YamlNode.Scalar> s = scalar(key, "true or false");
        if (s.isEmpty()) {
            return otherwise;
        }
        if (s.get().type() != YamlNode.ScalarType.BOOLEAN) {
            problems.error(s.get().at(), "'" + key + "' must be true or false, found '" + s.get().text() + "'");
            return otherwise;
        }
        return Boolean.parseBoolean(s.get().text());
    }

    /** A switch written {@code on}/{@code off} (as settings files say it) or {@code true}/{@code false}. */
    public boolean onOff(String key, boolean otherwise) {
        Optional<YamlNode.Scalar> s = scalar(key, "on or off");
        if (s.isEmpty()) {
            return otherwise;
        }
        String text = s.get().text() == null ? "" : s.get().text().strip().toLowerCase(java.util.Locale.ROOT);
        switch (text) {
            case "on", "true":
                return true;
            case "off", "false":
                return false;
            default:
                problems.error(s.get().at(), "'" + key + "' must be on or off, found '" + s.get().text() + "'");
                return otherwise;
        }
    }

    /** A list of texts; a single text is accepted as a list of one. */
    public List<Located<String>> texts(String key) {
        List<Located<String>> out = new ArrayList<>();
        for (YamlNode item : items(key)) {
            if (item instanceof YamlNode.Scalar s && s.type() != YamlNode.ScalarType.NULL && !s.text().isBlank()) {
                out.add(new Located<>(s.text().strip(), s.at()));
            } else {
                problems.error(item.at(), "each item of '" + key + "' must be a text, found " + item.kind());
            }
        }
        return out;
    }

    /** A list of whole numbers. */
    public List<Located<Integer>> integers(String key) {
        List<Located<Integer>> out = new ArrayList<>();
        for (YamlNode item : items(key)) {
            if (item instanceof YamlNode.Scalar s && s.type() == YamlNode.ScalarType.INTEGER) {
                out.add(new Located<>(Integer.parseInt(s.text()), s.at()));
            } else {
                problems.error(item.at(), "each item of '" + key + "' must be a whole number, found " + item.kind());
            }
        }
        return out;
    }

    /** The raw node of a key, for nested structures. */
    public Optional<YamlNode> node(String key) {
        YamlNode.Entry entry = map.entries().get(key);
        return entry == null || isNull(entry.value()) ? Optional.empty() : Optional.of(entry.value());
    }

    private List<YamlNode> items(String key) {
        Optional<YamlNode> node = node(key);
        if (node.isEmpty()) {
            return List.of();
        }
        if (node.get() instanceof YamlNode.Sequence seq) {
            return seq.items();
        }
        if (node.get() instanceof YamlNode.Scalar) {
            return List.of(node.get());
        }
        problems.error(node.get().at(), "'" + key + "' must be a list, found " + node.get().kind());
        return List.of();
    }

    private Optional<YamlNode.Scalar> scalar(String key, String expected) {
        Optional<YamlNode> node = node(key);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        if (node.get() instanceof YamlNode.Scalar s) {
            return Optional.of(s);
        }
        problems.error(node.get().at(), "'" + key + "' must be " + expected + ", found " + node.get().kind());
        return Optional.empty();
    }

    private boolean wrongType(String key) {
        return node(key).filter(n -> !(n instanceof YamlNode.Scalar)).isPresent();
    }

    private static boolean isNull(YamlNode node) {
        return node instanceof YamlNode.Scalar s && s.type() == YamlNode.ScalarType.NULL;
    }
}
