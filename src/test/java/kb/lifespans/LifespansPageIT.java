package kb.lifespans;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kb.testing.BrowserTest;
import kb.testing.Reader;
import kb.testing.ShippedSite;
import kb.testing.SiteServer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The lifespans page of the shipped content, as a reader uses it: a plain complete table without
 * JavaScript; with it, sorting, filtering by any name, and the expiry calculator with its
 * calendar reminder, opened straight from disk. "Today" is pinned in the browser (2026-06-15 at
 * noon, or a given instant) so the expected dates never depend on when the test runs.
 */
@BrowserTest
class LifespansPageIT {
    private static Path site;
    private static SiteServer server;
    /** A fresh tab for each test: each pins its own clock and time zone. */
    private ChromeDriver driver;

    @BeforeAll
    static void shipped(ShippedSite shipped) {
        site = shipped.site();
        server = shipped.server();
    }

    @BeforeEach
    void tab(Reader tab) {
        driver = tab.driver;
    }

    private static String fileUrl() {
        return site.resolve("lifespans/index.html").toUri().toString();
    }

    /** Opens the page with the browser's clock at local {@code now} ("2026-06-15T12:00") in {@code zone}. */
    private ChromeDriver open(String url, String zone, String now) {
        if (zone != null) {
            driver.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", zone));
        }
        String[] p = now.split("[-T:]");
        String fake = """
                (() => {
                  const Real = Date;
                  const fixed = new Real(%s, %s - 1, %s, %s, %s).getTime();
                  class Pinned extends Real {
                    constructor(...args) { if (args.length === 0) { super(fixed); } else { super(...args); } }
                    static now() { return fixed; }
                  }
                  window.Date = Pinned;
                  window.__csp = [];
                  document.addEventListener('securitypolicyviolation',
                      e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
                })();
                """.formatted(p[0], p[1], p[2], p[3], p[4]);
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", fake));
        driver.get(url);
        return driver;
    }

    private ChromeDriver open() {
        return open(fileUrl(), null, "2026-06-15T12:00");
    }

    private void choose(String network, String connected) {
        new Select(driver.findElement(By.id("calc-network"))).selectByValue(network);
        driver.executeScript("const input = document.getElementById('calc-connected');"
                + "input.value = arguments[0]; input.dispatchEvent(new Event('change', {bubbles: true}));", connected);
    }

    private List<WebElement> cards() {
        return driver.findElements(By.cssSelector("#calc-result .calc-card"));
    }

    private List<String> visibleRows() {
        return driver.findElements(By.cssSelector("#lifespan-table tbody tr")).stream()
                .filter(WebElement::isDisplayed).map(r -> r.getAttribute("id")).toList();
    }

    // ---------- without JavaScript: the page as built ----------

    @Test
    void withoutJavaScriptTheTableIsPlainAndComplete() throws IOException {
        Document page = Jsoup.parse(site.resolve("lifespans/index.html").toFile(), "UTF-8");
        Element table = page.selectFirst("table#lifespan-table");
        assertNotNull(table);
        assertFalse(table.select("caption").text().isBlank(), "the table has a caption");
        assertEquals(6, table.select("thead th[scope=col]").size());
        List<String> ids = table.select("tbody tr").stream().map(Element::id).toList();
        assertEquals(List.of("facebook", "instagram", "linkedin", "twitter", "gmb", "youtube"), ids);
        Element linkedin = table.selectFirst("tr#linkedin");
        assertEquals("LinkedIn", linkedin.selectFirst("th[scope=row] a").text());
        assertEquals("../linkedin/token-expiration/", linkedin.selectFirst("th[scope=row] a").attr("href"));
        assertEquals("365 days", linkedin.select("td").get(0).text());
        assertTrue(linkedin.select("td").get(1).text().startsWith("60 days without activity"));
        assertEquals("Super admin", linkedin.select("td").get(2).text());
        assertEquals("Role to connect a Page", table.select("thead th").get(3).text(),
                "the role is needed to connect a Page, not the profile");
        assertEquals("Not stated", table.selectFirst("tr#facebook").select("td").get(1).text(),
                "the source is silent on Facebook inactivity: the table does not claim there is no rule");
        assertEquals("#linkedin", linkedin.selectFirst("a.row-link").attr("href"));
        assertEquals("no expiration date", table.selectFirst("tr#twitter").select("td").get(0).text());
        assertTrue(page.selectFirst(".table-filter").hasAttr("hidden"), "no dead filter box without JavaScript");
        assertTrue(page.selectFirst(".calc-form").hasAttr("hidden"), "no dead calculator without JavaScript");
        assertFalse(page.selectFirst("#calculator .noscript-note").text().isBlank());
        assertTrue(page.select("script[src$=kb-lifespans.js]").hasAttr("defer"));
        assertTrue(page.select("script:not([src]):not([type=application/json]):not([type=application/ld+json])").isEmpty(),
                "no inline script (CSP)");
        assertTrue(page.select("main [onclick], main [onchange], main [oninput], main [style]").isEmpty(), "no inline handlers or styles (CSP)");
        assertTrue(Files.isRegularFile(site.resolve("lifespans").resolve(page.selectFirst("a[href$=.csv]").attr("href"))));
    }

