package kb.markdown;

import java.util.List;

/** A heading of a rendered page: its level, visible text, id, and old ids kept as link targets. */
public record Heading(int level, String text, String id, List<String> aliases, int line) {
    public Heading {
        aliases = List.copyOf(aliases);
    }
}
