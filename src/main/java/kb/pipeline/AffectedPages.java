package kb.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import kb.content.Article;
import kb.content.Located;
import kb.content.Section;
import kb.output.UrlScheme;

/**
 * The pages an edit to some existing articles touches, read off what each page shows: an
 * article's own page always; its section's pages when its title or place changes (navigation,
 * previous/next); the lists (section page, home, feeds) when a listed field changes; the pages
 * that name it (short link, related lists, FAQ, lifespans) when its title changes.
 */
record AffectedPages(List<RenderedArticle> articles, List<Section> sections, List<Article> redirects,
        boolean home, boolean faq, boolean lifespans, boolean feeds) {

    AffectedPages {
        articles = List.copyOf(articles);
        sections = List.copyOf(sections);
        redirects = List.copyOf(redirects);
    }

    /**
     * @param related what each article page lists as related, by article id
     * @param was the articles before the edit, in the same order as {@code now}
     */
    static AffectedPages of(RenderedSite site, Map<Integer, List<Integer>> related, List<Article> was, List<Article> now) {
        Map<Integer, RenderedArticle> byId = site.byId();
        Set<Integer> articles = new LinkedHashSet<>();
        Set<Section> sections = new LinkedHashSet<>();
        List<Article> redirects = new ArrayList<>();
        boolean home = false;
        boolean faq = false;
        boolean lifespans = false;
        for (int i = 0; i < now.size(); i++) {
            Article before = was.get(i);
            Article after = now.get(i);
            articles.add(after.id());
            boolean titled = !before.title().equals(after.title());
            boolean placed = titled || before.weight() != after.weight();
            boolean listed = placed || !before.summary().equals(after.summary())
                    || !Objects.equals(before.updated(), after.updated());
            Section section = site.content().sections().stream().filter(s -> s.slug().equals(after.section()))
                    .findFirst().orElseThrow();
            if (placed) {
                section.articles().forEach(a -> articles.add(a.id()));
            }
            if (listed) {
                sections.add(section);
                home = true;
            }
            if (titled) {
                redirects.add(after);
                related.forEach((id, shown) -> {
                    if (shown.contains(after.id())) {
                        articles.add(id);
                    }
                });
                lifespans |= site.networks().all().stream()
                        .anyMatch(n -> n.article() != null && n.article().value().equals(after.path() + ".md"));
            }
            boolean cites = !before.faq().isEmpty() || !after.faq().isEmpty();
            faq |= cites && (titled || !values(before.faq()).equals(values(after.faq())));
        }
        return new AffectedPages(articles.stream().map(byId::get).filter(Objects::nonNull).toList(),
                List.copyOf(sections), redirects, home, faq, lifespans, home);
    }

    /**
     * One rewritten page of each kind, template name to URL: the theme's links are checked on
     * these, as a build checks one page of each kind (a kind's pages share their template).
     */
    Map<String, String> samples() {
        Map<String, String> out = new LinkedHashMap<>();
        if (!articles.isEmpty()) {
            out.put("article", UrlScheme.article(articles.get(0).article()));
        }
        if (!sections.isEmpty()) {
            out.put("section", UrlScheme.section(sections.get(0).slug()));
        }
        if (!redirects.isEmpty()) {
            out.put("redirect", UrlScheme.shortLink(redirects.get(0).id()));
        }
        if (home) {
            out.put("home", UrlScheme.HOME);
        }
        if (faq) {
            out.put("faq", UrlScheme.FAQ);
        }
        if (lifespans) {
            out.put("lifespans", UrlScheme.LIFESPANS);
        }
        return out;
    }

    /** The site URLs (and files) rewritten, for the preview's log and its reload event. */
    List<String> urls() {
        List<String> urls = new ArrayList<>();
        articles.forEach(ra -> urls.add(UrlScheme.article(ra.article())));
        sections.forEach(s -> urls.add(UrlScheme.section(s.slug())));
        for (Article a : redirects) {
            urls.add(UrlScheme.shortLink(a.id()));
            a.aliases().forEach(alias -> urls.add(alias.value() + "/"));
        }
        if (home) {
            urls.add(UrlScheme.HOME);
        }
        if (faq) {
            urls.add(UrlScheme.FAQ);
        }
        if (lifespans) {
            urls.add(UrlScheme.LIFESPANS);
        }
        if (feeds) {
            urls.addAll(List.of("sitemap.xml", "feed.xml", "llms.txt"));
        }
        return urls;
    }

    private static <T> List<T> values(List<Located<T>> located) {
        return located.stream().map(Located::value).toList();
    }
}
