package kb.template;

/** A titled link, its URL relative to the page it is on: a breadcrumb. */
public record LinkModel(String title, String url) {
}
