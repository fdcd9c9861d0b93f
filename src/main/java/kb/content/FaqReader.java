package kb.content;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import kb.diagnostic.KbException;
import kb.diagnostic.Problems;
import kb.diagnostic.SourceLocation;

/**
 * Reads one FAQ file: front matter for the group, then one question per {@code ## } heading with
 * the Markdown under it as the answer.
 */
final class FaqReader {
    static final Set<String> KEYS = Set.of("title", "order");

    private FaqReader() {
    }

    static FaqGroup read(Path file, String slug, Problems problems) {
        FrontMatter fm;
        try {
            fm = FrontMatter.split(SourceText.read(file));
        } catch (KbException e) {
            problems.addAll(e.problems());
            return null;
        }
        if (!(fm.yaml() instanceof YamlNode.Mapping)) {
            problems.error(fm.yaml().at(), "FAQ front matter must be a mapping of keys to values, found "
                    + fm.yaml().kind(), "write one 'key: value' per line, like title: LinkedIn");
            return null;
        }
        Fields f = new Fields(fm.yaml(), "FAQ front matter", KEYS, problems);
        String title = f.requiredText("title");
        int order = f.integer("order").orElse(1000);
        return new FaqGroup(slug, title, order, file, questions(file, fm, problems));
    }

    private static List<FaqQuestion> questions(Path file, FrontMatter fm, Problems problems) {
        List<FaqQuestion> out = new ArrayList<>();
        String[] lines = fm.body().split("\n", -1);
        boolean inFence = false;
        String fence = "";
        int start = -1;
        for (int i = 0; i <= lines.length; i++) {
            String line = i < lines.length ? lines[i] : null;
            if (line != null) {
                String trimmed = line.stripLeading();
                if (trimmed.startsWith("```") || trimmed.startsWith("~~~")) {
                    String marker = trimmed.substring(0, 3);
                    if (!inFence) {
                        inFence = true;
                        fence = marker;
                    } else if (marker.equals(fence)) {
                        inFence = false;
                    }
                }
            }
            boolean heading = line != null && !inFence && line.startsWith("## ");
            if (heading || line == null) {
                if (start >= 0) {
                    out.add(question(file, fm.bodyLine(), lines, start, i, problems));
                } else if (i > 0) {
                    reportStrayText(file, fm.bodyLine(), lines, i, problems);
                }
                start = i;
            }
        }
        if (out.isEmpty()) {
            problems.error(new SourceLocation(file, fm.bodyLine(), 1), "FAQ file has no questions",
                    "write each question as a '## ' heading with its answer below it");
        }
        return out;
    }

    private static FaqQuestion question(Path file, int bodyLine, String[] lines, int from, int to, Problems problems) {
        int line = bodyLine + from;
        Anchors.HeadingText heading = Anchors.parse(lines[from].substring(3));
        String anchor = heading.pinnedId() != null ? heading.pinnedId() : Anchors.slug(heading.text());
        SourceLocation at = new SourceLocation(file, line, 1);
        if (heading.text().isEmpty()) {
            problems.error(at, "FAQ question has no text");
        }
        if (anchor.isEmpty()) {
            problems.error(at, "FAQ question gives no anchor", "pin one: ## Question {#my-anchor}");
        }
        String answer = String.join("\n", java.util.Arrays.asList(lines).subList(from + 1, to));
        if (answer.isBlank()) {
            problems.error(at, "FAQ question '" + heading.text() + "' has an empty answer",
                    "write the answer under the heading");
        }
        return new FaqQuestion(heading.text(), anchor, heading.aliases(), answer, at, line + 1);
    }

    private static void reportStrayText(Path file, int bodyLine, String[] lines, int end, Problems problems) {
        for (int i = 0; i < end; i++) {
            if (!lines[i].isBlank()) {
                problems.error(new SourceLocation(file, bodyLine + i, 1), "text outside any question",
                        "start each question with a '## ' heading; put the text under one");
                return;
            }
        }
    }
}
