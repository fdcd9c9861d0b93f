package kb.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kb.content.Content;
import kb.insights.SiteView;
import kb.output.UrlScheme;
import kb.search.Hit;
import kb.search.SearchIndex;

/** The help center as {@code kb insights} sees it today: its pages by URL and its search. */
final class IndexedSite implements SiteView {
    /** As many results as the results page lists: a search "has results" when it shows any. */
    private static final int LIMIT = 50;

    private final Map<String, Page> pages = new HashMap<>();
    private final Map<Integer, Page> articles = new HashMap<>();
    private final SearchIndex index;

    IndexedSite(Content content, SearchIndex index) {
        this.index = index;
        Path root = content.root();
        content.articles().forEach(a -> {
            Page p = new Page(UrlScheme.article(a), a.title(), "article", source(root, a.source()));
            pages.put(p.url(), p);
            articles.put(a.id(), p);
        });
        content.faq().forEach(g -> g.questions().forEach(q -> {
            String url = UrlScheme.FAQ + "#" + q.anchor();
            pages.put(url, new Page(url, q.question(), "faq", source(root, g.source())));
        }));
    }

    @Override
    public Optional<Page> page(String url) {
        Page p = pages.get(url);
        if (p == null && !url.contains("#") && !url.endsWith("/")) {
            p = pages.get(url + "/");
        }
        return Optional.ofNullable(p);
    }

    @Override
    public int results(String query) {
        // The browser searches as the reader types, the last word as a prefix; so does this.
        return index.search(query, LIMIT, true).size();
    }

    @Override
    public Optional<Page> closest(String words) {
        if (words.isBlank()) {
            return Optional.empty();
        }
        List<Hit> hits = index.search(words, 5, false);
        return hits.stream().filter(h -> h.articleId() > 0).map(h -> articles.get(h.articleId()))
                .filter(p -> p != null).findFirst();
    }

    private static String source(Path root, Path file) {
        Path shown = file.startsWith(root) ? root.relativize(file) : file;
        return shown.toString().replace('\\', '/');
    }
}
