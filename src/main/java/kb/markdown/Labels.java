package kb.markdown;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The few words kb's own HTML inside an article carries, in the page's language: they come from
 * the theme's strings file (keys {@code markdown.*} and {@code callout.*}), so kb.markdown holds no wording.
 *
 * @param sectionLink a heading's copy-link anchor, {@code {0}} for the heading
 * @param done a checked task box, as a screen reader says it
 * @param todo an unchecked task box
 * @param callouts each callout kind ({@link #CALLOUTS}) to its title
 */
public record Labels(String sectionLink, String done, String todo, Map<String, String> callouts) {
    /** The callout kinds a writer may open a block quote with ({@code > [!NOTE]}). */
    public static final List<String> CALLOUTS = List.of("NOTE", "TIP", "RECOMMENDED", "IMPORTANT", "WARNING", "CAUTION");

    public Labels {
        callouts = Map.copyOf(callouts);
        if (!callouts.keySet().containsAll(CALLOUTS)) {
            throw new IllegalArgumentException("a title for every callout kind: " + CALLOUTS);
        }
    }

    /** The labels looked up in a language's strings: {@code markdown.section_link}, {@code callout.note} ... */
    public static Labels of(Function<String, String> text) {
        Map<String, String> callouts = new java.util.HashMap<>();
        CALLOUTS.forEach(kind -> callouts.put(kind, text.apply("callout." + kind.toLowerCase(java.util.Locale.ROOT))));
        return new Labels(text.apply("markdown.section_link"), text.apply("markdown.done"), text.apply("markdown.todo"),
                callouts);
    }
}
