package kb.markdown;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.ast.Node;
import java.util.Locale;
import java.util.Set;

/**
 * kb's own HTML for three nodes: headings (id, alias targets, a copy-link anchor), callouts
 * (block quotes opened by a marker) and the token-facts placeholder paragraph.
 */
final class KbNodeRenderer implements NodeRenderer {
    private final Labels labels;

    KbNodeRenderer(Labels labels) {
        this.labels = labels;
    }

    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
        return Set.of(
                new NodeRenderingHandler<>(com.vladsch.flexmark.ast.Heading.class, this::heading),
                new NodeRenderingHandler<>(BlockQuote.class, this::blockQuote),
                new NodeRenderingHandler<>(Paragraph.class, this::paragraph));
    }

    private void heading(com.vladsch.flexmark.ast.Heading node, NodeRendererContext context, HtmlWriter html) {
        Heading heading = state(context).headings.get(node);
        String tag = "h" + node.getLevel();
        html.line();
        html.attr("id", heading.id()).withAttr().tag(tag);
        for (String alias : heading.aliases()) {
            html.raw("<span id=\"" + alias + "\" class=\"kb-alias\"></span>");
        }
        context.renderChildren(node);
        if (node.getLevel() >= 2 && node.getLevel() <= 3) {
            html.raw("<a class=\"kb-anchor\" href=\"#" + heading.id() + "\" aria-label=\""
                    + escape(labels.sectionLink().replace("{0}", heading.text())) + "\">#</a>");
        }
        html.tag("/" + tag).line();
    }

    private void blockQuote(BlockQuote node, NodeRendererContext context, HtmlWriter html) {
        String kind = calloutKind(node);
        if (kind == null) {
            html.line().withAttr().tagIndent("blockquote", () -> context.renderChildren(node)).line();
            return;
        }
        Paragraph first = (Paragraph) node.getFirstChild();
        Node marker = first.getFirstChild();
        Node after = marker.getNext();
        marker.unlink();
        if (after instanceof SoftLineBreak) {
            after.unlink();
        }
        if (!first.hasChildren()) {
            first.unlink();
        }
        String css = kind.toLowerCase(Locale.ROOT);
        html.line().raw("<aside class=\"callout callout-" + css + "\" role=\"note\" aria-label=\""
                + escape(labels.callouts().get(kind)) + "\">").line();
        html.raw("<p class=\"callout-title\">" + escape(labels.callouts().get(kind)) + "</p>").line();
        context.renderChildren(node);
        html.raw("</aside>").line();
    }

    private void paragraph(Paragraph node, NodeRendererContext context, HtmlWriter html) {
        // Tested on the paragraph's own characters before copying them: most paragraphs are prose.
        if (node.getFirstChild() == node.getLastChild() && node.getChars().trimStart().startsWith(Preprocessor.BOX)) {
            String text = node.getChars().toString().trim();
            html.line().raw(state(context).facts.box(text.substring(Preprocessor.BOX.length()))).line();
            return;
        }
        context.delegateRender();
    }

    private static String calloutKind(BlockQuote node) {
        if (node.getFirstChild() instanceof Paragraph p && p.getFirstChild() instanceof Text t) {
            String text = t.getChars().toString();
            if (text.startsWith(Preprocessor.CALLOUT)) {
                String kind = text.substring(Preprocessor.CALLOUT.length()).trim();
                return Labels.CALLOUTS.contains(kind) ? kind : null;
            }
        }
        return null;
    }

    private static PageState state(NodeRendererContext context) {
        return PageState.KEY.get(context.getDocument());
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
