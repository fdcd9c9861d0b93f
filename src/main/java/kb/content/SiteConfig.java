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
 * @param languages the help center's languages, the default first; one for a one-language site
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
        boolean insights,
        List<Language> languages) {

    public SiteConfig {
        featured = List.copyOf(featured);
        languages = List.copyOf(languages);
        synonyms = Map.copyOf(synonyms);
        if (!baseUrl.endsWith("/")) {
            baseUrl = baseUrl + "/";
        }
    }

    /** The same settings served from another address (a preview, a staging host). */
    public SiteConfig withBaseUrl(String url) {
        return new SiteConfig(name, description, url, language, support, featured, rawHtml,
                reviewAfterDays, verifyAfterDays, synonyms, widget, insights, languages);
    }

    /** Whether the help center has more than one language. */
    public boolean multilingual() {
        return languages.size() > 1;
    }

    /** The default language: the first of {@link #languages}. */
    public Language defaultLanguage() {
        return languages.get(0);
    }

    /**
     * The settings of one language's edition of the site: its name, description, synonyms, support
     * details and language, served under {@code <base_url><code>/} (the default language's are these settings).
     */
    public SiteConfig edition(Language l) {
        if (l.code().equals(language)) {
            return this;
        }
        return new SiteConfig(l.name(), l.description(), baseUrl + l.code() + "/", l.code(), l.support(), featured, rawHtml,
                reviewAfterDays, verifyAfterDays, l.synonyms(), widget, insights, languages);
    }

    /** The site's address without any language folder: where the default language lives. */
    public String siteBaseUrl() {
        String tail = language + "/";
        return !language.equals(defaultLanguage().code()) && baseUrl.endsWith("/" + tail)
                ? baseUrl.substring(0, baseUrl.length() - tail.length()) : baseUrl;
    }
}
