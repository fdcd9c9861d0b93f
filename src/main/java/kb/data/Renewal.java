package kb.data;

/** How a network's token ends: after a fixed number of days, never, or renewed whenever it is used. */
public enum Renewal {
    FIXED,
    NEVER,
    ON_USE;

    /** The YAML spelling of {@code renews:}. */
    static Renewal parse(String text) {
        return switch (text) {
            case "never" -> NEVER;
            case "on-use" -> ON_USE;
            default -> null;
        };
    }
}
