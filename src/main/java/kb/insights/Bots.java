package kb.insights;

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
        for (String w : WORDS) {
            if (containsIgnoreCase(agent, w)) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsIgnoreCase(String s, String lowerWord) {
        int n = lowerWord.length();
        for (int i = 0; i + n <= s.length(); i++) {
            if (s.regionMatches(true, i, lowerWord, 0, n)) {
                return true;
            }
        }
        return false;
    }
}
