package kb.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kb.testing.FixtureSites;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-input suite, one fixture site per case under {@code src/test/resources/sites/}: each
 * case either renders correctly or fails with exactly the located errors below, exit status 1,
 * within {@link HostileBuild#LIMIT}, and never a stack trace (all checked by {@link HostileBuild}).
 */
class BadInputTest {
    @TempDir
    Path dir;

    private HostileBuild.Outcome build(String fixture) {
        return HostileBuild.build(FixtureSites.copy(fixture, dir.resolve("content")));
    }

    private void assertErrors(String fixture, String... expected) {
        HostileBuild.Outcome outcome = build(fixture);
        assertEquals(1, outcome.status(), outcome.err());
        assertEquals(List.of(expected), outcome.errors());
        assertFalse(Files.exists(outcome.site()), "a failed first build writes no site");
    }

    @Test
    void malformedYaml() {
        assertErrors("malformed-yaml", "articles/basics/broken.md:4:7: invalid YAML: while parsing a flow sequence: "
                + "expected ',' or ']', but got <stream end>");
    }

    @Test
    void frontMatterThatIsNotAMapping() {
        assertErrors("front-matter-not-a-mapping", "articles/basics/listy.md:2:1: article front matter must be a mapping "
                + "of keys to values, found a list (write one 'key: value' per line, like title: Reconnect LinkedIn)");
    }

    @Test
    void missingTitle() {
        assertErrors("missing-title", "articles/basics/untitled.md:2:1: missing required 'title' (add a line 'title: ...')");
    }

    @Test
    void wrongTypes() {
        assertErrors("wrong-types",
                "articles/basics/typed.md:2:5: 'id' must be a whole number, found 'two'",
                "articles/basics/typed.md:3:8: 'title' must be a text, found a list",
                "articles/basics/typed.md:4:8: 'draft' must be true or false, found 'sometimes'",
                "articles/basics/typed.md:5:9: 'weight' must be a whole number, found 'heavy'",
                "articles/basics/typed.md:6:10: 'updated' must be a date like 2026-01-31, found '31/12/2026'",
                "articles/basics/typed.md:7:7: 'tags' must be a list, found a mapping");
    }

    @Test
    void duplicateIds() {
        assertErrors("duplicate-ids", "articles/basics/second.md:2:5: duplicate id 1, also used by "
                + "articles/basics/first.md (give this article a number no other article uses)");
    }

    @Test
    void duplicateSlugs() {
        assertErrors("duplicate-slugs",
                "articles/basics/second.md:4:11: alias 'basics/first' is already taken by articles/basics/first.md",
                "articles/basics/second.md:4:25: alias 'basics' is already taken by the section basics/",
                "faq/general.md:1:1: FAQ file name 'general.md' gives the anchor 'general', as General.md does "
                        + "(rename it with lower-case letters, digits and hyphens)");
    }

    @Test
    void duplicateAliases() {
        assertErrors("duplicate-aliases",
                "articles/basics/third.md:4:11: alias 'basics/old-name' is already taken by articles/basics/second.md");
    }

    @Test
    void duplicateAnchors() {
        assertErrors("duplicate-anchors",
                "articles/basics/second.md:10:1: heading id 'step' is already used on this page",
                "faq/other.md:5:1: duplicate FAQ anchor 'tokens', also used at faq/general.md:5:1 "
                        + "(pin a different one: ## Do tokens expire? {#another-anchor})");
    }

    @Test
    void sectionsAndAliasesCannotTakeTheSitesOwnFolders() {
        assertErrors("reserved-section",
                "articles/basics/second.md:4:11: alias 'search' is inside the site's own search/ pages "
                        + "(aliases are old article paths, like section/old-slug)",
                "articles/basics/second.md:4:19: alias 'a/1' is inside the site's own a/ pages "
                        + "(aliases are old article paths, like section/old-slug)",
                "articles/faq:1:1: section folder name 'faq' is taken by the site's own faq/ pages "
                        + "(rename the folder; kb keeps .kb, _kb, a, api, assets, faq, lifespans, search, widget for itself)");
    }

    @Test
    void unknownNetwork() {
        assertErrors("unknown-network",
                "articles/basics/second.md:4:12: unknown network 'linkedn' (did you mean 'linkedin'?)",
                "articles/basics/second.md:4:21: unknown network 'myspace' (known: linkedin)",
                "articles/basics/second.md:7:7: unknown network 'linkdin' (did you mean 'linkedin'?)");
    }

    @Test
    void unknownDataField() {
        assertErrors("unknown-data-field",
                "data/networks.yaml:2:9: network 'linkedin' needs 'lifespan_days' or 'renews: never' / 'renews: on-use'",
                "data/networks.yaml:4:5: unknown key 'lifespan' in a network (did you mean 'lifespan_days'?)",
                "data/networks.yaml:5:5: unknown key 'colour' in a network (known: activity, article, id, inactivity_days, "
                        + "lifespan_days, name, notes, other_names, renews, role, role_for, verified)");
    }

    @Test
    void unknownSection() {
        assertErrors("unknown-section",
                "articles/basics/second.md:6:5: broken link '/billing/': no such page "
                        + "(site paths start at the site root, e.g. /faq/#question)",
                "articles/basics/second.md:6:30: broken link '../billing/invoices.md': no such page "
                        + "(link to an article's file relative to this one, e.g. ../section/slug.md)",
                "data/networks.yaml:5:14: article 'billing/linkedin.md' not found under content/articles/");
    }

    @Test
    void brokenLinksAndAnchors() {
        assertErrors("broken-links",
                "articles/basics/second.md:6:1: broken link '../basics/gone.md': no such page "
                        + "(link to an article's file relative to this one, e.g. ../section/slug.md)",
                "articles/basics/second.md:7:1: broken anchor in 'first.md#nowhere': the page has no '#nowhere'",
                "articles/basics/second.md:8:1: broken anchor '#nothing-here': no heading on this page has that id",
                "articles/basics/second.md:9:1: broken anchor in '/faq/#no-question': the page has no '#no-question'",
                "articles/basics/second.md:10:1: links with the 'ftp:' scheme are not allowed");
    }

    @Test
    void javascriptLinksAreBuildErrorsWhereverTheUrlIsWritten() {
        assertErrors("javascript-link",
                "articles/basics/second.md:6:1: links with the 'javascript:' scheme are not allowed",
                "articles/basics/second.md:10:1: links with the 'javascript:' scheme are not allowed",
                "articles/basics/second.md:12:1: links with the 'data:' scheme are not allowed");
    }

    @Test
    void anEmptyArticle() {
        assertErrors("empty-file", "articles/basics/empty.md:1:1: file is empty (start it with front matter: ---, title: ..., ---)");
    }

    @Test
    void emptySettingsFiles() {
        assertErrors("empty-settings",
                "kb.yaml:1:1: missing required 'base_url' (add a line 'base_url: ...')",
                "kb.yaml:1:1: missing required 'name' (add a line 'name: ...')");
    }

    @Test
    void aByteOrderMarkIsReadAsIfAbsent() {
        Document doc = build("byte-order-mark").assertBuilt().page("basics/second/index.html");
        assertEquals("Saved with a BOM", doc.selectFirst("h1").text());
        assertEquals("Body with a BOM.", doc.selectFirst(".article-body p").text());
        assertFalse(doc.html().contains("\uFEFF"));
    }

    @Test
    void rawHtmlIsShownAsTextByDefault() {
        Document doc = build("raw-html-escaped").assertBuilt().page("basics/second/index.html");
        assertTrue(doc.select(".article-body div.hand-made, .article-body kbd, .article-body script").isEmpty(),
                doc.selectFirst(".article-body").html());
        assertTrue(doc.selectFirst(".article-body").text().contains("<script>alert(1)</script>"));
    }

    @Test
    void rawHtmlPassesWhenKbYamlAllowsIt() {
        Document doc = build("raw-html-allowed").assertBuilt().page("basics/second/index.html");
        assertNotNull(doc.selectFirst(".article-body div.hand-made kbd"), doc.selectFirst(".article-body").html());
    }
}
