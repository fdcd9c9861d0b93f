package kb.data;

import java.util.function.BiFunction;
import kb.content.NearMiss;
import kb.markdown.Facts;

/**
 * Answers the Markdown's inline facts from {@code networks.yaml}. The facts box is rendered by
 * the theme, so its HTML comes in as a function.
 */
public final class DataFacts implements Facts {
    /** The facts a writer may state inline. */
    public static final java.util.List<String> INLINE = java.util.List.of(
            "lifespan", "lifespan-days", "inactivity", "activity", "role", "name");

    private final Networks networks;
    private final DataWords words;
    private final BiFunction<Network, String, String> box;
    private final String pageUrl;

    /**
     * @param words the words of the pages' language ("60 days", "60 días")
     * @param box renders a network's facts box for the page at the given site URL
     */
    public DataFacts(Networks networks, DataWords words, BiFunction<Network, String, String> box) {
        this(networks, words, box, "");
    }

    private DataFacts(Networks networks, DataWords words, BiFunction<Network, String, String> box, String pageUrl) {
        this.networks = networks;
        this.words = words;
        this.box = box;
        this.pageUrl = pageUrl;
    }

    /** The same facts for a page at another URL (the box links relative to its page). */
    public DataFacts forPage(String url) {
        return new DataFacts(networks, words, box, url);
    }

    @Override
    public String inline(String fact, String id) {
        Network n = network(id);
        return switch (fact) {
            case "lifespan" -> n.lifespanText(words);
            case "lifespan-days" -> {
                if (n.renewal() != Renewal.FIXED) {
                    throw new IllegalArgumentException(n.name() + " has no fixed lifespan in days (its token "
                            + n.lifespanPhrase(words) + ")");
                }
                yield String.valueOf(n.lifespanDays());
            }
            case "inactivity" -> {
                if (n.inactivityDays() == null) {
                    throw new IllegalArgumentException(n.name() + " has no inactivity rule in networks.yaml");
                }
                yield n.inactivityText(words);
            }
            case "activity" -> required(n, "activity", n.activity());
            case "role" -> required(n, "role", n.roleName());
            case "name" -> n.name();
            default -> throw new IllegalArgumentException("unknown fact '" + fact + "' ("
                    + NearMiss.hint(fact, INLINE) + "; or token-facts on a line of its own)");
        };
    }

    @Override
    public String box(String id) {
        return box.apply(network(id), pageUrl);
    }

    private Network network(String id) {
        return networks.byId(id).orElseThrow(() -> new IllegalArgumentException(
                "unknown network '" + id + "' (" + NearMiss.hint(id, networks.ids()) + ")"));
    }

    private static String required(Network n, String field, String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(n.name() + " has no '" + field + "' in networks.yaml");
        }
        return value;
    }
}
