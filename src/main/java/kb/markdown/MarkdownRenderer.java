package kb.markdown;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.AttributeProvider;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.IndependentAttributeProviderFactory;
import com.vladsch.flexmark.html.renderer.AttributablePart;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.html.MutableAttributes;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import kb.content.Anchors;
import kb.diagnostic.Problem;
import kb.diagnostic.Problems;
import kb.diagnostic.SourceLocation;

/**
 * kb's Markdown: GitHub-flavoured (tables, strikethrough, autolinks, task lists) plus stable
 * heading ids, callouts and inline data facts. Built once and shared by every thread: flexmark's
 * parser and renderer are immutable, and per-page state lives on each parsed document.
 */
public final class MarkdownRenderer {
    private static final RenderedMarkdown EMPTY = new RenderedMarkdown("", List.of(), List.of(), List.of());

    private final Parser parser;
    /** The same parser without autolinking, for a document with nothing an autolink could start with. */
    private final Parser parserWithoutAutolinks;
    private final HtmlRenderer renderer;

    /**
     * @param rawHtml whether raw HTML passes through; escaped (shown as text) otherwise
     * @param labels the words kb's own HTML carries, in the pages' language
     */
    public MarkdownRenderer(boolean rawHtml, Labels labels) {
        MutableDataSet options = new MutableDataSet();
        options.set(HtmlRenderer.ESCAPE_HTML, !rawHtml);
        options.set(TablesExtension.CLASS_NAME, "table");
        // A task's box is read-only; screen readers need to hear what it means, not "checkbox".
        options.set(TaskListExtension.ITEM_DONE_MARKER,
                "<input type=\"checkbox\" class=\"task-list-item-checkbox\" checked disabled aria-label=\""
                        + KbNodeRenderer.escape(labels.done()) + "\">");
        options.set(TaskListExtension.ITEM_NOT_DONE_MARKER,
                "<input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled aria-label=\""
                        + KbNodeRenderer.escape(labels.todo()) + "\">");
        // Autolinking matches every text node against URL and e-mail patterns: a tenth of flexmark's
        // parsing time, spent in vain on the many documents that hold no "://", "@" or "www.".
        this.parserWithoutAutolinks = Parser.builder(new MutableDataSet(options).set(Parser.EXTENSIONS,
                List.of(TablesExtension.create(), StrikethroughExtension.create(), TaskListExtension.create()))).build();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), StrikethroughExtension.create(),
                AutolinkExtension.create(), TaskListExtension.create()));
        this.parser = Parser.builder(options).build();
        this.renderer = HtmlRenderer.builder(options)
                .nodeRendererFactory(o -> new KbNodeRenderer(labels))
                .attributeProviderFactory(new IndependentAttributeProviderFactory() {
                    @Override
                    public AttributeProvider apply(LinkResolverContext context) {
                        return new LinkRewriting(PageState.KEY.get(context.getDocument()));
                    }
                })
                .build();
    }

    /**
     * A document's Markdown as its Markdown copy shows it: inline facts as their text and each
     * facts box line as {@code facts.box}, which for this use gives Markdown. A reader of the
     * copy (a person or a language model) then gets the facts, not kb's placeholders.
     */
    public static String withFactsAsText(String markdown, Facts facts) {
        return Preprocessor.expandAsMarkdown(markdown, facts);
    }

    /**
     * Renders one document.
     *
     * @param firstLine the line of {@code file} the Markdown starts on, for error positions
     */
    public RenderedMarkdown render(Path file, int firstLine, String markdown, Links links, Facts facts,
            Problems problems) {
        Problem tooDeep = NestingLimits.check(file, firstLine, markdown);
        if (tooDeep != null) {
            problems.add(tooDeep);
            return EMPTY;
        }
        String text = Preprocessor.expand(markdown, file, firstLine, facts, problems);
        PageState state = new PageState(file, firstLine, text, links, facts);
        try {
            Document document = (mayAutolink(text) ? parser : parserWithoutAutolinks).parse(text);
            document.set(PageState.KEY, state);
            List<Heading> headings = assignHeadingIds(document, state, problems);
            if (text.contains(Preprocessor.BOX)) {
                checkFactsBoxesStandAlone(document, state, problems);
            }
            collectLinks(document, state);
            String html = renderer.render(document);
            return new RenderedMarkdown(html, headings, PlainText.sections(document, state), state.found);
        } catch (StackOverflowError e) {
            // NestingLimits refuses every shape known to recurse this deep; this is the net under it.
            problems.add(new Problem(new SourceLocation(file, firstLine, 1), kb.diagnostic.Severity.ERROR,
                    "Markdown nested too deeply to render", "flatten deeply nested lists, quotes, brackets or emphasis", e));
            return EMPTY;
        }
    }

    /**
     * Whether the autolink extension could find anything in {@code text}: a URL ("://"), an e-mail
     * address ("@") or a "www." address, in any case (more than the extension links, never less).
     */
    static boolean mayAutolink(String text) {
        if (text.contains("://") || text.indexOf('@') >= 0) {
            return true;
        }
        for (int dot = text.indexOf('.', 3); dot >= 0; dot = text.indexOf('.', dot + 1)) {
            if (text.regionMatches(true, dot - 3, "www", 0, 3)) {
                return true;
            }
        }
        return false;
    }

    private static List<Heading> assignHeadingIds(Document document, PageState state, Problems problems) {
        Set<String> used = new HashSet<>();
        List<Heading> out = new java.util.ArrayList<>();
        for (Node node : document.getDescendants()) {
            if (!(node instanceof com.vladsch.flexmark.ast.Heading h)) {
                continue;
            }
            Anchors.HeadingText parsed = Anchors.parse(h.getText().toString());
            if (parsed.pinnedId() != null) {
                stripPinned(h);
            }
            SourceLocation at = state.locate(h.getStartOffset());
            String id = parsed.pinnedId();
            if (id != null && !used.add(id)) {
                problems.error(at, "heading id '" + id + "' is already used on this page");
            }
            if (id == null) {
                String base = Anchors.slug(PlainText.of(h));
                base = base.isEmpty() ? "section" : base;
                id = base;
                for (int n = 2; !used.add(id); n++) {
                    id = base + "-" + n;
                }
            }
            for (String alias : parsed.aliases()) {
                if (!used.add(alias)) {
                    problems.error(at, "heading alias '" + alias + "' is already used on this page");
                }
            }
            Heading heading = new Heading(h.getLevel(), PlainText.of(h), id, parsed.aliases(), at.line());
            state.headings.put(h, heading);
            out.add(heading);
        }
        return out;
    }

    /** Removes {@code {#id ...}} from the heading's last text node, so it is not shown. */
    private static void stripPinned(com.vladsch.flexmark.ast.Heading h) {
        Node last = h.getLastChild();
        if (last instanceof Text t) {
            String s = t.getChars().toString();
            int brace = s.lastIndexOf("{#");
            if (brace >= 0) {
                t.setChars(t.getChars().subSequence(0, brace).trimEnd());
            }
        }
    }

    /**
     * A {@code {{ token-facts x }}} line is a block of its own; written straight under a line of
     * text (or inside a list item) Markdown joins it to that paragraph, where it cannot be a box.
     */
    private static void checkFactsBoxesStandAlone(Document document, PageState state, Problems problems) {
        for (Node node : document.getDescendants()) {
            if (node instanceof Text t && t.getChars().toString().contains(Preprocessor.BOX)
                    && !(t.getParent() instanceof com.vladsch.flexmark.ast.Paragraph p && p.getFirstChild() == p.getLastChild()
                            && p.getParent() instanceof Document)) {
                int at = t.getStartOffset() + t.getChars().toString().indexOf(Preprocessor.BOX);
                problems.error(state.locate(at), "the token-facts box must stand on its own, not inside a paragraph or list",
                        "leave a blank line before and after {{ token-facts ... }}");
            }
        }
    }

    private static void collectLinks(Document document, PageState state) {
        for (Node node : document.getDescendants()) {
            // A reference-style link is checked where its URL is written: the [label]: url line.
            String href = node instanceof Link l ? l.getUrl().toString()
                    : node instanceof Image i ? i.getUrl().toString()
                    : node instanceof AutoLink a ? a.getUrl().toString()
                    : node instanceof Reference r ? r.getUrl().toString() : null;
            if (href != null) {
                state.found.add(new LinkRef(href, state.locate(node.getStartOffset())));
            }
        }
    }

    /** Rewrites each link's href through the page's {@link Links}. */
    private record LinkRewriting(PageState state) implements AttributeProvider {
        @Override
        public void setAttributes(Node node, AttributablePart part, MutableAttributes attributes) {
            if (node instanceof Link || node instanceof AutoLink
                    || node instanceof com.vladsch.flexmark.ast.LinkRef) {
                String href = attributes.getValue("href");
                if (href != null) {
                    attributes.replaceValue("href", state.links.rewrite(href));
                }
            } else if (node instanceof Image || node instanceof ImageRef) {
                String src = attributes.getValue("src");
                if (src != null) {
                    attributes.replaceValue("src", state.links.rewrite(src));
                }
            }
        }
    }
}
