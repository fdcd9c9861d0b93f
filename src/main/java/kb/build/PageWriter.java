package kb.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import kb.content.Article;
import kb.content.Located;
import kb.content.Section;
import kb.data.NetworksExport;
import kb.output.Feeds;
import kb.output.SiteWriter;
import kb.output.UrlScheme;
import kb.search.SearchIndex;
import kb.template.Templates;
import org.jsoup.Jsoup;

/** Renders every page through the theme and writes it, with the site's other files. */
final class PageWriter {
    private static final int RELATED = 4;

    private final RenderedSite site;
    private final Templates templates;
    private final SearchIndex index;
    private final SiteWriter writer;
    private final Pages pages;
    private final AtomicInteger count = new AtomicInteger();

    PageWriter(RenderedSite site, Templates templates, SearchIndex index, SiteWriter writer, boolean preview) {
        this.site = site;
        this.templates = templates;
        this.index = index;
        this.writer = writer;
        this.pages = new Pages(site, citedBy(site), preview);
    }

    /** Writes everything; returns the number of HTML pages. */
    int writeAll() {
        page(UrlScheme.HOME, "home", pages.home());
        for (Section s : site.content().sections()) {
            page(UrlScheme.section(s.slug()), "section", pages.section(s));
        }
        articles();
        faq();
        page(UrlScheme.LIFESPANS, "lifespans", pages.lifespans(site.networks().all()));
        page(UrlScheme.SEARCH, "search", pages.simple(UrlScheme.SEARCH, "Search", "search"));
        writer.write("404.html", templates.render("404", pages.simple("404.html", "Page not found", "404")));
        count.incrementAndGet();
        redirects();
        data();
        feeds();
        assets();
        return count.get();
    }

    private void articles() {
        Map<Integer, RenderedArticle> byId = site.byId();
        Map<String, Section> sections = new HashMap<>();
        site.content().sections().forEach(s -> sections.put(s.slug(), s));
        site.articles().parallelStream().forEach(ra -> {
            Article a = ra.article();
            Section s = sections.get(a.section());
            int at = s.articles().indexOf(a);
            Article prev = at > 0 ? s.articles().get(at - 1) : null;
            Article next = at < s.articles().size() - 1 ? s.articles().get(at + 1) : null;
            List<Integer> relatedIds = a.related().isEmpty()
                    ? index.related(a.id(), a.title() + "\n" + ra.body().plainText(), RELATED)
                    : a.related().stream().map(Located::value).toList();
            List<Article> related = relatedIds.stream().filter(byId::containsKey).map(id -> byId.get(id).article()).toList();
            String url = UrlScheme.article(a);
            page(url, "article", pages.article(ra, s, prev, next, related));
            writer.write(url + "index.md", markdownCopy(a));
        });
    }

    private void faq() {
        List<Map<String, Object>> groups = new ArrayList<>();
        List<Map<String, Object>> entities = new ArrayList<>();
        for (var group : site.content().faq()) {
            List<Map<String, Object>> questions = new ArrayList<>();
            site.questions().stream().filter(q -> q.group() == group).forEach(q -> {
                Map<String, Object> qm = new HashMap<>();
                qm.put("question", q.question().question());
                qm.put("anchor", q.question().anchor());
                qm.put("aliases", q.question().aliases());
                qm.put("html", q.answer().html());
                qm.put("articles", pages.citingArticles(UrlScheme.FAQ, q.question().anchor()));
                questions.add(qm);
                Map<String, Object> answer = new LinkedHashMap<>();
                answer.put("@type", "Answer");
                answer.put("text", Jsoup.parseBodyFragment(q.answer().html()).body().text());
                Map<String, Object> entity = new LinkedHashMap<>();
                entity.put("@type", "Question");
                entity.put("name", q.question().question());
                entity.put("acceptedAnswer", answer);
                entities.add(entity);
            });
            groups.add(Map.of("title", group.title(), "id", group.slug(), "questions", questions));
        }
        Map<String, Object> ld = new LinkedHashMap<>();
        ld.put("@context", "https://schema.org");
        ld.put("@type", "FAQPage");
        ld.put("mainEntity", entities);
        page(UrlScheme.FAQ, "faq", pages.faq(groups, ld));
    }

