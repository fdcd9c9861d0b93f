package kb.content;

import java.util.List;
import java.util.Map;

/**
 * {@code content/kb.yaml}: the site's name, address and settings.
 *
 * @param baseUrl absolute, always ending in {@code /}
 * @param synonyms canonical word or phrase to the other ways readers type it
 * @param widget the embeddable help widget's settings
 * @param insights whether pages send the anonymous search and feedback events that
 *     {@code kb insights} reads back from the host's logs ({@code insights: off} removes them all)
 */
public record SiteConfig(
        String name,
        String description,
        String baseUrl,
        String language,
        Support support,
        List<Integer> featured,
        boolean rawHtml,
        int reviewAfterDays,
        int verifyAfterDays,
        Map<String, List<String>> synonyms,
        WidgetSettings widget,
        boolean insights) {

    public SiteConfig {
        featured = List.copyOf(featured);
        synonyms = Map.copyOf(synonyms);
        if (!baseUrl.endsWith("/")) {
            baseUrl = baseUrl + "/";
        }
    }

    /** The same settings served from another address (a preview, a staging host). */
    public SiteConfig withBaseUrl(String url) {
        return new SiteConfig(name, description, url, language, support, featured, rawHtml,
                reviewAfterDays, verifyAfterDays, synonyms, widget, insights);
    }
}