    // ---------- the calculator ----------

    @Test
    void linkedInConnectedOn10January2026ExpiresOn10January2027WithItsInactivityRule() {
        open();
        choose("linkedin", "2026-01-10");
        List<WebElement> cards = cards();
        assertEquals(1, cards.size());
        WebElement card = cards.get(0);
        WebElement expiry = card.findElement(By.cssSelector(".calc-expiry time"));
        assertEquals("2027-01-10", expiry.getAttribute("datetime"));
        assertTrue(expiry.getText().contains("2027") && expiry.getText().contains("10"), expiry.getText());
        assertEquals("209", card.findElement(By.className("calc-left")).getAttribute("data-days-left"));
        assertEquals("209 days left.", card.findElement(By.className("calc-left")).getText());
        String inactivity = card.findElement(By.className("calc-inactivity")).getText();
        assertTrue(inactivity.contains("60 days without activity"), inactivity);
        assertTrue(inactivity.contains("engaging with the LinkedIn stream, publishing, or loading the Inbox inside Lofty"),
                "the activity text comes from networks.yaml: " + inactivity);
    }

    @Test
    void theReminderIsAnRfc5545AllDayEventAWeekBeforeTheExpiry() {
        open();
        choose("linkedin", "2026-01-10");
        WebElement link = driver.findElement(By.cssSelector("#calc-result a.calc-reminder-link"));
        assertEquals("Add a reminder to my calendar", link.getText());
        assertTrue(link.getAttribute("download").endsWith(".ics"));
        Calendar ics = Calendar.parseDataUrl(link.getAttribute("href"));
        assertEquals("20270103", ics.event().get("DTSTART;VALUE=DATE"));
        assertEquals("20270104", ics.event().get("DTEND;VALUE=DATE"), "an all-day event ends the next day");
        assertTrue(Calendar.text(ics.event().get("SUMMARY")).contains("LinkedIn"));
        String description = Calendar.text(ics.event().get("DESCRIPTION"));
        assertTrue(description.contains("60 days without activity"), description);
        assertTrue(description.contains("https://help.example.com/lifespans/#linkedin"), description);
        assertTrue(ics.event().get("UID").contains("@help.example.com"));
    }

    @Test
    void anExpiredTokenSaysHowLongAgoAndOffersNoReminder() {
        open();
        choose("facebook", "2026-01-10");
        WebElement card = cards().get(0);
        assertEquals("2026-03-11", card.findElement(By.cssSelector(".calc-expiry time")).getAttribute("datetime"));
        assertEquals("Expired 96 days ago: reconnect the account now.", card.findElement(By.className("calc-left")).getText());
        assertTrue(card.findElements(By.cssSelector("a.calc-reminder-link")).isEmpty());
    }

