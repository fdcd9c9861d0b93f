package kb.template;

/** A question of the FAQ an article points to, linked to its anchor. */
public record FaqLinkModel(String question, String url) {
}
