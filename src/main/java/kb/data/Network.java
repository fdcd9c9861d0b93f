package kb.data;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import kb.content.Located;
import kb.diagnostic.SourceLocation;

/**
 * One social network's token facts, from {@code content/data/networks.yaml}.
 *
 * @param lifespanDays days a token lives when {@code renewal} is FIXED, else null
 * @param inactivityDays days without activity after which the token ends anyway, or null when the
 *     data states no inactivity rule (which does not mean the network has none)
 * @param role the role needed on the network and what for, or null when the data states none
 * @param article path under {@code content/articles/} of the article that explains it
 * @param translated the human-readable texts in each language other than the default, by code
 *     (a language without its own text is absent: it shows the default language's)
 */
public record Network(
        String id,
        String name,
        List<String> otherNames,
        Renewal renewal,
        Integer lifespanDays,
        Integer inactivityDays,
        String activity,
        Role role,
        Located<String> article,
        String notes,
        LocalDate verified,
        SourceLocation at,
        java.util.Map<String, Texts> translated) {

    public Network {
        otherNames = List.copyOf(otherNames);
        translated = java.util.Map.copyOf(translated);
    }

    /** A network's human-readable texts in one language; a null one is the default language's. */
    public record Texts(String activity, String role, String notes) { }

    /** This network as the pages of {@code language} show it: its texts in that language where it has them. */
    public Network in(String language) {
        Texts t = translated.get(language);
        if (t == null) {
            return this;
        }
        return new Network(id, name, otherNames, renewal, lifespanDays, inactivityDays,
                t.activity() != null ? t.activity() : activity,
                role != null && t.role() != null ? new Role(t.role(), role.scope()) : role,
                article, t.notes() != null ? t.notes() : notes, verified, at, java.util.Map.of());
    }

    /**
     * "60 days", "no expiration date", "refreshes each time it is used", in the words given. A token
     * without an expiration date is not said to never expire: it can still end for other reasons.
     */
    public String lifespanText(DataWords words) {
        return switch (renewal) {
            case FIXED -> words.days(lifespanDays);
            case NEVER -> words.noExpiry();
            case ON_USE -> words.onUse();
        };
    }

    /** The lifespan as a verb phrase: "lasts 60 days", "has no expiration date", "refreshes each time it is used". */
    public String lifespanPhrase(DataWords words) {
        return switch (renewal) {
            case FIXED -> words.lasts().replace("{0}", lifespanText(words));
            case NEVER -> words.hasNoExpiry();
            case ON_USE -> words.onUse();
        };
    }

    /** The role's name, or empty when the data states no role. */
    public String roleName() {
        return role == null ? "" : role.name();
    }

    /**
     * The lifespan as a sortable number of days: tokens that refresh on use sort after every fixed
     * lifespan, and tokens that never expire after those.
     */
    public int sortDays() {
        return switch (renewal) {
            case FIXED -> lifespanDays;
            case ON_USE -> Integer.MAX_VALUE - 1;
            case NEVER -> Integer.MAX_VALUE;
        };
    }

    /** "60 days", or empty when the data states no inactivity rule. */
    public String inactivityText(DataWords words) {
        return inactivityDays == null ? "" : words.days(inactivityDays);
    }

    /** Every name a reader may type for this network, lower-cased. */
    public List<String> searchNames() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(id, name), otherNames.stream())
                .map(s -> s.toLowerCase(Locale.ROOT)).distinct().toList();
    }
}
