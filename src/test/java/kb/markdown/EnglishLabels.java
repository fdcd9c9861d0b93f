package kb.markdown;

import java.util.Map;

/** The shipped theme's English labels (templates/i18n/en.yaml, markdown.* and callout.*), for tests of kb.markdown alone. */
public final class EnglishLabels {
    public static final Labels LABELS = new Labels("Copy link to section: {0}", "Done", "To do", Map.of(
            "NOTE", "Note", "TIP", "Tip", "RECOMMENDED", "Recommended",
            "IMPORTANT", "Important", "WARNING", "Warning", "CAUTION", "Caution"));

    private EnglishLabels() {
    }
}
