package kb.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * One headless Chromium and one served build of the shipped site for the whole test run, shared
 * by every {@link BrowserTest} class: starting Chromium and building the site took each browser
 * test class seconds of its own. Both live in the root context's store, which JUnit closes when
 * the run ends. Each {@link Reader} is a new tab, so tests share the browser process, not state.
 */
final class BrowserHarness implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace HARNESS = ExtensionContext.Namespace.create(BrowserHarness.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        Browser.assumeAvailable();
    }

    /** For a single {@code @BrowserTest} method in a class that otherwise needs no browser. */
    @Override
    public void beforeEach(ExtensionContext context) {
        Browser.assumeAvailable();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Reader.class || type == ShippedSite.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (parameter.getParameter().getType() == ShippedSite.class) {
            return context.getRoot().getStore(HARNESS).getOrComputeIfAbsent(ShippedSite.class, key -> shippedSite(), ShippedSite.class);
        }
        // A tab per parameter, closed (by the store) when the scope that asked for it ends.
        Chromium chromium = chromium(context);
        Reader tab = new Reader(chromium.driver(), chromium.current());
        context.getStore(HARNESS).put(tab, tab);
        return tab;
    }

    private static Chromium chromium(ExtensionContext context) {
        ExtensionContext.Store run = context.getRoot().getStore(HARNESS);
        Chromium chromium = run.getOrComputeIfAbsent(Chromium.class, key -> Chromium.start(), Chromium.class);
        if (!chromium.alive()) {
            // A test that crashed the browser fails alone; the tests after it get a new one.
            run.remove(Chromium.class);
            chromium.close();
            chromium = run.getOrComputeIfAbsent(Chromium.class, key -> Chromium.start(), Chromium.class);
        }
        return chromium;
    }

    private static ShippedSite shippedSite() {
        try {
            return ShippedSite.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the shipped site for the browser tests", e);
        }
    }

    /**
     * The run's browser and its current tab. Its first tab stays open (and blank) so that closing
     * a test's tab never ends the session.
     */
    private record Chromium(ChromeDriver driver, AtomicReference<String> current) implements AutoCloseable {
        static Chromium start() {
            ChromeDriver driver = Browser.start();
            return new Chromium(driver, new AtomicReference<>(driver.getWindowHandle()));
        }

        boolean alive() {
            try {
                driver.switchTo().window(current.get());
                return true;
            } catch (WebDriverException e) {
                return false;
            }
        }

        @Override
        public void close() {
            try {
                driver.quit();
            } catch (WebDriverException e) {
                // already gone: nothing left to close
            }
        }
    }
}
