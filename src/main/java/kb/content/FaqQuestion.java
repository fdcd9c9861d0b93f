package kb.content;

import java.util.List;
import kb.diagnostic.SourceLocation;

/**
 * One FAQ question: its heading text, its stable anchor (and old anchors kept as aliases), and
 * its answer as Markdown starting at {@code answerLine} of the group's file.
 */
public record FaqQuestion(String question, String anchor, List<String> aliases, String answerMarkdown,
        SourceLocation at, int answerLine) {
    public FaqQuestion {
        aliases = List.copyOf(aliases);
    }
}
