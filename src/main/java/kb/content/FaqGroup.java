package kb.content;

import java.nio.file.Path;
import java.util.List;

/** One file of {@code content/faq/}: a titled group of questions. */
public record FaqGroup(String slug, String title, int order, Path source, List<FaqQuestion> questions) {
    public FaqGroup {
        questions = List.copyOf(questions);
    }
}
