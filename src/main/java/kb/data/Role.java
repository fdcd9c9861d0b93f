package kb.data;

/**
 * A role a person needs on a network, and what it is needed for. A role always says its scope,
 * because a role needed only to connect a business Page says nothing about connecting a profile.
 *
 * @param name as the network calls it: "Super admin", "Admin or Editor"
 */
public record Role(String name, Scope scope) {
    public Role {
        if (name == null || name.isBlank() || scope == null) {
            throw new IllegalArgumentException("a role needs a name and a scope");
        }
    }

    /** What a role is needed for. */
    public enum Scope {
        /** Connecting a business Page to Lofty. */
        PAGE;

        /** The spelling of {@code role_for:} in networks.yaml and of {@code role_for} in the JSON and CSV. */
        public String spelling() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Scope parse(String text) {
            for (Scope s : values()) {
                if (s.spelling().equals(text)) {
                    return s;
                }
            }
            return null;
        }

        static java.util.List<String> spellings() {
            return java.util.Arrays.stream(values()).map(Scope::spelling).toList();
        }
    }
}
