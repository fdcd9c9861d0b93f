package kb.pipeline;

import java.time.LocalDate;
import kb.data.DataWords;
import kb.template.Strings;

/**
 * The theme's words in the language a page is built in: what Java writes into pages (breadcrumbs,
 * the data's "60 days", dates) comes from the same strings file as the templates' words, so no
 * wording sits in the pipeline.
 */
record Words(Strings strings, String language) {
    /**
     * A language the theme has no strings for is already a problem (Strings.require); until the
     * build stops on it, English words let the other phases run and report their own problems.
     */
    Words {
        language = strings.has(language) ? language : Strings.REFERENCE;
    }

    /** The text of {@code key} with its {@code {0}} ... filled in. */
    String text(String key, Object... args) {
        return strings.text(language, key, args);
    }

    /** The words around the data's numbers. */
    DataWords data() {
        return DataWords.of(key -> strings.text(language, key));
    }

    /** The words kb's own HTML inside an article carries. */
    kb.markdown.Labels labels() {
        return kb.markdown.Labels.of(key -> strings.text(language, key));
    }

    /** A date as this language writes it. */
    String date(LocalDate date) {
        return Strings.date(language, date);
    }
}
