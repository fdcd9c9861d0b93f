package kb.pipeline;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import kb.content.Content;
import kb.data.Networks;

/** The content after Markdown rendering: what link checks, search and page templates read. */
public record RenderedSite(Content content, Networks networks, List<RenderedArticle> articles,
        List<RenderedQuestion> questions) {
    public RenderedSite {
        articles = List.copyOf(articles);
        questions = List.copyOf(questions);
    }

    /**
     * Whether the site has a token-lifespans page: only with networks in the data file, so a help
     * center about anything else (a new one from {@code kb init}) has no empty table to link to.
     */
    public boolean hasLifespans() {
        return !networks.all().isEmpty();
    }

    public Map<Integer, RenderedArticle> byId() {
        return articles.stream().collect(Collectors.toMap(a -> a.article().id(), Function.identity(), (a, b) -> a));
    }
}
