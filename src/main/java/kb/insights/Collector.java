package kb.insights;

import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Counts what the requests in a log say readers did: the events pages sent (searches, choices,
 * votes), the pages they read and the addresses that found nothing. Memory stays bounded
 * whatever the size of the logs (see {@link Bounded}); every text kept is made inert first.
 */
public final class Collector implements Consumer<LogLine> {
    /** Results pages list at most 50 results; a higher rank is not one a page can send. */
    static final int MAX_RANK = 50;
    /** Paths are kept at most this long: longer ones are no page of a help center. */
    static final int MAX_PATH = 300;
    private static final int CAPACITY = 50_000;

    private final String basePath;
    private final String eventPath;
    private final Instant since;
    private final Instant until;

    final Bounded<Search> searches = new Bounded<>(CAPACITY, Search::new, s -> s.searches + s.chosen);
    final Bounded<Rating> ratings = new Bounded<>(CAPACITY, Rating::new, r -> r.yes + r.no);
    final Bounded<long[]> reads = new Bounded<>(CAPACITY, () -> new long[1], c -> c[0]);
    final Bounded<long[]> missing = new Bounded<>(CAPACITY, () -> new long[1], c -> c[0]);
    final long[] ranks = new long[MAX_RANK + 1];
    long requests;
    long outside;
    long events;
    long badEvents;

    /**
     * @param basePath the site's path on its host, from {@code base_url}: {@code /} or {@code /help/}
     * @param since first instant counted, or null
     * @param until instant from which nothing is counted, or null
     */
    public Collector(String basePath, Instant since, Instant until) {
        this.basePath = basePath.endsWith("/") ? basePath : basePath + "/";
        this.eventPath = this.basePath + EventFormat.PATH;
        this.since = since;
        this.until = until;
    }

    /** A search and what came of it. */
    static final class Search {
        long searches;
        long empty;
        long chosen;
        int lastCount = -1;
    }

    /** The answers to "Was this helpful?" about one page or FAQ answer. */
    static final class Rating {
        long yes;
        long no;
        final long[] reasons = new long[EventFormat.Reason.values().length];
    }

    @Override
    public void accept(LogLine line) {
        if (line.time() != null && (since != null && line.time().isBefore(since)
                || until != null && !line.time().isBefore(until))) {
            outside++;
            return;
        }
        requests++;
        String path = line.path();
        if (path.equals(eventPath)) {
            event(line.query());
            return;
        }
        if (!line.method().equals("GET") || !path.startsWith(basePath)) {
            return;
        }
        String page = page(Inert.percentDecoded(path.substring(basePath.length())));
        if (page == null || page.startsWith("_kb/") || Bots.isBot(line.userAgent())) {
            return;
        }
        if (line.status() == 200 || line.status() == 304) {
            reads.get(page)[0]++;
        } else if (line.status() == 404) {
            missing.get(page)[0]++;
        }
    }

    /** A page's URL relative to the site root ({@code x/} for {@code x/index.html}), or null for a file that is no page. */
    static String page(String relative) {
        String p = relative.endsWith("index.html") ? relative.substring(0, relative.length() - "index.html".length()) : relative;
        int slash = p.lastIndexOf('/');
        String last = p.substring(slash + 1);
        if (!last.isEmpty() && last.indexOf('.') >= 0 && !last.endsWith(".html")) {
            return null; // an asset, a feed, a data file: not something a reader reads as a page
        }
        return Inert.text(p, MAX_PATH);
    }

    private void event(String query) {
        events++;
        Map<String, String> p = params(query);
        EventFormat.Type type = EventFormat.Type.of(p.getOrDefault(EventFormat.TYPE, "")).orElse(null);
        if (type == null) {
            badEvents++;
            return;
        }
        switch (type) {
            case SEARCH -> search(p);
            case CHOOSE -> choose(p);
            case VOTE -> vote(p);
            case REASON -> reason(p);
        }
    }

    private void search(Map<String, String> p) {
        String q = Inert.key(p.getOrDefault(EventFormat.QUERY, ""), EventFormat.MAX_QUERY);
        int n = number(p.get(EventFormat.COUNT));
        if (q.isEmpty() || n < 0) {
            badEvents++;
            return;
        }
        Search s = searches.get(q);
        s.searches++;
        s.lastCount = n;
        if (n == 0) {
            s.empty++;
        }
    }

    private void choose(Map<String, String> p) {
        String q = Inert.key(p.getOrDefault(EventFormat.QUERY, ""), EventFormat.MAX_QUERY);
        int rank = number(p.get(EventFormat.RANK));
        if (q.isEmpty() || rank < 1 || rank > MAX_RANK) {
            badEvents++;
            return;
        }
        searches.get(q).chosen++;
        ranks[rank]++;
    }

    private void vote(Map<String, String> p) {
        String page = Inert.text(p.getOrDefault(EventFormat.PAGE, ""), MAX_PATH);
        String v = p.getOrDefault(EventFormat.VOTE, "");
        if (page.isEmpty() || !v.equals(EventFormat.YES) && !v.equals(EventFormat.NO)) {
            badEvents++;
            return;
        }
        Rating r = ratings.get(page);
        if (v.equals(EventFormat.YES)) {
            r.yes++;
        } else {
            r.no++;
        }
    }

    private void reason(Map<String, String> p) {
        String page = Inert.text(p.getOrDefault(EventFormat.PAGE, ""), MAX_PATH);
        EventFormat.Reason why = EventFormat.Reason.of(p.getOrDefault(EventFormat.WHY, "")).orElse(null);
        if (page.isEmpty() || why == null) {
            badEvents++;
            return;
        }
        ratings.get(page).reasons[why.ordinal()]++;
    }

    /** A small non-negative whole number, or -1. */
    private static int number(String s) {
        if (s == null || s.isEmpty() || s.length() > 6) {
            return -1;
        }
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + c - '0';
        }
        return n;
    }

    /** The parameters of a query string, decoded; a repeated name keeps its first value. */
    static Map<String, String> params(String query) {
        Map<String, String> out = new HashMap<>();
        int from = 0;
        while (from <= query.length()) {
            int amp = query.indexOf('&', from);
            int to = amp < 0 ? query.length() : amp;
            int eq = query.indexOf('=', from);
            if (to > from) {
                String name = eq < 0 || eq > to ? query.substring(from, to) : query.substring(from, eq);
                String value = eq < 0 || eq > to ? "" : query.substring(eq + 1, to);
                out.putIfAbsent(Inert.percentDecoded(name).toLowerCase(Locale.ROOT), Inert.percentDecoded(value));
            }
            if (amp < 0) {
                break;
            }
            from = amp + 1;
        }
        return out;
    }
}
