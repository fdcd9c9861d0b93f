package kb.markdown;

/**
 * Resolves the inline data facts of Markdown ({@code {{ lifespan facebook }}}). Implemented by
 * the build from {@code networks.yaml}, so this package never reads data itself.
 */
public interface Facts {
    /** Facts of no network: every use is an error. */
    Facts NONE = new Facts() {
        @Override
        public String inline(String fact, String network) {
            throw new IllegalArgumentException("no network data is defined (content/data/networks.yaml)");
        }

        @Override
        public String box(String network) {
            throw new IllegalArgumentException("no network data is defined (content/data/networks.yaml)");
        }
    };

    /**
     * The text of one fact, such as "60 days".
     *
     * @throws IllegalArgumentException with a writer-facing message for an unknown fact or network
     */
    String inline(String fact, String network);

    /** The HTML of a token-facts box for a network. @throws IllegalArgumentException as above */
    String box(String network);
}
