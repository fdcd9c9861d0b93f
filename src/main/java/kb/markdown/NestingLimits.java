package kb.markdown;

import java.nio.file.Path;
import kb.diagnostic.Problem;
import kb.diagnostic.SourceLocation;

/**
 * Refuses Markdown shaped to make flexmark overflow its stack or run for minutes, before
 * flexmark sees it. flexmark recurses once per nesting level (parser post-processing, renderer,
 * some regular expressions) and a few of its inline scans are quadratic: measured on 0.64.8,
 * 50,000 nested quotes, list levels or emphasis markers overflow a 1 MB stack, 50,000
 * {@code [} or {@code [](} in one paragraph take 30 to 90 seconds, and a link label full of
 * backslashes backtracks exponentially. Each limit below is far
 * beyond what a readable help article uses, and the error names the line and column where
 * the text crosses it.
 */
final class NestingLimits {
    /** Block quotes and list markers opening one line. */
    static final int MAX_DEPTH = 32;
    /** Columns of indentation before a line's text (nested lists indent 2 to 4 per level). */
    static final int MAX_INDENT = 128;
    /** The same emphasis character ({@code * _ ~}) in a row. */
    static final int MAX_RUN = 100;
    /** Brackets or parentheses opened and not yet closed in one paragraph. */
    static final int MAX_OPEN = 32;
    /** {@code [} in one paragraph: each may start a link that flexmark looks ahead for. */
    static final int MAX_BRACKETS = 1000;
    /** Emphasis markers ({@code * _ ~}) in one paragraph. */
    static final int MAX_DELIMITERS = 2000;
    /**
     * Backslashes after a {@code [} that is still open. flexmark's link label pattern can match a
     * backslash alone or with the character after it, so a label that fails to close backtracks
     * through every split: measured, 24 backslashes take 6 s and 48 over a minute. Found by
     * MarkdownFuzzIT.
     */
    static final int MAX_LABEL_BACKSLASHES = 16;
    /**
     * Characters of a rule ({@code ---}, {@code * * *}, {@code ___}). flexmark matches a rule
     * with {@code (?:-[ \t]*){3,}}, a repeated group that recurses once per character: 2,000
     * dashes overflow a 1 MB stack; 500 render.
     */
    static final int MAX_RULE = 500;
    /**
     * Lower-case letters, digits, {@code + . -} in a row. flexmark's autolink extension looks for
     * {@code scheme://} with {@code \b([a-z][a-z0-9+.-]*://)} from every word start of such a
     * run, quadratic in its length: 40,000 characters of {@code a.a.a.} took minutes. Only a run
     * with more than {@link #MAX_WORD_STARTS} such starts counts: the work is starts times length.
     */
    static final int MAX_WORD = 256;
    static final int MAX_WORD_STARTS = 16;
    /**
     * Lines of one block with no blank line between them. flexmark's block parsing is quadratic
     * in them when lines start with punctuation (a quote, a table, a paragraph of "!" lines):
     * measured, 10,000 lines take half a second, 40,000 eight seconds.
     */
    static final int MAX_BLOCK_LINES = 5000;
    /**
     * Backslash escapes in one paragraph: flexmark's parser and its text collection are quadratic
     * in them (measured, 5,000 {@code \[} took 5 s, 20,000 over a minute).
     */
    static final int MAX_ESCAPES = 2000;
    /**
     * Backticks in a row inside a paragraph: inline code needs one or two, a fence starts a line.
     * Each run of backticks makes flexmark look ahead for a closing run of the same length, so
     * runs of many different lengths multiply the scans below.
     */
    static final int MAX_TICKS = 32;
    /**
     * Inline scans times characters, in one paragraph. A backtick run, a {@code <} that may open
     * inline HTML or an autolink, and a {@code &} that may open an entity each cost flexmark a
     * regular-expression match whose result copies the whole paragraph
     * (java.util.regex.Matcher#toMatchResult): measured, 20,000 code spans in one 40,000-character
     * paragraph took 18 s, 40,000 took 52 s; 12,000 {@code <div>} 4.5 s and 12,000 {@code &amp;}
     * 7 s. A paragraph with 50 such places in 2,000 characters is at 100,000. Found by
     * MarkdownFuzzIT's long runs.
     */
    static final long MAX_SCAN_WORK = 20_000_000L;

    private NestingLimits() {
    }

