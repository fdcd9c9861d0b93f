package kb.markdown;

import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableSeparator;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import java.util.ArrayList;
import java.util.List;

/** Plain text out of a parsed page: per heading, for search records and excerpts. */
final class PlainText {
    private PlainText() {
    }

    /** A callout's marker and its kind ({@link Preprocessor#CALLOUT}), which the text leaves out. */
    private static final java.util.regex.Pattern CALLOUTS = java.util.regex.Pattern.compile(Preprocessor.CALLOUT + "[A-Z]+\\s*");

    static String of(Node node) {
        return oneSpace(collect(node)).strip();
    }

    /**
     * {@code text} with each run of white space, as the regular expression {@code \s} knows it
     * (space, tab, line feed, vertical tab, form feed, carriage return), made one space. What
     * {@code replaceAll("\\s+", " ")} gave, which compiled its pattern on every call (once per
     * block of every page) and ran under the client compiler at a quarter of this loop's speed:
     * on the 1,000-article corpus's 3.9 MB of Markdown, 530-960 ms against 150-250 ms.
     */
    static String oneSpace(String text) {
        // From a char array: String#charAt checks its index on every call (see kb.search.Analyses).
        char[] in = text.toCharArray();
        char[] out = new char[in.length];
        int n = 0;
        boolean run = false;
        for (char c : in) {
            boolean space = c == ' ' || c == '\t' || c == '\n' || c == '\013' || c == '\f' || c == '\r';
            if (!space) {
                out[n++] = c;
            } else if (!run) {
                out[n++] = ' ';
            }
            run = space;
        }
        return new String(out, 0, n);
    }

    /**
     * Text of a node. Table cells are collected one by one: flexmark joins them with nothing in
     * between, which glued the last word of a cell to the first of the next ("reconnected" and
     * "Off" became one word, found by no search).
     */
    private static String collect(Node node) {
        if (node instanceof TableSeparator) {
            return "";
        }
        if (node instanceof TableCell) {
            return visit(node) + " ";
        }
        if (!containsCells(node)) {
            return visit(node);
        }
        StringBuilder sb = new StringBuilder();
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            sb.append(collect(child)).append('\n');
        }
        return sb.toString();
    }

    private static boolean containsCells(Node node) {
        for (Node n : node.getDescendants()) {
            if (n instanceof TableCell) {
                return true;
            }
        }
        return false;
    }

    private static String visit(Node node) {
        String text;
        try {
            text = new TextCollectingVisitor().collectAndGetText(node);
        } catch (AssertionError e) {
            // flexmark 0.64.8's SpaceInsertingSequenceBuilder mis-tracks a cached length for some
            // nested quote and list shapes and asserts on it (only with -ea, as in tests; found by
            // MarkdownFuzzIT). The text is all there: collect it from the leaves instead.
            text = leafText(node);
        }
        return text;
    }

    private static String leafText(Node node) {
        StringBuilder sb = new StringBuilder();
        for (Node n : node.getDescendants()) {
            if (!n.hasChildren()) {
                sb.append(n.getChars().unescape()).append(' ');
            }
        }
        return sb.toString();
    }

    /** The intro, then one part per h2/h3; deeper headings stay inside their h3's text. */
    static List<TextSection> sections(Node document, PageState state) {
        List<TextSection> out = new ArrayList<>();
        String heading = null;
        String anchor = null;
        int level = 0;
        StringBuilder text = new StringBuilder();
        for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
            if (block instanceof com.vladsch.flexmark.ast.Heading h && h.getLevel() >= 2 && h.getLevel() <= 3) {
                out.add(new TextSection(heading, anchor, level, text.toString().strip()));
                Heading info = state.headings.get(h);
                heading = info.text();
                anchor = info.id();
                level = h.getLevel();
                text.setLength(0);
            } else {
                String part = of(block);
                if (part.contains(Preprocessor.CALLOUT)) {
                    part = CALLOUTS.matcher(part).replaceAll("");
                }
                if (part.startsWith(Preprocessor.BOX)) {
                    continue;
                }
                text.append(part).append('\n');
            }
        }
        out.add(new TextSection(heading, anchor, level, text.toString().strip()));
        if (out.get(0).text().isEmpty() && out.size() > 1) {
            out.remove(0);
        }
        return out;
    }
}
