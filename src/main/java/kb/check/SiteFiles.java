package kb.check;

/**
 * The files of a site being built, by path relative to its root ({@code faq/index.html}):
 * on disk for a build, in memory for {@code kb check}, a preview's new pages over the served site.
 */
public interface SiteFiles {
    /** Whether a file (not a folder) is at {@code path}. */
    boolean exists(String path);

    /** The text of the file at {@code path}, or null when there is none. */
    String read(String path);
}
