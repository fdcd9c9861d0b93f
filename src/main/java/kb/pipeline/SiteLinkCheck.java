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
        PublishedTargets t = new PublishedTargets();
        t.add(UrlScheme.HOME, List.of()).add(UrlScheme.SEARCH, List.of());
        for (Section s : site.content().sections()) {
            t.add(UrlScheme.section(s.slug()), List.of());
        }
        for (RenderedArticle ra : site.articles()) {
            List<String> ids = new ArrayList<>();
            for (Heading h : ra.body().headings()) {
                ids.add(h.id());
                ids.addAll(h.aliases());
            }
            t.add(UrlScheme.article(ra.article()), ids);
            t.add(UrlScheme.shortLink(ra.article().id()), List.of());
        }
        List<String> faq = new ArrayList<>();
        site.content().faq().forEach(g -> faq.add(g.slug()));
        site.questions().forEach(q -> {
            faq.add(q.question().anchor());
            faq.addAll(q.question().aliases());
        });
        t.add(UrlScheme.FAQ, faq);
        t.add(UrlScheme.LIFESPANS, Stream.concat(site.networks().all().stream().map(Network::id),
                Stream.of("calculator")).toList());
        return t;
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
        LinkCheck check = new LinkCheck(new SiteLinks(site.content().root()), targets(site));
        site.articles().parallelStream().forEach(ra ->
                check.check(ra.article().source(), UrlScheme.article(ra.article()), ra.body().links(), problems));
        site.questions().forEach(q ->
                check.check(q.group().source(), UrlScheme.FAQ, q.answer().links(), problems));
    }
}
