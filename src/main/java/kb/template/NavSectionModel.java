package kb.template;

import java.util.List;

/**
 * A section in the sidebar: only the open one lists articles, a window of them around the
 * current one, and says how many it leaves out.
 */
public record NavSectionModel(String title, String url, boolean current, boolean currentPage,
        List<ArticleLinkModel> articles, int count, int hidden) {
    public NavSectionModel {
        articles = List.copyOf(articles);
    }
}
