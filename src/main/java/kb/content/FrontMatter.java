package kb.content;

import kb.diagnostic.KbException;
import kb.diagnostic.Problem;
import kb.diagnostic.SourceLocation;

/**
 * A Markdown file split at its front matter: the YAML between the opening and closing
 * {@code ---} lines, and the body after them, each knowing the line it starts on.
 */
public record FrontMatter(YamlNode yaml, String body, int bodyLine) {

    /** Splits and parses; a file without front matter, or one never closed, is an error at line 1. */
    public static FrontMatter split(SourceText source) {
        String text = source.text();
        if (text.isBlank()) {
            throw new KbException(Problem.error(new SourceLocation(source.path(), 1, 1), "file is empty",
                    "start it with front matter: ---, title: ..., ---"));
        }
        if (!text.startsWith("---\n") && !text.equals("---")) {
            throw new KbException(Problem.error(new SourceLocation(source.path(), 1, 1),
                    "missing front matter", "start the file with a line '---', then 'title: ...', then '---'"));
        }
        int close = findClosing(text);
        if (close < 0) {
            throw new KbException(Problem.error(new SourceLocation(source.path(), 1, 1),
                    "front matter is never closed", "add a line '---' after the last front matter key"));
        }
        String yaml = text.substring(4, close);
        int yamlLines = (int) yaml.chars().filter(c -> c == '\n').count();
        int bodyStart = text.indexOf('\n', close + 1);
        String body = bodyStart < 0 ? "" : text.substring(bodyStart + 1);
        YamlNode node = YamlReader.read(source.path(), yaml, 2);
        return new FrontMatter(node, body, 2 + yamlLines + 1);
    }

    /** The offset of the closing {@code ---} line, or -1. */
    private static int findClosing(String text) {
        int from = 4;
        while (from <= text.length()) {
            int end = text.indexOf('\n', from);
            String line = end < 0 ? text.substring(from) : text.substring(from, end);
            if (line.stripTrailing().equals("---")) {
                return from;
            }
            if (end < 0) {
                return -1;
            }
            from = end + 1;
        }
        return -1;
    }
}
