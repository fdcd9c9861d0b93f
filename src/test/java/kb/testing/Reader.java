package kb.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One tab of the run's headless Chromium, used the way a reader uses the site: open a page, type,
 * press keys, look. A test gets one as a parameter from {@link BrowserHarness}: a fresh tab, so
 * its storage, emulated screen, clock and injected scripts start clean and vanish with it.
 * From the first line of every document it records script errors, {@code console.error} calls,
 * resources that failed to load and Content-Security-Policy violations, kept in sessionStorage so
 * a page that redirects does not lose what went wrong on it.
 *
 * <p>Each method of this class first makes its tab the browser's current one, so a class's tab
 * and a test's own tab can be used side by side; {@link #driver} itself acts on the current tab.
 */
public final class Reader implements AutoCloseable {
    private static final String RECORDER = """
            (() => {
              const record = (what) => {
                try {
                  const all = JSON.parse(sessionStorage.getItem('kbProblems') || '[]');
                  all.push(what + ' [' + location.href + ']');
                  sessionStorage.setItem('kbProblems', JSON.stringify(all));
                } catch (e) { /* storage refused: nothing to keep it in */ }
              };
              document.addEventListener('securitypolicyviolation',
                  e => record('CSP blocked ' + e.violatedDirective + ' ' + e.blockedURI + ' in ' + e.sourceFile + ':' + e.lineNumber));
              window.addEventListener('error', e => {
                if (e.target && e.target !== window) record('failed to load ' + (e.target.src || e.target.href));
                else record('script error: ' + e.message + ' at ' + e.filename + ':' + e.lineno);
              }, true);
              window.addEventListener('unhandledrejection', e => record('unhandled rejection: ' + (e.reason && e.reason.stack || e.reason)));
              const error = console.error;
              console.error = function () { record('console.error: ' + Array.from(arguments).join(' ')); return error.apply(console, arguments); };
            })();
            """;

    /** The browser, for what this class does not wrap (CDP commands, cookies, window handles). */
    public final ChromeDriver driver;
    /** The browser's current tab, shared by every Reader of one browser: switching costs a round trip. */
    private final AtomicReference<String> current;
    private final String tab;
    private final String previous;

    /** Opens a new tab in {@code driver} and makes it the current one. */
    Reader(ChromeDriver driver, AtomicReference<String> current) {
        this.driver = driver;
        this.current = current;
        this.previous = driver.getWindowHandle();
        this.tab = driver.switchTo().newWindow(WindowType.TAB).getWindowHandle();
        current.set(tab);
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORDER));
    }

    /** Makes this tab the one the browser's commands go to, and returns it. */
    public Reader focus() {
        if (!tab.equals(current.get())) {
            driver.switchTo().window(tab);
            current.set(tab);
        }
        return this;
    }

    /** Opens a URL and waits until the deferred scripts have run. */
    public Reader open(String url) {
        focus();
        driver.get(url);
        waitForScripts();
        return this;
    }

    /** Waits until the page has loaded and kb's deferred scripts have run. */
    public void waitForScripts() {
        until(d -> Boolean.TRUE.equals(js("return document.readyState === 'complete' && !!(window.kb && window.kb.ui);")));
    }

    /** Pretends the screen is {@code width} CSS pixels wide (a phone below 600). */
    public Reader width(int width) {
        focus();
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", 800, "deviceScaleFactor", 1, "mobile", width < 600));
        return this;
    }

    /** Emulates the reader's colour-scheme preference. */
    public Reader scheme(String lightOrDark) {
        focus();
        driver.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", lightOrDark))));
        return this;
    }

    /** Types into whatever has focus, like a keyboard. */
    public Reader keys(CharSequence... keys) {
        focus();
        new Actions(driver).sendKeys(keys).perform();
        return this;
    }

    /**
     * Waits up to 15 s for {@code condition} to give a non-null, non-false value, and returns it.
     * It looks every 20 ms, not Selenium's default 500: most conditions hold within a few
     * milliseconds, and every page a test opens waits here at least once. An element gone stale
     * while the condition reads it (the page re-rendered it, as the search popup does per
     * keystroke) means "not yet": it looks again.
     */
    public <T> T until(Function<WebDriver, T> condition) {
        focus();
        return new WebDriverWait(driver, Duration.ofSeconds(15), POLL)
                .ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    private static final Duration POLL = Duration.ofMillis(20);

    /** Runs a script in the page and returns its result. */
    public Object js(String script, Object... args) {
        focus();
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Runs a script that calls its last argument when done, and returns what it was called with. */
    public Object jsAsync(String script, Object... args) {
        focus();
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    /** The first element matching {@code css}; fails if there is none. */
    public WebElement find(String css) {
        focus();
        return driver.findElement(By.cssSelector(css));
    }

    /** Every element matching {@code css}. */
    public List<WebElement> all(String css) {
        focus();
        return driver.findElements(By.cssSelector(css));
    }

    /** The id of the focused element. */
    public String activeId() {
        return (String) js("return document.activeElement && document.activeElement.id;");
    }

    /** Everything that went wrong since the last call, on every page opened in between. */
    public List<String> problems() {
        @SuppressWarnings("unchecked")
        List<String> found = (List<String>) js("""
                try {
                  const all = JSON.parse(sessionStorage.getItem('kbProblems') || '[]');
                  sessionStorage.removeItem('kbProblems');
                  return all;
                } catch (e) { return ['cannot read the problem log: ' + e]; }
                """);
        return new ArrayList<>(found);
    }

    /** Closes this tab and returns to the one that was current before it. */
    @Override
    public void close() {
        focus();
        driver.close();
        driver.switchTo().window(previous);
        current.set(previous);
    }
}
