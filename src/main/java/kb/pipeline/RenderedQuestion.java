package kb.pipeline;

import kb.content.FaqGroup;
import kb.content.FaqQuestion;
import kb.markdown.RenderedMarkdown;

/** An FAQ question with its answer rendered. */
public record RenderedQuestion(FaqGroup group, FaqQuestion question, RenderedMarkdown answer) { }
