package kb.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import kb.check.LinkCheck;
import kb.check.PublishedTargets;
import kb.content.Section;
import kb.data.Network;
import kb.diagnostic.Problems;
import kb.markdown.Heading;
import kb.output.SiteLinks;
import kb.output.UrlScheme;

/** Lists what the site publishes and checks every link of every article and FAQ answer against it. */
final class SiteLinkCheck {
    private SiteLinkCheck() {
    }

    static PublishedTargets targets(RenderedSite site) {
        return targets(site, "", new PublishedTargets());
    }

    /** Adds what one language's pages publish, under its folder ({@code "es/"}; {@code ""} for the default), to {@code all}. */
    static PublishedTargets targets(RenderedSite site, String folder, PublishedTargets all) {
        java.util.function.BiConsumer<String, List<String>> t = (url, ids) -> all.add(folder + url, ids);
        t.accept(UrlScheme.HOME, List.of());
        t.accept(UrlScheme.SEARCH, List.of());
        for (Section s : site.content().sections()) {
            t.accept(UrlScheme.section(s.slug()), List.of());
        }
        for (RenderedArticle ra : site.articles()) {
            List<String> ids = new ArrayList<>();
            for (Heading h : ra.body().headings()) {
                ids.add(h.id());
                ids.addAll(h.aliases());
            }
            t.accept(UrlScheme.article(ra.article()), ids);
            t.accept(UrlScheme.shortLink(ra.article().id()), List.of());
        }
        List<String> faq = new ArrayList<>();
        site.content().faq().forEach(g -> faq.add(g.slug()));
        site.questions().forEach(q -> {
            faq.add(q.question().anchor());
            faq.addAll(q.question().aliases());
        });
        t.accept(UrlScheme.FAQ, faq);
        if (site.hasLifespans()) {
            t.accept(UrlScheme.LIFESPANS, Stream.concat(site.networks().all().stream().map(Network::id),
                    Stream.of("calculator")).toList());
        }
        return all;
    }

    /** Old URLs (aliases) and the article URL each now redirects to. */
    static java.util.Map<String, String> redirects(RenderedSite site) {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        for (RenderedArticle ra : site.articles()) {
            ra.article().aliases().forEach(a -> out.put(a.value() + "/", UrlScheme.article(ra.article())));
        }
        return out;
    }

    /** Checks the links of some articles only, against targets listed before: a preview's update. */
    static void check(java.util.Collection<RenderedArticle> articles, java.nio.file.Path contentRoot, PublishedTargets targets,
            Problems problems) {
        LinkCheck check = new LinkCheck(new SiteLinks(contentRoot), targets);
        articles.forEach(ra -> check.check(ra.article().source(), UrlScheme.article(ra.article()), ra.body().links(), problems));
    }

    static void check(RenderedSite site, Problems problems) {
        check(site, targets(site), problems);
    }

    /**
     * Checks a translation's links: to its own pages, or to an original it has no translation of
     * (the page links there, see ContentRenderer), with that original's anchors.
     */
    static void check(RenderedSite translation, RenderedSite original, Problems problems) {
        PublishedTargets targets = targets(translation);
        java.util.Set<String> untranslated = ContentRenderer.untranslated(translation.content(), original.content());
        PublishedTargets originals = targets(original);
        PublishedTargets all = targets(translation, "", new PublishedTargets());
        for (String line : originals.lines()) {
            String page = line.substring(1);
            int hash = page.indexOf('#');
            String url = hash < 0 ? page : page.substring(0, hash);
            if (untranslated.contains(url) && !targets.hasPage(url)) {
                all.add(url, hash < 0 ? List.of() : List.of(page.substring(hash + 1)));
            }
        }
        check(translation, all, problems);
    }

    private static void check(RenderedSite site, PublishedTargets targets, Problems problems) {
        LinkCheck check = new LinkCheck(new SiteLinks(site.content().root()), targets);
        site.articles().parallelStream().forEach(ra ->
                check.check(ra.article().source(), UrlScheme.article(ra.article()), ra.body().links(), problems));
        site.questions().forEach(q ->
                check.check(q.group().source(), UrlScheme.FAQ, q.answer().links(), problems));
    }
}
