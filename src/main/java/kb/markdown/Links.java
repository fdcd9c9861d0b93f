package kb.markdown;

/**
 * Turns a link as written ({@code ../linkedin/expiry.md#why}) into the page's URL for it. The
 * output package knows the site's URL scheme; this package only asks.
 */
@FunctionalInterface
public interface Links {
    /** Leaves every link as written. */
    Links AS_WRITTEN = href -> href;

    String rewrite(String href);
}
