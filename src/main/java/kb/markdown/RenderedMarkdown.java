package kb.markdown;

import java.util.ArrayList;
import java.util.List;
import kb.content.PackedText;

/**
 * One Markdown document turned into HTML plus what other steps need from it.
 *
 * <p>The HTML and the sections' plain texts are kept packed, in one {@link PackedText}: a build
 * holds every article's from its render until its page is written, which at 100,000 articles did
 * not fit in a 1 GB heap. One stream for both, because the texts are the HTML's words without
 * its tags: they pack to little more than the HTML alone, where a stream per section (most are a
 * few hundred characters) packed them to half their size at best.
 *
 * @param packed the lengths of the HTML and of each section's text (digits and commas, then a
 *     line break), then the HTML, then the texts, one after another
 * @param sectionHeads the sections without their texts (headings, anchors, levels)
 */
public record RenderedMarkdown(PackedText packed, List<Heading> headings, List<TextSection> sectionHeads,
        List<LinkRef> links) {
    public RenderedMarkdown {
        headings = List.copyOf(headings);
        sectionHeads = List.copyOf(sectionHeads);
        links = List.copyOf(links);
    }

    public RenderedMarkdown(String html, List<Heading> headings, List<TextSection> sections, List<LinkRef> links) {
        this(pack(html, sections), headings, sections.stream()
                .map(s -> new TextSection(s.heading(), s.anchor(), s.level(), "")).toList(), links);
    }

    private static PackedText pack(String html, List<TextSection> sections) {
        StringBuilder lengths = new StringBuilder().append(html.length());
        StringBuilder texts = new StringBuilder();
        for (TextSection s : sections) {
            lengths.append(',').append(s.text().length());
            texts.append(s.text());
        }
        return PackedText.of(lengths.append('\n').append(html).append(texts).toString());
    }

    /** The same document with other links (the same links found in another file). */
    public RenderedMarkdown withLinks(List<LinkRef> links) {
        return new RenderedMarkdown(packed, headings, sectionHeads, links);
    }

    public String html() {
        String all = packed.text();
        int start = all.indexOf('\n') + 1;
        int comma = all.indexOf(',');
        int length = Integer.parseInt(all, 0, comma < 0 || comma > start ? start - 1 : comma, 10);
        return all.substring(start, start + length);
    }

    /** The plain text of each part (unpacked anew on every call). */
    public List<TextSection> sections() {
        if (sectionHeads.isEmpty()) {
            return List.of();
        }
        String all = packed.text();
        int start = all.indexOf('\n') + 1;
        String[] lengths = all.substring(0, start - 1).split(",");
        int at = start + Integer.parseInt(lengths[0]);
        List<TextSection> out = new ArrayList<>(sectionHeads.size());
        for (int i = 0; i < sectionHeads.size(); i++) {
            int length = Integer.parseInt(lengths[i + 1]);
            TextSection h = sectionHeads.get(i);
            out.add(new TextSection(h.heading(), h.anchor(), h.level(), all.substring(at, at + length)));
            at += length;
        }
        return List.copyOf(out);
    }

    /** The whole page as plain text, sections joined. */
    public String plainText() {
        return String.join("\n", sections().stream().map(TextSection::text).toList());
    }
}
