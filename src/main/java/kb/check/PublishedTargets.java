package kb.check;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Every page URL the build publishes and the anchors on each: what a link may point at.
 * Built once per build, so checking a link is a hash lookup whatever the site's size.
 */
public final class PublishedTargets {
    private final Map<String, Set<String>> anchors = new HashMap<>();

    /** Adds a page (and any anchors); call again to add more anchors to the same page. */
    public PublishedTargets add(String url, Iterable<String> ids) {
        Set<String> set = anchors.computeIfAbsent(url, u -> new HashSet<>());
        ids.forEach(set::add);
        return this;
    }

    public boolean hasPage(String url) {
        return anchors.containsKey(url);
    }

    public boolean hasAnchor(String url, String anchor) {
        return anchors.getOrDefault(url, Set.of()).contains(anchor);
    }

    /** Whether {@code line} is one of {@link #lines()}. */
    public boolean publishes(String line) {
        if (!line.startsWith("/")) {
            return false;
        }
        int hash = line.indexOf('#');
        Set<String> ids = anchors.get(line.substring(1, hash < 0 ? line.length() : hash));
        return ids != null && (hash < 0 || ids.contains(line.substring(hash + 1)));
    }

    /** How many {@link #lines()} there are, without making them. */
    public int lineCount() {
        int n = 0;
        for (Set<String> ids : anchors.values()) {
            n += 1 + ids.size();
        }
        return n;
    }

    /** Every page and anchor as {@code url} and {@code url#anchor} lines, sorted: the published manifest. */
    public java.util.List<String> lines() {
        java.util.List<String> out = new java.util.ArrayList<>();
        anchors.forEach((url, ids) -> {
            out.add("/" + url);
            ids.forEach(id -> out.add("/" + url + "#" + id));
        });
        out.sort(null);
        return out;
    }
}
