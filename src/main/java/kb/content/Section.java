package kb.content;

import java.util.List;

/** A folder of articles under {@code content/articles/}, its articles in reading order. */
public record Section(String slug, String title, String description, int order, List<Article> articles) {
    public Section {
        articles = List.copyOf(articles);
    }
}
