package kb.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.loader.StringLoader;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Page models can be records: Pebble 3.2.4 reads {@code page.title} through the accessor
 * {@code title()}, and stays strict about a name the record does not have.
 */
class RecordModelsTest {
    /** Public: Pebble calls the accessors by reflection from its own package. */
    public record Page(String title, List<Link> links) { }

    public record Link(String title, String url) { }

    private static final PebbleEngine ENGINE = new PebbleEngine.Builder().loader(new StringLoader())
            .strictVariables(true).autoEscaping(true).build();

    private static String render(String template, Object page) throws IOException {
        StringWriter out = new StringWriter();
        ENGINE.getTemplate(template).evaluate(out, Map.of("page", page));
        return out.toString();
    }

    @Test
    void aRecordsAccessorsReadLikeMapKeys() throws IOException {
        Page page = new Page("Tokens & expiry", List.of(new Link("Home", "../")));
        assertEquals("Tokens &amp; expiry: <a href=\"../\">Home</a>",
                render("{{ page.title }}: {% for l in page.links %}<a href=\"{{ l.url }}\">{{ l.title }}</a>{% endfor %}", page));
    }

    @Test
    void aNameTheRecordDoesNotHaveIsAnError() {
        PebbleException e = assertThrows(PebbleException.class,
                () -> render("{{ page.titel }}", new Page("Tokens", List.of())));
        assertEquals("titel", e.getPebbleMessage().replaceAll(".*\\[(titel)\\].*", "$1"));
    }
}
