package kb.insights;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Tallies by key in bounded memory. Logs can hold millions of different queries and paths (a
 * scanner alone makes thousands), so past {@code capacity} keys the least counted half is
 * dropped, Lossy-Counting style: what is frequent stays and is counted exactly from then on,
 * while {@link #floor()} says by how much a kept count may fall short.
 */
final class Bounded<T> {
    private final int capacity;
    private final Supplier<T> fresh;
    private final ToLongFunction<T> weight;
    private final Map<String, T> tallies = new HashMap<>();
    private long floor;

    Bounded(int capacity, Supplier<T> fresh, ToLongFunction<T> weight) {
        this.capacity = capacity;
        this.fresh = fresh;
        this.weight = weight;
    }

    /** The tally of a key, new if need be. */
    T get(String key) {
        T t = tallies.get(key);
        if (t == null) {
            if (tallies.size() >= capacity) {
                prune();
            }
            t = fresh.get();
            tallies.put(key, t);
        }
        return t;
    }

    /** The tally of a key, or null: for lookups that must not add one. */
    T peek(String key) {
        return tallies.get(key);
    }

    Map<String, T> all() {
        return tallies;
    }

    /** 0 when every count is exact; else the largest count dropped, the most a count may be short. */
    long floor() {
        return floor;
    }

    private void prune() {
        List<Map.Entry<String, T>> entries = new ArrayList<>(tallies.entrySet());
        entries.sort(Comparator.comparingLong(e -> weight.applyAsLong(e.getValue())));
        for (Map.Entry<String, T> e : entries.subList(0, entries.size() / 2)) {
            floor = Math.max(floor, weight.applyAsLong(e.getValue()));
            tallies.remove(e.getKey());
        }
    }
}
