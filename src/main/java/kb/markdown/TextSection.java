package kb.markdown;

/**
 * The plain text of one part of a page, for search: the intro before the first {@code ##}
 * (heading and anchor null), then each {@code ##}/{@code ###} section with its anchor.
 */
public record TextSection(String heading, String anchor, int level, String text) { }
