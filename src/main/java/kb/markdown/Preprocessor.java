package kb.markdown;

import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.diagnostic.Problems;
import kb.diagnostic.SourceLocation;

/**
 * Rewrites kb's own syntax before flexmark sees it, line by line so positions stay put:
 * inline facts become their text, a facts box line becomes a placeholder paragraph, and a
 * callout marker ({@code > [!TIP]}) becomes a marker word the callout renderer recognises.
 * Fenced code is left alone, so documentation can show the syntax itself.
 */
final class Preprocessor {
    static final String BOX = "KBFACTSBOX-";
    static final String CALLOUT = "KBCALLOUT-";

    // Possessive throughout: no run gives back characters, so each match is one pass over the line.
    private static final Pattern FACT = Pattern.compile("\\{\\{\\s*+([A-Za-z-]++)\\s++([^\\s}]++)\\s*+}}");
    private static final Pattern BOX_LINE = Pattern.compile("^\\s*+\\{\\{\\s*+token-facts\\s++([^\\s}]++)\\s*+}}\\s*+$");
    private static final Pattern CALLOUT_LINE = Pattern.compile("^(\\s*+>\\s*+)\\[!([A-Za-z]++)]\\s*+$");

    private Preprocessor() {
    }

    static String expand(String markdown, Path file, int firstLine, Facts facts, Problems problems) {
        String[] lines = markdown.split("\n", -1);
        StringBuilder out = new StringBuilder(markdown.length() + 64);
        CodeFences fences = new CodeFences();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (!fences.isFence(line) && !fences.inCode()) {
                line = expandLine(line, new SourceLocation(file, firstLine + i, 1), facts, problems);
            }
            out.append(line);
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    /**
     * The Markdown as a reader of the Markdown copy should see it: each inline fact as its text
     * and each facts box line as whatever {@code facts.box} gives (Markdown, for this use). The
     * content was checked when the page was rendered, so a fact that fails is left as written.
     */
    static String expandAsMarkdown(String markdown, Facts facts) {
        String[] lines = markdown.split("\n", -1);
        StringBuilder out = new StringBuilder(markdown.length() + 256);
        CodeFences fences = new CodeFences();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (!fences.isFence(line) && !fences.inCode()) {
                Matcher box = BOX_LINE.matcher(line);
                line = box.matches() ? boxOrLine(facts, box.group(1), line) : inlineFacts(line, facts);
            }
            out.append(line);
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static String boxOrLine(Facts facts, String id, String line) {
        try {
            return facts.box(id);
        } catch (IllegalArgumentException e) {
            return line;
        }
    }

    private static String inlineFacts(String line, Facts facts) {
        if (line.indexOf("{{") < 0) {
            return line;
        }
        Matcher m = FACT.matcher(line);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String replacement;
            try {
                replacement = escapeMarkdown(facts.inline(m.group(1).toLowerCase(Locale.ROOT), m.group(2)));
            } catch (IllegalArgumentException e) {
                replacement = m.group();
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String expandLine(String line, SourceLocation at, Facts facts, Problems problems) {
        // A writer who types kb's own markers gets them as text: "\-" shows as "-", but is no marker.
        line = line.replace(BOX, BOX.substring(0, BOX.length() - 1) + "\\-")
                .replace(CALLOUT, CALLOUT.substring(0, CALLOUT.length() - 1) + "\\-");
        // Each pattern only on a line that holds its opening: most lines hold neither, and a
        // matcher per pattern for each line of every article added up (JFR).
        Matcher box = line.indexOf("{{") < 0 ? null : BOX_LINE.matcher(line);
        if (box != null && box.matches()) {
            String id = box.group(1);
            try {
                facts.box(id);
                return BOX + id;
            } catch (IllegalArgumentException e) {
                problems.error(column(at, box.start(1)), e.getMessage());
                return "";
            }
        }
        Matcher callout = line.indexOf("[!") < 0 ? null : CALLOUT_LINE.matcher(line);
        if (callout != null && callout.matches()) {
            String kind = callout.group(2).toUpperCase(Locale.ROOT);
            if (!Labels.CALLOUTS.contains(kind)) {
                problems.error(column(at, callout.start(2)), "unknown callout '[!" + callout.group(2) + "]'",
                        "use one of " + String.join(", ", Labels.CALLOUTS.stream().sorted().toList()));
                return line;
            }
            return callout.group(1) + CALLOUT + kind;
        }
        if (line.indexOf("{{") < 0) {
            return line;
        }
        Matcher m = FACT.matcher(line);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String replacement;
            try {
                replacement = facts.inline(m.group(1).toLowerCase(Locale.ROOT), m.group(2));
            } catch (IllegalArgumentException e) {
                problems.error(column(at, m.start()), e.getMessage());
                replacement = m.group();
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(escapeMarkdown(replacement)));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static SourceLocation column(SourceLocation line, int index) {
        return new SourceLocation(line.file(), line.line(), index + 1);
    }

    /** Data text is shown as written, never read as Markdown or HTML. */
    private static String escapeMarkdown(String text) {
        return text.replaceAll("([\\\\`*_\\[\\]<>#|~])", "\\\\$1");
    }
}
