package kb.output;

/**
 * What a link in the content points at, once resolved.
 *
 * @param url the target's site URL (page part, no anchor) for internal links; the href as
 *     written for external ones
 * @param anchor the fragment without {@code #}, or null
 * @param error why the link is malformed or unsafe, or null
 */
public record LinkTarget(Kind kind, String url, String anchor, String error) {
    /** How the build treats the link. */
    public enum Kind {
        /** Another page of this site; checked, and rewritten to a relative URL. */
        PAGE,
        /** An anchor on the same page. */
        SAME_PAGE,
        /** Another host or scheme (https, mailto, tel): checked for shape only. */
        EXTERNAL,
        /** Not a link kb can accept. */
        INVALID
    }

    static LinkTarget invalid(String why) {
        return new LinkTarget(Kind.INVALID, null, null, why);
    }
}
