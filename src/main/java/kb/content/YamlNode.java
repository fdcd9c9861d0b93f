package kb.content;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kb.diagnostic.SourceLocation;

/**
 * A YAML value that remembers where it was written, so every validation error can point at
 * the exact key or value in the writer's file.
 */
public sealed interface YamlNode {
    SourceLocation at();

    /** A short name of the kind, for "expected a list, found a text" messages. */
    String kind();

    /** A plain value; {@code text} is null for YAML's null. {@code quoted} or typed as YAML saw it. */
    record Scalar(String text, ScalarType type, SourceLocation at) implements YamlNode {
        @Override
        public String kind() {
            return switch (type) {
                case NULL -> "nothing";
                case BOOLEAN -> "true/false";
                case INTEGER, DECIMAL -> "a number";
                case TEXT -> "a text";
            };
        }
    }

    /** How YAML typed a scalar. */
    enum ScalarType { TEXT, INTEGER, DECIMAL, BOOLEAN, NULL }

    /** A key of a mapping, with the place of the key itself (unknown-key errors point there). */
    record Entry(String key, SourceLocation keyAt, YamlNode value) { }

    record Mapping(Map<String, Entry> entries, SourceLocation at) implements YamlNode {
        public Mapping {
            entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        @Override
        public String kind() {
            return "a mapping";
        }
    }

    record Sequence(List<YamlNode> items, SourceLocation at) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String kind() {
            return "a list";
        }
    }
}
