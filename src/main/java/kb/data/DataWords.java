package kb.data;

import java.util.Objects;
import java.util.function.Function;

/**
 * The words kb writes around the data's numbers, in one language: "60 days", "no expiration date".
 * They come from the theme's strings file of that language (keys {@code data.*}), so a Spanish
 * page says "60 días"; kb.data itself holds no wording.
 *
 * @param day the text for one day ("1 day")
 * @param days the text for {@code {0}} days ("{0} days")
 * @param noExpiry the lifespan of a token without an expiration date
 * @param onUse the lifespan of a token renewed each time it is used
 * @param lasts a fixed lifespan as a verb phrase ("lasts {0}")
 * @param hasNoExpiry a token without an expiration date, as a verb phrase
 */
public record DataWords(String day, String days, String noExpiry, String onUse, String lasts, String hasNoExpiry) {
    /** The keys of the theme's strings file these words come from, in the order of the components. */
    public static final java.util.List<String> KEYS = java.util.List.of(
            "data.day", "data.days", "data.no_expiry", "data.on_use", "data.lasts", "data.has_no_expiry");

    public DataWords {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(days, "days");
        Objects.requireNonNull(noExpiry, "noExpiry");
        Objects.requireNonNull(onUse, "onUse");
        Objects.requireNonNull(lasts, "lasts");
        Objects.requireNonNull(hasNoExpiry, "hasNoExpiry");
    }

    /** The words looked up by {@link #KEYS} (a language's strings). */
    public static DataWords of(Function<String, String> text) {
        return new DataWords(text.apply(KEYS.get(0)), text.apply(KEYS.get(1)), text.apply(KEYS.get(2)),
                text.apply(KEYS.get(3)), text.apply(KEYS.get(4)), text.apply(KEYS.get(5)));
    }

    /** "1 day", "60 days". */
    public String days(int n) {
        return (n == 1 ? day : days).replace("{0}", String.valueOf(n));
    }
}
