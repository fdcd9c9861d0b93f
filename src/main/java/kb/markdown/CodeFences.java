package kb.markdown;

/**
 * Which lines of Markdown are inside a fenced code block (``` or ~~~), read line by line: the
 * preprocessor leaves code alone, and the fact-drift check does not read code as sentences.
 */
public final class CodeFences {
    private String open;

    /** Reads the next line; true if it opens or closes a fence (a fence line is code's edge, not text). */
    public boolean isFence(String line) {
        String trimmed = line.stripLeading();
        if (!trimmed.startsWith("```") && !trimmed.startsWith("~~~")) {
            return false;
        }
        String marker = trimmed.substring(0, 3);
        open = open == null ? marker : marker.equals(open) ? null : open;
        return true;
    }

    /** Whether the lines read so far leave a fence open. */
    public boolean inCode() {
        return open != null;
    }
}
