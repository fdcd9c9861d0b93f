package kb.template;

import java.util.List;

/** A section as the home page shows it: its first articles and how many it has. */
public record SectionCardModel(String title, String description, String url, int count, List<ArticleLinkModel> articles) {
    public SectionCardModel {
        articles = List.copyOf(articles);
    }
}