    @Test
    void lessThanAWeekLeftRemindsToday() {
        open();
        choose("facebook", "2026-04-20");
        WebElement card = cards().get(0);
        assertEquals("2026-06-19", card.findElement(By.cssSelector(".calc-expiry time")).getAttribute("datetime"));
        assertEquals("4 days left.", card.findElement(By.className("calc-left")).getText());
        Calendar ics = Calendar.parseDataUrl(card.findElement(By.cssSelector("a.calc-reminder-link")).getAttribute("href"));
        assertEquals("20260615", ics.event().get("DTSTART;VALUE=DATE"));
    }

    @Test
    void networksWithoutAnExpiryDateSaySoPlainly() {
        open();
        choose("twitter", "2026-01-10");
        WebElement twitter = cards().get(0);
        assertEquals("Twitter has no expiry date.", twitter.findElement(By.className("calc-expiry")).getText());
        assertEquals("Tokens carry no expiration date, so re-authentication should not be needed.",
                twitter.findElement(By.className("calc-note")).getText());
        assertTrue(twitter.findElements(By.tagName("time")).isEmpty());
        assertTrue(twitter.findElements(By.cssSelector("a.calc-reminder-link")).isEmpty());
        choose("youtube", "2026-01-10");
        assertEquals("YouTube has no expiry date: the token refreshes each time it is used.",
                cards().get(0).findElement(By.className("calc-expiry")).getText());
    }

    @Test
    void allNetworksListsEveryNetworkAndStartsAtToday() {
        open();
        assertEquals("2026-06-15", driver.findElement(By.id("calc-connected")).getAttribute("value"), "the date defaults to today");
        assertEquals("", new Select(driver.findElement(By.id("calc-network"))).getFirstSelectedOption().getAttribute("value"));
        List<String> shown = cards().stream().map(c -> c.getAttribute("data-network")).toList();
        assertEquals(List.of("facebook", "instagram", "linkedin", "twitter", "gmb", "youtube"), shown);
        assertEquals("2026-08-14", cards().get(0).findElement(By.cssSelector(".calc-expiry time")).getAttribute("datetime"));
        assertEquals(4, driver.findElements(By.cssSelector("#calc-result a.calc-reminder-link")).size());
        assertTrue(driver.findElement(By.cssSelector(".calc-form")).isDisplayed());
        assertFalse(driver.findElement(By.cssSelector("#calculator .noscript-note")).isDisplayed());
    }

    @Test
    void datesAreCalendarDatesAcrossDaylightSavingTime() {
        // New York moves its clocks on 8 March 2026; 60 days from 1 March is 30 April either way.
        open(fileUrl(), "America/New_York", "2026-03-07T23:30");
        choose("facebook", "2026-03-01");
        WebElement card = cards().get(0);
        assertEquals("2026-04-30", card.findElement(By.cssSelector(".calc-expiry time")).getAttribute("datetime"));
        assertEquals("54", card.findElement(By.className("calc-left")).getAttribute("data-days-left"));
    }

    @Test
    void todayIsTheReadersOwnDate() {
        // 08:00 on 15 June in Auckland is still 14 June in UTC.
        open(fileUrl(), "Pacific/Auckland", "2026-06-15T08:00");
        assertEquals("2026-06-15", driver.findElement(By.id("calc-connected")).getAttribute("value"));
        choose("facebook", "2026-06-15");
        assertEquals("60", cards().get(0).findElement(By.className("calc-left")).getAttribute("data-days-left"));
    }

    @Test
    void aLinkCanOpenTheCalculatorFilledIn() {
        open(fileUrl() + "?network=linkedin&connected=2026-01-10#calculator", null, "2026-06-15T12:00");
        assertEquals("linkedin", new Select(driver.findElement(By.id("calc-network"))).getFirstSelectedOption().getAttribute("value"));
        assertEquals("2027-01-10", cards().get(0).findElement(By.cssSelector(".calc-expiry time")).getAttribute("datetime"));
    }

    // ---------- sorting and filtering ----------