    /**
     * The first limit the Markdown breaks, or null.
     *
     * @param firstLine the line of {@code file} the Markdown starts on
     */
    static Problem check(Path file, int firstLine, String markdown) {
        Paragraph paragraph = new Paragraph();
        String fence = null;
        int blockLines = 0;
        int lineStart = 0;
        for (int number = firstLine; lineStart <= markdown.length(); number++) {
            int end = markdown.indexOf('\n', lineStart);
            String line = markdown.substring(lineStart, end < 0 ? markdown.length() : end);
            lineStart = end < 0 ? markdown.length() + 1 : end + 1;
            String trimmed = line.stripLeading();
            boolean fenceLine = trimmed.startsWith("```") || trimmed.startsWith("~~~");
            if (fence != null && !fenceLine) {
                continue; // code is shown as written: flexmark does not parse inside it
            }
            if (fenceLine) {
                String marker = trimmed.substring(0, 3);
                fence = fence == null ? marker : marker.equals(fence) ? null : fence;
                paragraph = new Paragraph();
            }
            blockLines = line.isBlank() || fenceLine ? 0 : blockLines + 1;
            if (blockLines > MAX_BLOCK_LINES) {
                return new Position(file, number).error(0, "more than " + MAX_BLOCK_LINES + " lines without a blank line",
                        "leave a blank line between paragraphs, lists and tables");
            }
            Problem problem = checkLine(new Position(file, number), line, paragraph);
            if (problem != null) {
                return problem;
            }
            if (fenceLine || line.isBlank() || trimmed.startsWith("|")) {
                paragraph = new Paragraph(); // a table row's cells are parsed one by one
            }
        }
        return null;
    }

