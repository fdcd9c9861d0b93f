package kb.content;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kb.diagnostic.KbException;
import kb.diagnostic.Problem;
import kb.diagnostic.SourceLocation;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML into {@link YamlNode}s with Jackson's streaming parser, keeping each token's
 * line and column. Jackson's tree model drops positions, and kb's errors need them.
 */
public final class YamlReader {
    private static final int MAX_DEPTH = 50;
    private static final YAMLFactory FACTORY = factory();

    private YamlReader() {
    }

    /**
     * Parses {@code yaml}, which starts at line {@code firstLine} of {@code file} (front matter
     * starts below its {@code ---}). An empty document is an empty mapping.
     */
    public static YamlNode read(Path file, String yaml, int firstLine) {
        try (JsonParser parser = FACTORY.createParser(yaml)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new YamlNode.Mapping(Map.of(), new SourceLocation(file, firstLine, 1));
            }
            return new Builder(parser, file, firstLine - 1).value(0);
        } catch (JsonProcessingException e) {
            throw new KbException(problem(file, firstLine, e));
        } catch (IOException e) {
            throw new KbException(Problem.error(SourceLocation.of(file), "cannot read YAML: " + e.getMessage()));
        }
    }

    /**
     * The YAML error where the writer can fix it: SnakeYAML knows both where it gave up and where
     * the broken construct began (an unclosed quote or bracket); the beginning is the useful place.
     */
    private static Problem problem(Path file, int firstLine, JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException m && m.getProblemMark() != null) {
            Mark mark = m.getContextMark() != null ? m.getContextMark() : m.getProblemMark();
            String problem = m.getProblem() == null ? "cannot parse" : m.getProblem().replace("\\t(TAB)", "a tab");
            String message = m.getContext() == null ? problem : m.getContext() + ": " + problem;
            String hint = problem.startsWith("mapping values are not allowed")
                    ? "a value that contains ': ' must be quoted, like title: \"Reconnect: step by step\""
                    : problem.contains("a tab") ? "indent YAML with spaces" : null;
            return Problem.error(new SourceLocation(file, mark.getLine() + firstLine, mark.getColumn() + 1),
                    "invalid YAML: " + firstSentence(message), hint);
        }
        JsonLocation loc = e.getLocation();
        int line = loc == null ? 1 : Math.max(loc.getLineNr(), 1);
        int col = loc == null ? 1 : Math.max(loc.getColumnNr(), 1);
        String message = e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Expected a field name")
                ? "a key must be a plain word, not a list or mapping" : firstSentence(e.getOriginalMessage());
        return Problem.error(new SourceLocation(file, line + firstLine - 1, col), "invalid YAML: " + message);
    }

    private static String firstSentence(String message) {
        if (message == null) {
            return "cannot parse";
        }
        String oneLine = message.replaceAll("\\s+", " ").trim();
        int cut = oneLine.indexOf(" in 'reader'");
        if (cut > 0) {
            oneLine = oneLine.substring(0, cut);
        }
        return oneLine.length() > 160 ? oneLine.substring(0, 160) + "..." : oneLine;
    }

    private static YAMLFactory factory() {
        LoaderOptions options = new LoaderOptions();
        // Billion-laughs style alias bombs and absurd nesting are refused, not expanded.
        options.setMaxAliasesForCollections(20);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setAllowDuplicateKeys(true); // duplicates are reported by Builder, with their place
        YAMLFactory factory = YAMLFactory.builder().loaderOptions(options).build();
        factory.setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build());
        return factory;
    }

    /** Turns the token stream into nodes; one instance per document. */
    private record Builder(JsonParser parser, Path file, int lineOffset) {
        YamlNode value(int depth) throws IOException {
            SourceLocation at = here();
            JsonToken token = parser.currentToken();
            return switch (token) {
                case START_OBJECT -> mapping(at, depth);
                case START_ARRAY -> sequence(at, depth);
                case VALUE_NUMBER_INT -> new YamlNode.Scalar(parser.getText(), YamlNode.ScalarType.INTEGER, at);
                case VALUE_NUMBER_FLOAT -> new YamlNode.Scalar(parser.getText(), YamlNode.ScalarType.DECIMAL, at);
                case VALUE_TRUE, VALUE_FALSE -> new YamlNode.Scalar(parser.getText(), YamlNode.ScalarType.BOOLEAN, at);
                case VALUE_NULL -> new YamlNode.Scalar(null, YamlNode.ScalarType.NULL, at);
                default -> new YamlNode.Scalar(parser.getText(), YamlNode.ScalarType.TEXT, at);
            };
        }

        private YamlNode mapping(SourceLocation at, int depth) throws IOException {
            Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                SourceLocation keyAt = here();
                parser.nextToken();
                YamlNode value = value(depth + 1);
                if (entries.containsKey(key)) {
                    throw new KbException(Problem.error(keyAt, "duplicate key '" + key + "'",
                            "it is already set at line " + entries.get(key).keyAt().line()));
                }
                entries.put(key, new YamlNode.Entry(key, keyAt, value));
            }
            return new YamlNode.Mapping(entries, at);
        }

        private YamlNode sequence(SourceLocation at, int depth) throws IOException {
            List<YamlNode> items = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                items.add(value(depth + 1));
            }
            return new YamlNode.Sequence(items, at);
        }

        private SourceLocation here() {
            JsonLocation loc = parser.currentTokenLocation();
            return new SourceLocation(file, Math.max(loc.getLineNr(), 1) + lineOffset, Math.max(loc.getColumnNr(), 1));
        }
    }
}
