package kb.template;

/**
 * The support contacts of kb.yaml as the footer and the widget show them; each may be null.
 *
 * @param phoneHref the phone as a {@code tel:} link
 */
public record SupportModel(String email, String phone, String phoneHref, String chat) {
}
