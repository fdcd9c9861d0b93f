package kb.template;


/**
 * What every template knows about the help center ({@code site.name}, ...), from kb.yaml.
 *
 * @param support the contacts the footer and the widget show: email, phone, phoneHref, chat (each may be null)
 */
public record SiteModel(String name, String description, String baseUrl, String language, SupportModel support) {
}
