package kb.insights;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import kb.insights.Report.Finding;
import kb.insights.Report.MissingRow;
import kb.insights.Report.RankRow;
import kb.insights.Report.RatingRow;
import kb.insights.Report.ReadRow;
import kb.insights.Report.SearchRow;

/** Turns the counts into a {@link Report}: ranks, cuts, checks against the site as it is now, advises. */
public final class Reports {
    /** At most this many searches that found nothing are searched again. */
    static final int MAX_RERUNS = 1000;

    private Reports() {
    }

    /** The report on what {@code collector} counted from the lines {@code reader} read. */
    public static Report of(Collector c, LogReader reader, SiteView site, int top) {
        long searches = c.searches.all().values().stream().mapToLong(s -> s.searches).sum();
        long choices = 0;
        for (long n : c.ranks) {
            choices += n;
        }
        long votes = c.ratings.all().values().stream().mapToLong(r -> r.yes + r.no).sum();
        long floor = Math.max(Math.max(c.searches.floor(), c.ratings.floor()), Math.max(c.reads.floor(), c.missing.floor()));
        Report.Totals totals = new Report.Totals(reader.lines(), reader.malformed(), reader.firstMalformed(), c.requests,
                c.outside, c.events, c.badEvents, searches, choices, votes, floor);

        List<Map.Entry<String, Collector.Search>> bySearches = new ArrayList<>(c.searches.all().entrySet());
        bySearches.sort(Comparator.comparingLong((Map.Entry<String, Collector.Search> e) -> -e.getValue().searches)
                .thenComparing(Map.Entry::getKey));
        List<SearchRow> topSearches = bySearches.stream().filter(e -> e.getValue().searches > 0).limit(top)
                .map(e -> row(e, e.getValue().lastCount, null)).toList();

        // A search that found nothing then is searched again now: one the content has since
        // answered (an article, a synonym) drops off the list.
        List<Map.Entry<String, Collector.Search>> byEmpty = new ArrayList<>(c.searches.all().entrySet());
        byEmpty.removeIf(e -> e.getValue().empty == 0);
        byEmpty.sort(Comparator.comparingLong((Map.Entry<String, Collector.Search> e) -> -e.getValue().empty)
                .thenComparing(Map.Entry::getKey));
        List<SearchRow> noResults = new ArrayList<>();
        long fixed = 0;
        int rerun = 0;
        for (Map.Entry<String, Collector.Search> e : byEmpty) {
            // Most empty searches in a long tail are fixed one-offs; a search costs milliseconds,
            // so only the most frequent are re-run: enough to fill the list, never minutes.
            if (noResults.size() == top || rerun++ == MAX_RERUNS) {
                break;
            }
            int now = site.results(e.getKey());
            if (now > 0) {
                fixed++;
            } else {
                noResults.add(row(e, 0, new Finding("synonym",
                        "Nothing answers this today. If an article covers it in other words, add these words to its"
                                + " synonyms in kb.yaml; if none does, write an article about it.")));
            }
        }

        List<SearchRow> notChosen = bySearches.stream()
                .filter(e -> e.getValue().chosen == 0 && e.getValue().lastCount > 0)
                .limit(top)
                .map(e -> row(e, e.getValue().lastCount, new Finding("rewrite",
                        "Readers saw results and opened none: rewrite the best match's title and summary in the words"
                                + " readers use here, or write the article they expected.")))
                .toList();

        List<RankRow> ranks = new ArrayList<>();
        for (int r = 1; r < c.ranks.length; r++) {
            if (c.ranks[r] > 0) {
                ranks.add(new RankRow(r, c.ranks[r]));
            }
        }

        List<ReadRow> mostRead = c.reads.all().entrySet().stream()
                .map(e -> Map.entry(site.page(e.getKey()).filter(p -> p.kind().equals("article")), e.getValue()[0]))
                .filter(e -> e.getKey().isPresent())
                .collect(Collectors.toMap(e -> e.getKey().get(), Map.Entry::getValue, Long::sum, LinkedHashMap::new))
                .entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<SiteView.Page, Long> e) -> -e.getValue())
                        .thenComparing(e -> e.getKey().url()))
                .limit(top)
                .map(e -> new ReadRow(e.getKey().url(), e.getKey().title(), e.getValue()))
                .toList();

        List<RatingRow> helpfulness = c.ratings.all().entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, Collector.Rating> e) -> -(e.getValue().no - e.getValue().yes))
                        .thenComparingLong(e -> -e.getValue().no).thenComparing(Map.Entry::getKey))
                .limit(top)
                .map(e -> rating(e.getKey(), e.getValue(), site.page(e.getKey())))
                .toList();

        List<MissingRow> notFound = c.missing.all().entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> -e.getValue()[0]).thenComparing(Map.Entry::getKey))
                .limit(top)
                .map(e -> missing(e.getKey(), e.getValue()[0], site))
                .toList();
        return new Report(totals, topSearches, noResults, fixed, notChosen, ranks, mostRead, helpfulness, notFound);
    }

    private static SearchRow row(Map.Entry<String, Collector.Search> e, int results, Finding todo) {
        Collector.Search s = e.getValue();
        return new SearchRow(e.getKey(), s.searches, s.empty, s.chosen, results, todo);
    }

    private static RatingRow rating(String url, Collector.Rating r, Optional<SiteView.Page> page) {
        Map<String, Long> reasons = new LinkedHashMap<>();
        EventFormat.Reason top = null;
        for (EventFormat.Reason why : EventFormat.Reason.values()) {
            long n = r.reasons[why.ordinal()];
            reasons.put(why.code(), n);
            if (n > 0 && (top == null || n > r.reasons[top.ordinal()])) {
                top = why;
            }
        }
        Finding todo;
        if (page.isEmpty()) {
            todo = new Finding("none", "No such page today: it was renamed or removed since.");
        } else if (r.no == 0 || r.no < r.yes) {
            todo = new Finding("none", "Readers find it helpful: nothing to do.");
        } else if (top == EventFormat.Reason.OUTDATED) {
            todo = new Finding("update", "Readers say it is out of date: check each fact and step against the product"
                    + " today and update it.");
        } else if (top == EventFormat.Reason.UNANSWERED) {
            todo = new Finding("article", "It did not answer what readers came with: look at the searches that lead"
                    + " here, then add that answer or write the article they need.");
        } else {
            todo = new Finding("rewrite", "Readers find it unclear: rewrite it with shorter steps, the answer first.");
        }
        return new RatingRow(url, page.map(SiteView.Page::title).orElse(null), page.map(SiteView.Page::kind).orElse(null),
                r.yes, r.no, reasons, todo);
    }

    private static MissingRow missing(String path, long hits, SiteView site) {
        Optional<SiteView.Page> closest = site.closest(words(path));
        String alias = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (closest.isPresent()) {
            SiteView.Page p = closest.get();
            return new MissingRow(path, hits, p.url(), p.title(), p.source(), new Finding("alias",
                    "Add \"" + alias + "\" to the aliases of " + p.source() + " so this address opens it."));
        }
        return new MissingRow(path, hits, null, null, null, new Finding("article",
                "No article matches this address: if readers expect a page here, write it, or add the address as an"
                        + " alias of the page that replaced it."));
    }

    /** The words of an address, as the 404 page searches them: {@code linkedin/token-expiry/} is "linkedin token expiry". */
    static String words(String path) {
        String p = path.endsWith(".html") ? path.substring(0, path.length() - 5) : path;
        StringBuilder out = new StringBuilder();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i <= p.length(); i++) {
            char c = i < p.length() ? p.charAt(i) : '/';
            if (c == '/' || c == '-' || c == '_' || c == '.' || c == '+' || Character.isWhitespace(c)) {
                if (word.length() > 0 && !word.chars().allMatch(Character::isDigit)) {
                    out.append(out.length() > 0 ? " " : "").append(word);
                }
                word.setLength(0);
            } else {
                word.append(c);
            }
        }
        return out.toString();
    }
}
