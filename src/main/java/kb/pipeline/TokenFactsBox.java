package kb.pipeline;

import java.util.Map;
import kb.data.Network;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import kb.output.UrlScheme;
import kb.template.Templates;

/** Renders the "token facts" box a writer places with {@code {{ token-facts linkedin }}}. */
final class TokenFactsBox {
    private TokenFactsBox() {
    }

    static String render(Templates templates, Words words, Network n, String pageUrl) {
        Map<String, Object> model = Map.of(
                "language", words.language(),
                "network", Map.of(
                        "id", n.id(),
                        "name", n.name(),
                        "lifespan", n.lifespanText(words.data()),
                        "inactivity", n.inactivityText(words.data()),
                        "activity", n.activity(),
                        "role", n.roleName(),
                        "roleFor", n.role() == null ? "" : n.role().scope().spelling(),
                        "notes", n.notes()),
                "tableUrl", UrlScheme.relative(pageUrl, UrlScheme.LIFESPANS) + "#" + n.id());
        return templates.render("token-facts", model);
    }

    /**
     * The same box for a page's Markdown copy: its title in bold, then one list item per fact.
     * It is read off the theme's box, so its words stay in the theme and both copies agree.
     */
    static String markdown(Templates templates, Words words, Network n, String pageUrl) {
        Element box = Jsoup.parseBodyFragment(render(templates, words, n, pageUrl)).body();
        StringBuilder sb = new StringBuilder();
        Element title = box.selectFirst(".token-facts-title");
        if (title != null) {
            sb.append("**").append(escape(title.text())).append("**\n\n");
        }
        for (Element dt : box.select("dt")) {
            Element dd = dt.nextElementSibling();
            sb.append("- ").append(escape(dt.text())).append(": ")
                    .append(dd == null ? "" : escape(dd.text())).append('\n');
        }
        for (Element a : box.select("a[href]")) {
            sb.append("\n[").append(escape(a.text())).append("](").append(a.attr("href")).append(")\n");
        }
        return sb.toString().stripTrailing();
    }

    /** Data text is shown as written, never read as Markdown. */
    private static String escape(String text) {
        return text.replaceAll("([\\\\`*_\\[\\]<>#|~])", "\\\\$1");
    }
}