    private static Problem checkLine(Position at, String line, Paragraph paragraph) {
        int i = 0;
        int depth = 0;
        int indent = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t') {
                indent += c == '\t' ? 4 - indent % 4 : 1;
                if (indent > MAX_INDENT) {
                    return at.error(i, "line indented more than " + MAX_INDENT + " columns",
                            "nesting this deep cannot be read; un-indent it, or put code in a fenced block");
                }
                i++;
                continue;
            }
            int marker = containerMarker(line, i);
            if (marker == 0) {
                break;
            }
            if (++depth > MAX_DEPTH) {
                return at.error(i, "block quotes and lists nested more than " + MAX_DEPTH + " levels deep",
                        "flatten the structure; nobody can follow that many levels");
            }
            i += marker;
        }
        int textStart = i;
        int word = 0;
        int wordStarts = 0;
        for (; i < line.length(); i++) {
            char c = line.charAt(i);
            boolean letter = c >= 'a' && c <= 'z';
            boolean inWord = letter || (c >= '0' && c <= '9') || c == '+' || c == '.' || c == '-';
            char before = i > 0 ? line.charAt(i - 1) : ' ';
            boolean start = letter && (word == 0 || before == '+' || before == '.' || before == '-');
            wordStarts = !inWord ? 0 : start ? wordStarts + 1 : wordStarts;
            word = inWord ? word + 1 : 0;
            if (word > MAX_WORD && wordStarts > MAX_WORD_STARTS) {
                return at.error(i, "more than " + MAX_WORD + " letters, digits, '.', '+' or '-' without a space",
                        "break it with spaces, or put it in a fenced code block");
            }
            Problem problem = paragraph.add(at, line, i);
            if (problem == null && line.charAt(i) == '\\' && i + 1 < line.length()) {
                if (++paragraph.escapes > MAX_ESCAPES) {
                    return at.error(i, "more than " + MAX_ESCAPES + " backslash escapes in one paragraph",
                            "split the paragraph, or put the text in a fenced code block");
                }
                i++; // an escaped character is plain text, but an escaped backslash still counts as one
                problem = line.charAt(i) == '\\' ? paragraph.add(at, line, i) : null;
            }
            if (problem != null) {
                return problem;
            }
        }
        if (textStart < line.length() && ruleLength(line, textStart) > MAX_RULE) {
            return at.error(textStart, "more than " + MAX_RULE + " '" + line.charAt(textStart) + "' opening a line",
                    "a rule needs three: write ---; escape the first one as \\" + line.charAt(textStart) + " if it is text");
        }
        return null;
    }

    /**
     * How many rule characters ({@code - * _}, the one at {@code i}) the run of them and of spaces
     * and tabs starting at {@code i} holds: what flexmark's rule pattern recurses over.
     */
    private static int ruleLength(String line, int i) {
        char c = line.charAt(i);
        if (c != '-' && c != '*' && c != '_') {
            return 0;
        }
        int count = 0;
        for (int j = i; j < line.length(); j++) {
            char d = line.charAt(j);
            if (d == c) {
                count++;
            } else if (d != ' ' && d != '\t') {
                break;
            }
        }
        return count;
    }

    /** The length of a block quote or list marker at {@code i}, or 0. */
    private static int containerMarker(String line, int i) {
        char c = line.charAt(i);
        if (c == '>') {
            return 1;
        }
        boolean spaceAfter = i + 1 >= line.length() || line.charAt(i + 1) == ' ' || line.charAt(i + 1) == '\t';
        if ((c == '-' || c == '+' || c == '*') && spaceAfter) {
            return 1;
        }
        int j = i;
        while (j < line.length() && j - i < 9 && Character.isDigit(line.charAt(j))) {
            j++;
        }
        if (j > i && j < line.length() && (line.charAt(j) == '.' || line.charAt(j) == ')')
                && (j + 1 == line.length() || line.charAt(j + 1) == ' ' || line.charAt(j + 1) == '\t')) {
            return j - i + 1;
        }
        return 0;
    }

    /** A line's file and number; columns are 1-based characters. */
    private record Position(Path file, int line) {
        Problem error(int index, String message, String hint) {
            return Problem.error(new SourceLocation(file, line, index + 1), message, hint);
        }
    }

    /** Counts over one paragraph: flexmark parses a paragraph's inlines as one piece. */
    private static final class Paragraph {
        private int brackets;
        private int openBrackets;
        private int openParens;
        private int delimiters;
        private int run;
        private char previous;
        private int labelBackslashes;
        private int escapes;
        private int scans;
        private long characters;

        Problem add(Position at, String line, int i) {
            char c = line.charAt(i);
            characters++;
            run = c == previous && i > 0 ? run + 1 : 1;
            previous = c;
            switch (c) {
                case '[' -> {
                    if (++brackets > MAX_BRACKETS) {
                        return at.error(i, "more than " + MAX_BRACKETS + " '[' in one paragraph",
                                "split the paragraph, or escape literal brackets as \\[");
                    }
                    if (++openBrackets > MAX_OPEN) {
                        return at.error(i, "more than " + MAX_OPEN + " '[' left open in one paragraph",
                                "close them, or escape literal brackets as \\[");
                    }
                }
                case ']' -> {
                    openBrackets = Math.max(0, openBrackets - 1);
                    labelBackslashes = openBrackets == 0 ? 0 : labelBackslashes;
                }
                case '\\' -> {
                    if (openBrackets > 0 && ++labelBackslashes > MAX_LABEL_BACKSLASHES) {
                        return at.error(i, "more than " + MAX_LABEL_BACKSLASHES + " backslashes inside one [...]",
                                "close the bracket sooner, or write the text without escapes in `code`");
                    }
                }
                case '(' -> {
                    if (++openParens > MAX_OPEN) {
                        return at.error(i, "more than " + MAX_OPEN + " '(' left open in one paragraph",
                                "close them, or escape literal parentheses as \\(");
                    }
                }
                case ')' -> openParens = Math.max(0, openParens - 1);
                case '`' -> {
                    if (run > MAX_TICKS) {
                        return at.error(i, "more than " + MAX_TICKS + " '`' in a row",
                                "inline code needs one or two; for code, use a fenced block (``` on a line of its own)");
                    }
                    scans += run == 1 ? 1 : 0;
                }
                case '<' -> scans += i + 1 < line.length() && opensTag(line.charAt(i + 1)) ? 1 : 0;
                case '&' -> scans += i + 1 < line.length() && (line.charAt(i + 1) == '#' || Character.isLetter(line.charAt(i + 1))) ? 1 : 0;
                case '*', '_', '~' -> {
                    if (run > MAX_RUN) {
                        return at.error(i, "more than " + MAX_RUN + " '" + c + "' in a row",
                                "escape them as \\" + c + " or put them in `code`");
                    }
                    if (++delimiters > MAX_DELIMITERS) {
                        return at.error(i, "more than " + MAX_DELIMITERS + " emphasis markers (*, _, ~) in one paragraph",
                                "split the paragraph, or escape literal markers with \\");
                    }
                }
                default -> { }
            }
            if (scans * characters > MAX_SCAN_WORK) {
                return at.error(i, "too much inline code, HTML or entities in one paragraph (" + scans + " in "
                        + characters + " characters)", "split the paragraph, or put the text in a fenced code block");
            }
            return null;
        }

        /** Whether {@code <} then {@code c} may start inline HTML or an autolink. */
        private static boolean opensTag(char c) {
            return Character.isLetter(c) || c == '/' || c == '!' || c == '?';
        }
    }
}
