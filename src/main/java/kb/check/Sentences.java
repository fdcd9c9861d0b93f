package kb.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import kb.markdown.CodeFences;

/**
 * Cuts raw Markdown into the sentences a reader sees, each character still knowing the line and
 * column it was typed at. What is not prose is blanked out first, column for column: fenced and
 * inline code, link destinations and bare URLs, heading ids. Blocks (paragraphs, list items,
 * headings, table rows) never run into each other; inside a block, {@code . ! ?} before a space
 * ends a sentence.
 */
final class Sentences {
    // Anchored, no group repeated, possessive runs: each is one linear pass (see Blanks for the rest).
    private static final Pattern BLOCK_START = Pattern.compile("^\\s{0,3}+(?:#{1,6}\\s|[-*+]\\s|\\d{1,9}[.)]\\s|\\|)");
    private static final Pattern BREAK_ONLY =
            Pattern.compile("^\\s*+(?:\\[![A-Za-z]++]|\\{\\{\\s*+token-facts\\s[^}]*+}}|[-*_=]{3,}+)\\s*+$");

    /**
     * One sentence; {@code line[i]} and {@code column[i]} are where {@code text.charAt(i)} was
     * typed. A table row's {@code context} is its table's header row, which says what the row's
     * numbers are; elsewhere it is empty.
     */
    record Sentence(String text, int[] line, int[] column, String context) {
        /** The 1-based line of the character at {@code index}. */
        int lineAt(int index) {
            return line[index];
        }

        int columnAt(int index) {
            return column[index];
        }
    }

    private final List<Sentence> out = new ArrayList<>();
    private StringBuilder text = new StringBuilder();
    /** Line and column of each character of {@code text}: two arrays, not an object per character (a 9 MB article). */
    private int[] lines = new int[64];
    private int[] columns = new int[64];
    /** The header row of the table being read, or null outside a table. */
    private String tableHeader;
    private String context = "";

    private Sentences() {
    }

    /** The sentences of a Markdown text whose first line is line {@code firstLine} of its file. */
    static List<Sentence> of(String markdown, int firstLine) {
        Sentences s = new Sentences();
        String[] lines = markdown.split("\n", -1);
        CodeFences fences = new CodeFences();
        for (int i = 0; i < lines.length; i++) {
            String raw = lines[i];
            if (fences.isFence(raw)) {
                s.flush();
                continue;
            }
            if (fences.inCode()) {
                continue;
            }
            s.line(raw, firstLine + i, 1);
        }
        s.flush();
        return s.out;
    }

    /** The sentences of a single line of text that starts at {@code line:column} (a title, a question). */
    static List<Sentence> ofLine(String text, int line, int column) {
        Sentences s = new Sentences();
        s.line(text, line, column);
        s.flush();
        return s.out;
    }

    private void line(String raw, int lineNumber, int firstColumn) {
        char[] chars = raw.toCharArray();
        Arrays.fill(chars, 0, Blanks.quoteMarkers(raw), ' ');
        String unquoted = new String(chars);
        if (unquoted.isBlank() || BREAK_ONLY.matcher(unquoted).matches()) {
            flush();
            tableHeader = null;
            return;
        }
        if (BLOCK_START.matcher(unquoted).lookingAt()) {
            flush();
        }
        boolean row = unquoted.stripLeading().startsWith("|");
        if (!row) {
            tableHeader = null;
        } else if (tableHeader == null) {
            tableHeader = unquoted;
        } else {
            context = tableHeader;
        }
        Blanks.codeSpans(chars);
        Blanks.linkTargets(chars);
        Blanks.headingIds(chars);
        boolean heading = unquoted.stripLeading().startsWith("#");
        if (text.length() > 0) {
            add(' ', lineNumber, firstColumn);
        }
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            add(c, lineNumber, firstColumn + i);
            boolean end = (c == '.' || c == '!' || c == '?') && (i + 1 == chars.length || Character.isWhitespace(chars[i + 1]));
            if (end) {
                flush();
            }
        }
        if (heading || row) {
            flush();
        }
    }

    private void add(char c, int line, int column) {
        text.append(c);
        int i = text.length() - 1;
        if (i >= lines.length) {
            lines = Arrays.copyOf(lines, lines.length * 2);
            columns = Arrays.copyOf(columns, columns.length * 2);
        }
        lines[i] = line;
        columns[i] = column;
    }

    private void flush() {
        if (!text.toString().isBlank()) {
            out.add(new Sentence(text.toString(), Arrays.copyOf(lines, text.length()), Arrays.copyOf(columns, text.length()),
                    context));
        }
        text = new StringBuilder();
        lines = new int[64];
        columns = new int[64];
        context = "";
    }
}
