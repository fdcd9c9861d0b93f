package kb.markdown;

import java.util.List;

/** One Markdown document turned into HTML plus what other steps need from it. */
public record RenderedMarkdown(String html, List<Heading> headings, List<TextSection> sections, List<LinkRef> links) {
    public RenderedMarkdown {
        headings = List.copyOf(headings);
        sections = List.copyOf(sections);
        links = List.copyOf(links);
    }

    /** The whole page as plain text, sections joined. */
    public String plainText() {
        return String.join("\n", sections.stream().map(TextSection::text).toList());
    }
}
