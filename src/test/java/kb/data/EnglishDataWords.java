package kb.data;

/** The shipped theme's English data words (templates/i18n/en.yaml, keys data.*), for tests of kb.data alone. */
public final class EnglishDataWords {
    public static final DataWords WORDS = new DataWords("1 day", "{0} days", "no expiration date",
            "refreshes each time it is used", "lasts {0}", "has no expiration date");

    private EnglishDataWords() {
    }
}
