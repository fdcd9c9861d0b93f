package kb.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kb.data.Network;
import kb.data.Networks;

/**
 * Where a sentence names a network: by its name, one of its other names, or its id (which is
 * also how an inline fact such as {@code {{ name linkedin }}} names it).
 */
record Mention(Network network, int offset) {
    /** Finds one network's names as whole words. */
    record Finder(Network network, Pattern pattern) { }

    static List<Finder> finders(Networks networks) {
        List<Finder> out = new ArrayList<>();
        for (Network n : networks.all()) {
            List<String> alternatives = Stream.concat(Stream.of(n.id(), n.name()), n.otherNames().stream())
                    .distinct().map(Mention::word).toList();
            out.add(new Finder(n, Pattern.compile(String.join("|", alternatives))));
        }
        return out;
    }

    /** Every mention in {@code text}, in no particular order. */
    static List<Mention> in(String text, List<Finder> finders) {
        List<Mention> out = new ArrayList<>();
        for (Finder f : finders) {
            Matcher m = f.pattern().matcher(text);
            while (m.find()) {
                out.add(new Mention(f.network(), m.start()));
            }
        }
        return out;
    }

    /**
     * A short all-capitals name (X, FB, GMB) must be typed in capitals: "x" and "li" are ordinary
     * letters in prose. Any other name matches in any case.
     */
    private static String word(String name) {
        boolean caps = name.length() <= 4 && name.equals(name.toUpperCase(Locale.ROOT));
        String quoted = Pattern.quote(name).replace(" ", "\\E\\s+\\Q");
        return "(?<![\\p{L}\\p{N}])" + (caps ? quoted : "(?i:" + quoted + ")") + "(?![\\p{L}\\p{N}])";
    }
}
