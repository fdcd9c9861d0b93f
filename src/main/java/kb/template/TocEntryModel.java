package kb.template;

/** One heading in an article's table of contents; {@code id} is its anchor. */
public record TocEntryModel(int level, String text, String id) {
}
