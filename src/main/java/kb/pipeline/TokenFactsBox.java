package kb.pipeline;

import java.util.Map;
import kb.data.Network;
import kb.output.UrlScheme;
import kb.template.Templates;

/** Renders the "token facts" box a writer places with {@code {{ token-facts linkedin }}}. */
final class TokenFactsBox {
    private TokenFactsBox() {
    }

    static String render(Templates templates, Network n, String pageUrl) {
        Map<String, Object> model = Map.of(
                "network", Map.of(
                        "id", n.id(),
                        "name", n.name(),
                        "lifespan", n.lifespanText(),
                        "inactivity", n.inactivityText(),
                        "activity", n.activity(),
                        "role", n.roleName(),
                        "roleFor", n.role() == null ? "" : n.role().scope().spelling(),
                        "notes", n.notes()),
                "tableUrl", UrlScheme.relative(pageUrl, UrlScheme.LIFESPANS) + "#" + n.id());
        return templates.render("token-facts", model);
    }
}
