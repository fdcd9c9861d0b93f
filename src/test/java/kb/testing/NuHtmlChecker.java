package kb.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import nu.validator.validation.SimpleDocumentValidator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The W3C Nu HTML Checker (the engine behind validator.w3.org/nu and {@code vnu.jar}), run
 * in-process over every HTML file of a built site. Use it on any site a test builds:
 * {@code assertEquals(List.of(), NuHtmlChecker.errors(site))}.
 *
 * <p>Errors only, the way {@code vnu --errors-only} counts them: warnings are advice, not
 * invalid markup. Works offline: the HTML schemas ship inside the validator jar.
 */
public final class NuHtmlChecker {
    /** The same schema {@code vnu.jar} picks for an HTML document. */
    private static final String HTML_SCHEMA = "http://s.validator.nu/html5-all.rnc";

    private NuHtmlChecker() {
    }

    /**
     * Every error in every {@code .html} file under {@code site}, as
     * {@code relative/path.html:line:col: message}, files in path order.
     */
    public static List<String> errors(Path site) {
        List<Path> pages;
        try (Stream<Path> files = Files.walk(site)) {
            pages = files.filter(p -> p.getFileName().toString().endsWith(".html")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (pages.isEmpty()) {
            throw new IllegalArgumentException("no .html file under " + site + ": nothing to check");
        }
        Collector collector = new Collector();
        SimpleDocumentValidator validator = validator(collector);
        for (Path page : pages) {
            collector.file = site.relativize(page).toString().replace('\\', '/');
            try {
                validator.checkHtmlFile(page.toFile(), true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (SAXException e) {
                collector.found.add(collector.file + ": the checker stopped: " + e.getMessage());
            }
        }
        return List.copyOf(collector.found);
    }

    private static SimpleDocumentValidator validator(ErrorHandler handler) {
        // No log4j setup, no URL logging, no language guessing (it warns, never errs, and is slow).
        SimpleDocumentValidator validator = new SimpleDocumentValidator(false, false, false);
        try {
            validator.setUpMainSchema(HTML_SCHEMA, handler);
            validator.setUpValidatorAndParsers(handler, true, false);
        } catch (Exception e) {
            throw new IllegalStateException("the Nu HTML Checker could not load its HTML schema", e);
        }
        return validator;
    }

    /** Collects errors with the file being checked; warnings are dropped. */
    private static final class Collector implements ErrorHandler {
        private final List<String> found = new ArrayList<>();
        private String file = "";

        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) {
            found.add(file + ":" + e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
        }

        @Override
        public void fatalError(SAXParseException e) {
            error(e);
        }
    }
}
