package kb.template;

import java.util.List;

/**
 * A row of the lifespans table. The texts are in the page's language; the {@code ...Days} and
 * {@code ...Iso} values are what the table sorts and the calculator computes by.
 *
 * @param renewal how the token renews: fixed, on-use, never
 * @param searchNames every name the table's filter matches
 * @param article the article about this network's token, or null
 */
public record NetworkModel(String id, String name, List<String> otherNames, String lifespan, String lifespanDays,
        String sortDays, String renewal, String inactivity, String inactivityDays, String activity, String role,
        String roleFor, String notes, String verified, String verifiedIso, String searchNames, ArticleLinkModel article) {
    public NetworkModel {
        otherNames = List.copyOf(otherNames);
    }
}
