package kb.markdown;

import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataKey;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import kb.diagnostic.SourceLocation;

/**
 * What one render of one document knows: heading ids, the links it found, the page's link
 * rewriter and facts. Kept on flexmark's document so the shared, thread-safe parser and
 * renderer never hold per-page state.
 */
final class PageState {
    static final DataKey<PageState> KEY = new DataKey<>("kb.page", (PageState) null);

    final Path file;
    final int firstLine;
    final Links links;
    final Facts facts;
    final Map<Node, Heading> headings = new IdentityHashMap<>();
    final List<LinkRef> found = new ArrayList<>();
    private final int[] lineStarts;

    PageState(Path file, int firstLine, String text, Links links, Facts facts) {
        this.file = file;
        this.firstLine = firstLine;
        this.links = links;
        this.facts = facts;
        this.lineStarts = lineStarts(text);
    }

    /** The writer's line and column of an offset into the (preprocessed) Markdown. */
    SourceLocation locate(int offset) {
        int index = Arrays.binarySearch(lineStarts, offset);
        int line = index >= 0 ? index : -index - 2;
        return new SourceLocation(file, firstLine + line, offset - lineStarts[line] + 1);
    }

    private static int[] lineStarts(String text) {
        int[] starts = new int[16];
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, count);
    }
}
