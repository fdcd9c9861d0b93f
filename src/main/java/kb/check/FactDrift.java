package kb.check;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.content.Article;
import kb.content.Content;
import kb.content.FaqGroup;
import kb.content.FaqQuestion;
import kb.content.SourceText;
import kb.data.Network;
import kb.data.Networks;
import kb.data.Renewal;
import kb.diagnostic.KbException;
import kb.diagnostic.Problem;
import kb.diagnostic.Problems;
import kb.diagnostic.SourceLocation;

/**
 * Finds token lifespans typed by hand that disagree with {@code networks.yaml}: "LinkedIn tokens
 * last 90 days" when the data says 365. Runs on the raw Markdown, before inline facts are
 * expanded, so a fact ({@code {{ lifespan linkedin }}}) is never mistaken for a typed number.
 *
 * <p>It stays precise rather than clever, so correct prose never fails a build: a claim is a
 * number followed by "day(s)" or "year(s)" in a sentence about tokens or expiry, and it belongs
 * to the network named nearest before it in that sentence (or, failing that, after it). A number
 * that matches the network's inactivity rule in a sentence about activity is that rule, not a
 * lifespan. A disagreeing claim is an error; an agreeing one a warning, since it will drift the
 * day the data changes.
 */
public final class FactDrift {
    private static final Pattern CLAIM = Pattern.compile(
            "(?<![\\p{L}\\p{N}.,-])(\\d{1,5}|" + String.join("|", Words.NUMBERS.keySet()) + ")(?:\\s++|-)(days?|years?)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ABOUT_TOKENS = Pattern.compile(
            "token|expir|lifespan|\\blasts?\\b|\\bvalid|inactiv|reconnect|disconnect|re-?authenticat|renew",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ABOUT_ACTIVITY = Pattern.compile(
            "inactiv|activity|\\bidle\\b|not (?:been )?used|unused|without using|n't used|no use", Pattern.CASE_INSENSITIVE);

    private FactDrift() {
    }

    /** Checks every article (title, summary, body) and FAQ question and answer. */
    public static void check(Content content, Networks networks, Problems problems) {
        check(content, networks, problems, a -> false, a -> { });
    }

    /**
     * Checks every FAQ question and answer, and every article (title, summary, body) but those
     * {@code checkedBefore} vouches for: a build cache's, when the same text was checked against
     * the same data without a problem. {@code clean} hears of each article checked without one.
     */
    public static void check(Content content, Networks networks, Problems problems,
            Predicate<Article> checkedBefore, Consumer<Article> clean) {
        if (networks.all().isEmpty()) {
            return;
        }
        List<Mention.Finder> finders = Mention.finders(networks);
        // Both cores: every sentence of every article is matched against every network's names
        // (3 minutes of one core at 100,000 articles); problems come out sorted by place.
        // One whose title or summary makes a claim is always checked: that check reads the file's
        // own front matter lines, which the cache's key does not cover.
        content.articles().parallel().filter(a -> claimsInFrontMatter(a) || !checkedBefore.test(a)).forEach(a -> {
            try {
                Problems own = new Problems();
                article(a, finders, own);
                List<Problem> found = own.all();
                problems.addAll(found);
                if (found.isEmpty()) {
                    clean.accept(a);
                }
            } catch (RuntimeException | StackOverflowError e) {
                problems.add(Problem.internal(new SourceLocation(a.source(), a.bodyLine(), 1), "checking typed lifespans", e));
            }
        });
        for (FaqGroup group : content.faq()) {
            try {
                for (FaqQuestion q : group.questions()) {
                    // The question's text follows "## " on its heading line.
                    problems.addAll(scan(Sentences.ofLine(q.question(), q.at().line(), 4), group.source(), finders));
                    problems.addAll(scan(Sentences.of(q.answerMarkdown(), q.answerLine()), group.source(), finders));
                }
            } catch (RuntimeException | StackOverflowError e) {
                problems.add(Problem.internal(SourceLocation.of(group.source()), "checking typed lifespans", e));
            }
        }
    }

    /** Checks some articles only (title, summary, body): a preview's edited ones. */
    public static void check(java.util.Collection<Article> articles, Networks networks, Problems problems) {
        if (networks.all().isEmpty()) {
            return;
        }
        List<Mention.Finder> finders = Mention.finders(networks);
        articles.forEach(a -> article(a, finders, problems));
    }

    private static void article(Article a, List<Mention.Finder> finders, Problems problems) {
        frontMatter(a, finders, problems);
        problems.addAll(scan(Sentences.of(a.markdown().text(), a.bodyLine()), a.source(), finders));
    }

    /** The problems of some Markdown (first line {@code firstLine} of {@code file}); for tests. */
    static List<Problem> scan(String markdown, Path file, int firstLine, Networks networks) {
        return scan(Sentences.of(markdown, firstLine), file, Mention.finders(networks));
    }

    private static boolean claimsInFrontMatter(Article a) {
        return CLAIM.matcher(a.title()).find() || CLAIM.matcher(a.summary()).find();
    }

    private static void frontMatter(Article a, List<Mention.Finder> finders, Problems problems) {
        if (!claimsInFrontMatter(a)) {
            return; // nothing to place, so no need to read the file for positions
        }
        String[] lines;
        try {
            lines = SourceText.read(a.source()).text().split("\n", -1);
        } catch (KbException e) {
            return; // the loader has reported an unreadable file already
        }
        for (int i = 0; i < Math.min(a.bodyLine() - 1, lines.length); i++) {
            if (lines[i].startsWith("title:") || lines[i].startsWith("summary:")) {
                problems.addAll(scan(Sentences.ofLine(lines[i], i + 1, 1), a.source(), finders));
            }
        }
    }

    private static List<Problem> scan(List<Sentences.Sentence> sentences, Path file, List<Mention.Finder> finders) {
        List<Problem> out = new ArrayList<>();
        for (Sentences.Sentence s : sentences) {
            if (!namesDaysOrYears(s.text())) {
                continue; // no CLAIM in it, so nothing to report; far cheaper than the patterns
            }
            if (!ABOUT_TOKENS.matcher(s.text()).find() && !ABOUT_TOKENS.matcher(s.context()).find()) {
                continue;
            }
            List<Mention> mentions = Mention.in(s.text(), finders);
            if (mentions.isEmpty()) {
                continue;
            }
            Matcher claim = CLAIM.matcher(s.text());
            while (claim.find()) {
                Network n = nearest(mentions, claim.start());
                SourceLocation at = new SourceLocation(file, s.lineAt(claim.start()), s.columnAt(claim.start()));
                boolean aboutActivity = ABOUT_ACTIVITY.matcher(s.text()).find() || ABOUT_ACTIVITY.matcher(s.context()).find();
                out.add(judge(n, claim, aboutActivity, at));
            }
        }
        return out;
    }

    /**
     * Whether {@code text} holds "day" or "year" in any case, which every {@link #CLAIM} does.
     * Most sentences hold neither, and the patterns cost far more than this look: at 1,000
     * articles the check phase took 0.31-0.44 s with it first, 0.63-0.75 s without.
     */
    static boolean namesDaysOrYears(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == 'y' || c == 'Y')
                    && (text.regionMatches(true, i - 2, "day", 0, 3) || text.regionMatches(true, i, "year", 0, 4))) {
                return true;
            }
        }
        return false;
    }

    /** The network named nearest before {@code offset}, or else nearest after it. */
    private static Network nearest(List<Mention> mentions, int offset) {
        return mentions.stream().filter(m -> m.offset() < offset).max(Comparator.comparingInt(Mention::offset))
                .or(() -> mentions.stream().filter(m -> m.offset() > offset).min(Comparator.comparingInt(Mention::offset)))
                .map(Mention::network).orElseThrow();
    }

    /** A warning when the typed number agrees with the data (it will drift), else an error. */
    private static Problem judge(Network n, Matcher claim, boolean aboutActivity, SourceLocation at) {
        String typed = claim.group();
        int count = Words.number(claim.group(1));
        boolean years = claim.group(2).toLowerCase(Locale.ROOT).startsWith("year");
        if (n.inactivityDays() != null && aboutActivity && Words.same(count, years, n.inactivityDays())) {
            return Problem.warning(at, "'" + typed + "' is typed by hand; write {{ inactivity " + n.id()
                    + " }} so it follows networks.yaml");
        }
        if (n.renewal() == Renewal.FIXED && Words.same(count, years, n.lifespanDays())) {
            return Problem.warning(at, "'" + typed + "' is typed by hand; write {{ lifespan " + n.id()
                    + " }} so it follows networks.yaml");
        }
        // kb's own message, in the CLI's English like every problem, not in the theme's words.
        String data = switch (n.renewal()) {
            case FIXED -> n.name() + " tokens last " + days(n.lifespanDays());
            case NEVER -> n.name() + "'s token has no expiration date";
            case ON_USE -> n.name() + "'s token refreshes each time it is used";
        };
        if (n.inactivityDays() != null) {
            data += " (or end after " + days(n.inactivityDays()) + " without activity)";
        }
        return Problem.error(at, "'" + typed + "' disagrees with networks.yaml, which says " + data,
                "write {{ lifespan " + n.id() + " }}" + (n.inactivityDays() == null ? "" : " or {{ inactivity " + n.id() + " }}")
                        + " instead of typing the number");
    }

    private static String days(int n) {
        return n == 1 ? "1 day" : n + " days";
    }

    /** Number words a writer may spell out, and the year/day comparison. */
    static final class Words {
        static final Map<String, Integer> NUMBERS = Map.ofEntries(
                Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
                Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
                Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("fourteen", 14), Map.entry("thirty", 30),
                Map.entry("forty-five", 45), Map.entry("sixty", 60), Map.entry("ninety", 90));

        private Words() {
        }

        static int number(String typed) {
            Integer word = NUMBERS.get(typed.toLowerCase(Locale.ROOT));
            return word != null ? word : Integer.parseInt(typed);
        }

        /** "1 year" is 365 days; a leap day either way is the same year. */
        static boolean same(int count, boolean years, int days) {
            return years ? Math.abs(count * 365 - days) <= count : count == days;
        }
    }
}
