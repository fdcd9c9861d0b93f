package kb.content;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import kb.diagnostic.Problems;

/**
 * Reads {@code widget:} of {@code kb.yaml}: {@code true}/{@code false}, or a mapping of
 * {@code enabled}, {@code label}, {@code position} and {@code colors}. The colours go into
 * the widget's CSS on any host page, so only {@code #rgb}/{@code #rrggbb} is accepted, and a
 * colour the widget's text would be unreadable on is an error rather than an axe finding later.
 */
final class WidgetSettingsReader {
    static final Set<String> KEYS = Set.of("enabled", "label", "position", "colors");
    static final Set<String> COLOR_KEYS = Set.of("accent", "accent_dark");
    static final int MAX_LABEL = 40;
    private static final Pattern HEX = Pattern.compile("#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})");
    /** WCAG AA for normal text. */
    private static final double MIN_CONTRAST = 4.5;
    /** The panel's background in dark mode and the text on a dark accent (kb-widget.css). */
    private static final String DARK = "#171e27";

    private WidgetSettingsReader() {
    }

    static WidgetSettings read(YamlNode node, Problems problems) {
        if (node instanceof YamlNode.Scalar s && s.type() == YamlNode.ScalarType.BOOLEAN) {
            return with(WidgetSettings.DEFAULT, Boolean.parseBoolean(s.text()));
        }
        Fields f = new Fields(node, "widget", KEYS, problems);
        WidgetSettings d = WidgetSettings.DEFAULT;
        String label = f.text("label").orElse(d.label());
        if (label != null && label.length() > MAX_LABEL) {
            problems.error(f.at("label"), "widget label is " + label.length() + " characters long, at most " + MAX_LABEL
                    + " fit on the launcher", "a word or two, such as 'Help' or 'Need help?'");
            label = d.label();
        }
        String position = f.text("position").map(p -> p.toLowerCase(Locale.ROOT)).orElse(d.position());
        List<String> positions = List.of(WidgetSettings.RIGHT, WidgetSettings.LEFT);
        if (!positions.contains(position)) {
            problems.error(f.at("position"), "widget position must be " + String.join(" or ", positions)
                    + ", found '" + position + "'", NearMiss.hint(position, positions));
            position = d.position();
        }
        String accent = d.accent();
        String accentDark = d.accentDark();
        Optional<YamlNode> colors = f.node("colors");
        if (colors.isPresent()) {
            Fields c = new Fields(colors.get(), "widget colors", COLOR_KEYS, problems);
            accent = color(c, "accent", "#ffffff", "white", problems).orElse(accent);
            accentDark = color(c, "accent_dark", DARK, "the dark panel", problems).orElse(accentDark);
        }
        return new WidgetSettings(f.bool("enabled", true), label, position, accent, accentDark);
    }

    private static WidgetSettings with(WidgetSettings s, boolean enabled) {
        return new WidgetSettings(enabled, s.label(), s.position(), s.accent(), s.accentDark());
    }

    /** A colour as {@code #rrggbb}, if it is one and reads well against {@code against}. */
    private static Optional<String> color(Fields c, String key, String against, String againstName, Problems problems) {
        Optional<String> value = c.text(key);
        if (value.isEmpty()) {
            return value;
        }
        String v = value.get();
        if (!HEX.matcher(v).matches()) {
            problems.error(c.at(key), "widget color '" + key + "' must be a hex colour like #0a58b5, found '" + v + "'",
                    "quote it in YAML: " + key + ": \"#0a58b5\"");
            return Optional.empty();
        }
        String hex = v.length() == 4
                ? "#" + v.charAt(1) + v.charAt(1) + v.charAt(2) + v.charAt(2) + v.charAt(3) + v.charAt(3) : v;
        hex = hex.toLowerCase(Locale.ROOT);
        double ratio = contrast(hex, against);
        if (ratio < MIN_CONTRAST) {
            problems.error(c.at(key), String.format(Locale.ROOT,
                    "widget color '%s' %s has a contrast of %.1f:1 with %s, below the %.1f:1 readers need",
                    key, v, ratio, againstName, MIN_CONTRAST), key.equals("accent") ? "pick a darker colour" : "pick a lighter colour");
            return Optional.empty();
        }
        return Optional.of(hex);
    }

    /** WCAG 2 contrast ratio of two {@code #rrggbb} colours. */
    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }
}
