package kb.insights;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.Writer;

/**
 * The report as JSON, one key per list of {@link Report} in camelCase, for scripts and
 * dashboards. Texts were made inert when counted (no control or direction-changing character),
 * and Jackson escapes what JSON needs.
 */
public final class JsonReport {
    private JsonReport() {
    }

    public static void write(Report report, Writer out) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        json.getFactory().configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
        json.writeValue(out, report);
        out.write('\n');
        out.flush();
    }
}
