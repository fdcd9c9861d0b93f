package kb.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.util.List;

/**
 * Text of the shapes mutation alone rarely reaches: one character or construct repeated
 * thousands of times (a run of {@code >}, {@code [a](} twenty thousand times, YAML nested ten
 * thousand deep) and very long lines. The byte-level fuzz tests never grew an input of 20,000
 * {@code >}, which overflowed the stack; with these the fuzzer picks the construct, how often it
 * repeats and what surrounds it.
 */
final class LongRuns {
    /** Markdown and kb syntax that nests, opens something, or starts a block. */
    static final List<String> MARKDOWN = List.of(">", "> ", "[", "]", "[a](", "](", "![", "*", "_", "*_", "~", "`", "- ",
            "  ", "1. ", "|", "| a ", "|---", "\\", "\\[", "!", "!\n", "<", "<a:", "<div>", "&#", "{{ ", "{{ lifespan linkedin }}",
            "{#", " #a", "#", "-", "=", "a.", "http://a.", "\n", "\n\n", "> [!TIP]\n", "```\n", "    ", "\t", " ", "word ");
    /** YAML that nests, aliases, quotes or indents. */
    static final List<String> YAML = List.of("[", "]", "{", "}", "- ", " ", "  ", "&a ", "*a ", "&a [*a, *a] ", "? ", ": ",
            "\"", "'", "\\", "!!str ", "#", "|", ">", "\n", "\n  ", ",", "---\n", "title: ", "a: ");
    /** What readers type into search, and Lucene's operators. */
    static final List<String> QUERY = List.of("(", ")", "\"", "*", "?", "~", "~2", "^", "AND ", "OR ", "NOT ", "+", "-",
            "\\", ":", "[", "]", "{", "}", "/", "a*", "token ", "linkedin ", " ");

    /** The longest repetition: beyond the limits kb sets (32 levels, 100 in a row, 5,000 lines). */
    private static final int MAX_REPEAT = 30_000;

    private LongRuns() {
    }

    /**
     * A short prefix, one to three long repetitions of a construct from {@code constructs} or of a
     * few characters the fuzzer chose, each followed by a short filler, then the rest of the data.
     */
    static String text(FuzzedDataProvider data, List<String> constructs) {
        StringBuilder sb = new StringBuilder(data.consumeString(80));
        int runs = data.consumeInt(1, 3);
        for (int r = 0; r < runs; r++) {
            String unit = data.consumeBoolean() ? data.pickValue(constructs) : data.consumeString(4);
            if (unit.isEmpty()) {
                unit = data.pickValue(constructs);
            }
            int times = data.consumeBoolean() ? data.consumeInt(1, MAX_REPEAT) : data.consumeInt(1, 300);
            sb.append(unit.repeat(times)).append(data.consumeString(20));
        }
        return sb.append(data.consumeRemainingAsString()).toString();
    }

    /** Whether an input has run: the first one pays for class loading and Jazzer's instrumentation. */
    private static final java.util.concurrent.atomic.AtomicBoolean WARM = new java.util.concurrent.atomic.AtomicBoolean();
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    /** Now, in CPU time of the calling thread: what {@link #inTime} measures from. */
    static long start() {
        return THREADS.getCurrentThreadCpuTime();
    }

    /**
     * Fails an input that takes longer than {@code seconds} of this thread's CPU time: "runs for
     * minutes" is a finding too. CPU time, not wall time: on a shared 2-core machine at a load of
     * 14, linear inputs took 20 to 35 s of wall time and were reported as findings. The first input
     * of a JVM is not timed: under instrumentation it took 40 to 60 s for one character.
     */
    static void inTime(long startCpuNanos, int seconds, String what) {
        long millis = (THREADS.getCurrentThreadCpuTime() - startCpuNanos) / 1_000_000;
        if (WARM.getAndSet(true) && millis > seconds * 1000L) {
            throw new AssertionError(what + " took " + millis + " ms of CPU");
        }
    }
}
