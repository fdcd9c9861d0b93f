package kb.pipeline;

import java.nio.file.Path;
import java.util.List;
import kb.content.Article;
import kb.content.Content;
import kb.content.FaqGroup;
import kb.data.Networks;
import kb.diagnostic.KbException;
import kb.diagnostic.Problem;
import kb.diagnostic.Problems;
import kb.diagnostic.SourceLocation;
import kb.data.DataFacts;
import kb.markdown.Links;
import kb.markdown.MarkdownRenderer;
import kb.markdown.RenderedMarkdown;
import kb.output.LinkTarget;
import kb.output.SiteLinks;
import kb.output.UrlScheme;

/** Renders every article body and FAQ answer, in parallel across cores. */
final class ContentRenderer {
    private final MarkdownRenderer markdown;
    private final SiteLinks siteLinks;
    private final DataFacts facts;

    /** @param words the pages' language: the words kb's HTML in an article carries (a heading's copy link, callout titles) */
    /**
     * On a translation: the default language's article and section pages this language lacks. A
     * link to one of them goes to the original, one folder up ({@code ../}), rather than nowhere.
     */
    private final java.util.Set<String> fallback;
    /** What an earlier build rendered of these documents (see {@link BuildCache}). */
    private final BuildCache.Documents cached;

    ContentRenderer(Content content, DataFacts facts, Words words) {
        this(content, null, facts, words, BuildCache.off(content.root()));
    }

    /**
     * @param original the default language's content when {@code content} is a translation, else null
     * @param cache what an earlier build rendered, reused for each document whose input is unchanged
     */
    ContentRenderer(Content content, Content original, DataFacts facts, Words words, BuildCache cache) {
        this.fallback = original == null ? java.util.Set.of() : untranslated(content, original);
        this.markdown = new MarkdownRenderer(content.config() != null && content.config().rawHtml(), words.labels());
        this.siteLinks = new SiteLinks(content.root());
        this.facts = facts;
        this.cached = cache.documents(words.language(), fallback);
    }

    RenderedSite render(Content content, Networks networks, Problems problems) {
        List<RenderedArticle> articles = content.articles().toList().parallelStream()
                .map(a -> new RenderedArticle(a, renderArticle(a, problems)))
                .toList();
        List<RenderedQuestion> questions = content.faq().stream()
                .flatMap(g -> g.questions().stream().map(q -> new Object[] {g, q}))
                .toList().parallelStream()
                .map(pair -> {
                    FaqGroup g = (FaqGroup) pair[0];
                    kb.content.FaqQuestion q = (kb.content.FaqQuestion) pair[1];
                    return new RenderedQuestion(g, q, render(g.source(), q.answerLine(), q::answerMarkdown,
                            UrlScheme.FAQ, problems));
                })
                .toList();
        return new RenderedSite(content, networks, articles, questions);
    }

    /** One article, as {@link #render} renders it: a preview re-renders only the article that changed. */
    RenderedArticle article(Article a, Problems problems) {
        return new RenderedArticle(a, renderArticle(a, problems));
    }

    private RenderedMarkdown renderArticle(Article a, Problems problems) {
        return render(a.source(), a.bodyLine(), () -> a.markdown().text(), UrlScheme.article(a), problems);
    }

    /** Renders {@code text}, asked for only when the cache has no rendering of it (it may be inflated for that). */
    private RenderedMarkdown render(Path source, int line, java.util.function.Supplier<String> text, String pageUrl,
            Problems problems) {
        String key = cached.key(source, line, pageUrl, text);
        if (key == null) {
            return renderNow(source, line, text.get(), pageUrl, problems);
        }
        RenderedMarkdown known = cached.find(key, source);
        if (known != null) {
            return known;
        }
        Problems own = new Problems();
        RenderedMarkdown rendered = renderNow(source, line, text.get(), pageUrl, own);
        problems.addAll(own.all());
        if (own.all().isEmpty()) {
            cached.keep(key, rendered);
        }
        return rendered;
    }

    private RenderedMarkdown renderNow(Path source, int line, String text, String pageUrl, Problems problems) {
        Links links = href -> rewrite(source, pageUrl, href);
        try {
            return markdown.render(source, line, text, links, facts.forPage(pageUrl), problems);
        } catch (KbException e) {
            problems.addAll(e.problems());
        } catch (RuntimeException | StackOverflowError e) {
            problems.add(Problem.internal(new SourceLocation(source, line, 1), "rendering this file", e));
        }
        return new RenderedMarkdown("", List.of(), List.of(), List.of());
    }

    private String rewrite(Path source, String pageUrl, String href) {
        LinkTarget target = siteLinks.resolve(source, href);
        if (target.kind() != LinkTarget.Kind.PAGE) {
            return href;
        }
        String link = UrlScheme.relative(pageUrl, fallback.contains(target.url()) ? "../" + target.url() : target.url());
        return target.anchor() == null ? link : link + "#" + target.anchor();
    }

    /** The article and section URLs of {@code original} that {@code translation} has no page for. */
    static java.util.Set<String> untranslated(Content translation, Content original) {
        java.util.Set<String> own = new java.util.HashSet<>();
        translation.articles().forEach(a -> own.add(UrlScheme.article(a)));
        translation.sections().forEach(s -> own.add(UrlScheme.section(s.slug())));
        java.util.Set<String> out = new java.util.HashSet<>();
        original.articles().map(UrlScheme::article).filter(u -> !own.contains(u)).forEach(out::add);
        original.sections().stream().map(s -> UrlScheme.section(s.slug())).filter(u -> !own.contains(u)).forEach(out::add);
        return out;
    }
}
