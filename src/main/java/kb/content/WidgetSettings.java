package kb.content;

/**
 * The {@code widget:} settings of {@code kb.yaml}: whether the build writes the embeddable help
 * widget, and how its launcher looks on the host's page.
 *
 * @param label the launcher's text and the panel's title, or null for the theme's {@code widget.help}
 * @param position where the launcher sits: {@code bottom-right} or {@code bottom-left}
 * @param accent colour of the launcher, links and focus rings on a light page ({@code #rrggbb})
 * @param accentDark the same on a dark page
 */
public record WidgetSettings(boolean enabled, String label, String position, String accent, String accentDark) {
    public static final String RIGHT = "bottom-right";
    public static final String LEFT = "bottom-left";
    /** Readable with white text on it and as link text on white (contrast above 4.5:1). */
    public static final String ACCENT = "#0a58b5";
    /** Readable with near-black text on it and as link text on the dark panel. */
    public static final String ACCENT_DARK = "#80b9ff";

    /**
     * On, bottom right, in the default colours, labelled with the theme's word for help in the
     * site's language (a null label): what a site without {@code widget:} gets.
     */
    public static final WidgetSettings DEFAULT = new WidgetSettings(true, null, RIGHT, ACCENT, ACCENT_DARK);

    public WidgetSettings {
        if (!RIGHT.equals(position) && !LEFT.equals(position)) {
            throw new IllegalArgumentException("position must be " + RIGHT + " or " + LEFT + ": " + position);
        }
        if (label != null && label.isBlank()) {
            throw new IllegalArgumentException("label must not be blank (null for the theme's word)");
        }
    }
}
