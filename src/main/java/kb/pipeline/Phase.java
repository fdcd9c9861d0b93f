package kb.pipeline;

import java.util.Locale;

/**
 * The phases of every run of kb, in the order they run: {@code kb build} runs them all,
 * {@code kb check} stops after {@link #PAGES} (every page rendered, in memory, nothing written),
 * the preview runs them over the pages an edit affects. {@link Pipeline} is the one place that
 * runs them; nothing else lists the steps.
 *
 * <p>Rendering is two phases because each article page lists related articles, which the search
 * index picks: Markdown first ({@link #RENDER}), the index, then the pages through the theme.
 */
public enum Phase {
    /** {@code content/}, the data file and the theme, read and parsed. */
    LOAD,
    /** Every article body and FAQ answer from Markdown to HTML, with the data file's facts filled in. */
    RENDER,
    /** References, typed facts against the data file, links and anchors, URLs published before. */
    CHECK,
    /** The search index, which also picks each article's related articles. */
    INDEX,
    /**
     * Every page through the theme, with the files that go beside it (data, feeds, assets), and
     * the theme's own links checked on them. A build streams them into its hidden staging folder,
     * so a large site is never held in memory; {@code kb check} and the preview keep them in memory.
     */
    PAGES,
    /** What is left to write: the search data for browsers; a preview's pages, in place. */
    WRITE,
    /** The new site replaces the old one at once; until then {@code --out} is untouched. */
    SWAP;

    /** The name a build's summary and progress line show. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
