package kb.pipeline;

import kb.search.Analyses;

/**
 * Where each entry of a held cache file starts ({@link AnalysesFile}), by its key: an
 * open-addressed table of plain arrays. A map of 80,000 keys to places made three objects an
 * entry, all of them live through the build, for the collector to copy as the cache is opened.
 */
final class EntryPlaces {
    /** Each slot's key as four longs, and its place (-1: the slot is empty); at most half the slots are taken. */
    private long[] keys;
    private long[] places;
    private int mask;
    private int size;

    /** A table for about {@code expected} keys (it grows past them). */
    EntryPlaces(int expected) {
        allocate(Integer.highestOneBit(Math.max(2, Math.min(expected, 1 << 28)) * 4 - 1));
    }

    private void allocate(int slots) {
        keys = new long[slots * 4];
        places = new long[slots];
        java.util.Arrays.fill(places, -1);
        mask = slots - 1;
        size = 0;
    }

    /** Twice the slots, every key placed again. */
    private void grow() {
        long[] oldKeys = keys;
        long[] oldPlaces = places;
        allocate(places.length * 2);
        for (int slot = 0; slot < oldPlaces.length; slot++) {
            if (oldPlaces[slot] >= 0) {
                put(keyAt(oldKeys, slot), oldPlaces[slot]);
            }
        }
    }

    private static Analyses.Key keyAt(long[] keys, int slot) {
        return new Analyses.Key(keys[4 * slot], keys[4 * slot + 1], keys[4 * slot + 2], keys[4 * slot + 3]);
    }

    /** How many keys have a place. */
    int size() {
        return size;
    }

    /** The place of {@code key}, or -1. */
    long get(Analyses.Key key) {
        for (int slot = slot(key); ; slot = slot + 1 & mask) {
            if (places[slot] < 0) {
                return -1;
            }
            if (is(slot, key)) {
                return places[slot];
            }
        }
    }

    /** Places {@code key} at {@code place} (not negative), over any place it had. */
    void put(Analyses.Key key, long place) {
        if ((size + 1) * 2 > places.length) {
            grow();
        }
        int slot = slot(key);
        while (places[slot] >= 0 && !is(slot, key)) {
            slot = slot + 1 & mask;
        }
        if (places[slot] < 0) {
            size++;
            keys[4 * slot] = key.a();
            keys[4 * slot + 1] = key.b();
            keys[4 * slot + 2] = key.c();
            keys[4 * slot + 3] = key.d();
        }
        places[slot] = place;
    }

    /** Adds {@code other}'s keys that have no place here yet, at their places there. */
    void addAbsent(EntryPlaces other) {
        for (int slot = 0; slot < other.places.length; slot++) {
            if (other.places[slot] >= 0) {
                Analyses.Key key = keyAt(other.keys, slot);
                if (get(key) < 0) {
                    put(key, other.places[slot]);
                }
            }
        }
    }

    private boolean is(int slot, Analyses.Key key) {
        return keys[4 * slot] == key.a() && keys[4 * slot + 1] == key.b() && keys[4 * slot + 2] == key.c()
                && keys[4 * slot + 3] == key.d();
    }

    /** The key's first slot: its parts are digests already, mixed once more so that near keys spread. */
    private int slot(Analyses.Key key) {
        long h = key.a() * 0x9E3779B97F4A7C15L ^ key.b() ^ key.c() * 0xC2B2AE3D27D4EB4FL ^ key.d();
        return (int) (h ^ h >>> 29 ^ h >>> 43) & mask;
    }
}