    private void redirects() {
        for (RenderedArticle ra : site.articles()) {
            Article a = ra.article();
            String target = UrlScheme.article(a);
            String shortLink = UrlScheme.shortLink(a.id());
            page(shortLink, "redirect", pages.redirect(shortLink, target, a.title()));
            for (Located<String> alias : a.aliases()) {
                String from = alias.value() + "/";
                page(from, "redirect", pages.redirect(from, target, a.title()));
            }
        }
    }

    private void data() {
        String base = site.content().config().baseUrl();
        Map<String, String> articleUrls = new HashMap<>();
        site.articles().forEach(ra -> articleUrls.put(ra.article().path() + ".md", base + UrlScheme.article(ra.article())));
        writer.write("api/networks.json", NetworksExport.json(site.networks(), base,
                n -> n.article() == null ? null : articleUrls.get(n.article().value())));
        writer.write("lifespans/lifespans.csv", NetworksExport.csv(site.networks()));
    }

    private void feeds() {
        var config = site.content().config();
        List<Feeds.Entry> articles = site.articles().stream()
                .map(ra -> new Feeds.Entry(UrlScheme.article(ra.article()), ra.article().title(), ra.article().summary(),
                        ra.article().updated()))
                .toList();
        List<Feeds.Entry> all = new ArrayList<>();
        all.add(new Feeds.Entry(UrlScheme.HOME, config.name(), config.description(), null));
        site.content().sections().forEach(s -> all.add(new Feeds.Entry(UrlScheme.section(s.slug()), s.title(), "", null)));
        all.addAll(articles);
        all.add(new Feeds.Entry(UrlScheme.FAQ, "FAQ", "", null));
        all.add(new Feeds.Entry(UrlScheme.LIFESPANS, "Token lifespans", "", null));
        writer.write("sitemap.xml", Feeds.sitemap(config.baseUrl(), all));
        writer.write("robots.txt", Feeds.robots(config.baseUrl()));
        List<Feeds.Entry> recent = articles.stream()
                .sorted(Comparator.comparing((Feeds.Entry e) -> e.updated() == null ? java.time.LocalDate.MIN : e.updated())
                        .reversed().thenComparing(Feeds.Entry::url))
                .limit(50).toList();
        writer.write("feed.xml", Feeds.atom(config.baseUrl(), config.name(), recent));
        writer.write("llms.txt", Feeds.llms(config.baseUrl(), config.name(), config.description(), articles));
    }

    private void assets() {
        Path assets = templates.dir().resolve("assets");
        if (!Files.isDirectory(assets)) {
            return;
        }
        try (Stream<Path> files = Files.walk(assets)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                writer.copy(file, "assets/" + assets.relativize(file).toString().replace('\\', '/'));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String markdownCopy(Article a) {
        StringBuilder sb = new StringBuilder("# ").append(a.title()).append("\n\n");
        if (!a.summary().isBlank()) {
            sb.append("> ").append(a.summary()).append("\n\n");
        }
        return sb.append(a.markdown().strip()).append('\n').toString();
    }

    private void page(String url, String template, Map<String, Object> model) {
        writer.write(UrlScheme.file(url), templates.render(template, model));
        count.incrementAndGet();
    }

    private static Map<String, List<RenderedArticle>> citedBy(RenderedSite site) {
        Map<String, List<RenderedArticle>> out = new HashMap<>();
        for (RenderedArticle ra : site.articles()) {
            for (Located<String> q : ra.article().faq()) {
                out.computeIfAbsent(q.value(), k -> new ArrayList<>()).add(ra);
            }
        }
        return out;
    }
}
