package kb.pipeline;

import kb.content.Article;
import kb.markdown.RenderedMarkdown;

/** An article with its body rendered. */
public record RenderedArticle(Article article, RenderedMarkdown body) { }