    @Test
    void headersSortByClickAndKeyboard() {
        open();
        WebElement lifespan = driver.findElement(By.xpath("//table[@id='lifespan-table']//th[@data-sort][2]"));
        WebElement button = lifespan.findElement(By.tagName("button"));
        assertEquals("Token lifespan", button.getText().trim());
        button.click();
        assertEquals("ascending", lifespan.getAttribute("aria-sort"));
        assertEquals(List.of("facebook", "instagram", "linkedin", "gmb", "youtube", "twitter"), visibleRows());
        button.sendKeys(Keys.ENTER);
        assertEquals("descending", lifespan.getAttribute("aria-sort"));
        assertEquals(List.of("twitter", "youtube", "linkedin", "gmb", "facebook", "instagram"), visibleRows());

        WebElement network = driver.findElement(By.xpath("//table[@id='lifespan-table']//th[@data-sort][1]"));
        network.findElement(By.tagName("button")).sendKeys(Keys.SPACE);
        assertEquals("ascending", network.getAttribute("aria-sort"));
        assertEquals(null, lifespan.getAttribute("aria-sort"), "only one column is sorted at a time");
        assertEquals(List.of("facebook", "gmb", "instagram", "linkedin", "twitter", "youtube"), visibleRows());

        WebElement inactivity = driver.findElement(By.xpath("//table[@id='lifespan-table']//th[@data-sort][3]"));
        inactivity.findElement(By.tagName("button")).click();
        inactivity.findElement(By.tagName("button")).click();
        assertEquals("descending", inactivity.getAttribute("aria-sort"));
        assertEquals("linkedin", visibleRows().get(0), "networks without a rule stay last in both directions");
    }

    @Test
    void typingAnyNameOfANetworkFiltersTheTable() {
        open();
        WebElement filter = driver.findElement(By.id("network-filter"));
        assertTrue(filter.isDisplayed());
        Map<String, List<String>> expected = Map.of(
                "X", List.of("twitter"),
                "GMB", List.of("gmb"),
                "Google Business Profile", List.of("gmb"),
                "insta", List.of("instagram"),
                "business", List.of("instagram", "gmb"),
                "linked in", List.of("linkedin"),
                "fb, yt", List.of("facebook", "youtube"));
        for (Map.Entry<String, List<String>> e : expected.entrySet()) {
            filter.clear();
            filter.sendKeys(e.getKey());
            assertEquals(e.getValue(), visibleRows(), "filter '" + e.getKey() + "'");
        }
        filter.clear();
        filter.sendKeys("business");
        assertEquals("Showing 2 of 6 networks.", driver.findElement(By.id("network-filter-status")).getText());
        filter.clear();
        filter.sendKeys("myspace");
        assertEquals(List.of(), visibleRows());
        WebElement empty = driver.findElement(By.className("filter-empty"));
        assertTrue(empty.isDisplayed());
        assertTrue(empty.getText().contains("myspace"));
        filter.sendKeys(Keys.ESCAPE);
        assertEquals(6, visibleRows().size());
        assertFalse(empty.isDisplayed());
    }

    @Test
    void filterTextIsShownAsTextNeverAsMarkup() {
        open();
        WebElement filter = driver.findElement(By.id("network-filter"));
        filter.sendKeys("<img src=x onerror=alert(1)>");
        assertTrue(driver.findElements(By.cssSelector(".filter-empty img")).isEmpty());
        assertTrue(driver.findElement(By.className("filter-empty")).getText().contains("<img src=x"));
    }

    // ---------- served under a strict Content-Security-Policy ----------

    @Test
    void worksUnderContentSecurityPolicyDefaultSrcSelf() {
        open(server.url("lifespans/"), null, "2026-06-15T12:00");
        choose("linkedin", "2026-01-10");
        assertEquals("2027-01-10", cards().get(0).findElement(By.cssSelector(".calc-expiry time")).getAttribute("datetime"));
        Object violations = driver.executeScript("return window.__csp;");
        assertEquals(List.of(), violations, "no Content-Security-Policy violation");
    }
}
