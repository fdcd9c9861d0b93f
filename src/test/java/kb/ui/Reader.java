package kb.ui;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import kb.testing.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium used the way a reader uses the site: open a page, type, press keys, look.
 * From the first line of every document it records script errors, {@code console.error} calls,
 * resources that failed to load and Content-Security-Policy violations, kept in sessionStorage so
 * a page that redirects does not lose what went wrong on it.
 */
final class Reader implements AutoCloseable {
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

    final ChromeDriver driver;

    Reader() {
        driver = Browser.start();
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORDER));
    }

    /** Opens a URL and waits until the deferred scripts have run. */
    Reader open(String url) {
        driver.get(url);
        waitForScripts();
        return this;
    }

    void waitForScripts() {
        until(d -> Boolean.TRUE.equals(js("return document.readyState === 'complete' && !!(window.kb && window.kb.ui);")));
    }

    /** Pretends the screen is {@code width} CSS pixels wide (a phone below 600). */
    Reader width(int width) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", 800, "deviceScaleFactor", 1, "mobile", width < 600));
        return this;
    }

    /** Emulates the reader's colour-scheme preference. */
    Reader scheme(String lightOrDark) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", lightOrDark))));
        return this;
    }

    /** Types into whatever has focus, like a keyboard. */
    Reader keys(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
        return this;
    }

    <T> T until(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(15)).until(condition);
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    Object jsAsync(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    String activeId() {
        return (String) js("return document.activeElement && document.activeElement.id;");
    }

    /** Everything that went wrong since the last call, on every page opened in between. */
    List<String> problems() {
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

    @Override
    public void close() {
        driver.quit();
    }
}
