package kb.template;

import java.util.List;
import java.util.Map;

/**
 * What an article page shows of its article. URLs are relative to the page; dates are written
 * as the page's language writes them, with the ISO date beside for {@code <time datetime>}.
 *
 * @param html the rendered body
 * @param shortUrl the permanent short link, absolute, for support agents to paste
 * @param staleOriginal the original a stale translation was made from (its title, URL and
 *     date), or null when the page is no translation or is up to date
 */
public record ArticleModel(int id, String title, String summary, String html, List<TocEntryModel> toc,
        String updated, String updatedIso, String reviewed, String shortUrl, String shortPath, String markdownUrl,
        ArticleLinkModel prev, ArticleLinkModel next, List<ArticleLinkModel> related, List<FaqLinkModel> faq,
        List<String> tags, boolean draft, String sectionTitle, Map<String, Object> staleOriginal) {
    public ArticleModel {
        toc = List.copyOf(toc);
        related = List.copyOf(related);
        faq = List.copyOf(faq);
        tags = List.copyOf(tags);
    }
}
