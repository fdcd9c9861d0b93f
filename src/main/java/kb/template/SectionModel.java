package kb.template;

import java.util.List;

/** The section a section page shows, with every article of it. */
public record SectionModel(String title, String description, List<ArticleLinkModel> articles) {
    public SectionModel {
        articles = List.copyOf(articles);
    }
}
