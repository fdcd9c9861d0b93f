package kb.insights;

import java.util.Locale;

/**
 * Crawlers read every page and hit every dead link, which says nothing about readers. They
 * name themselves in the user agent; a plain, case-insensitive look for the usual words (no
 * expression to backtrack) sets them apart. Events need JavaScript and a click, so bots rarely
 * send them, and events are counted whatever the agent.
 */
final class Bots {
    private static final String[] WORDS = {"bot", "crawl", "spider", "slurp", "curl/", "wget/", "python-requests",
        "httpclient", "monitor"};

    private Bots() {
    }

    static boolean isBot(String agent) {
        if (agent.isEmpty() || agent.equals("-")) {
            return false;
        }
        String lower = agent.toLowerCase(Locale.ROOT);
        for (String w : WORDS) {
            if (lower.contains(w)) {
                return true;
            }
        }
        return false;
    }
}
