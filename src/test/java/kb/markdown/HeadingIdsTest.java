package kb.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import kb.diagnostic.Problems;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Heading ids: from the text, stable, unique on the page, pinnable, with old ids kept as targets. */
class HeadingIdsTest {
    private static final Path FILE = Path.of("content/articles/basics/a.md");
    private final Problems problems = new Problems();

    private RenderedMarkdown render(String markdown) {
        return new MarkdownRenderer(false, kb.markdown.EnglishLabels.LABELS).render(FILE, 5, markdown, Links.AS_WRITTEN, Facts.NONE, problems);
    }

    private static List<String> ids(RenderedMarkdown page) {
        return Jsoup.parseBodyFragment(page.html()).select("h1, h2, h3, h4, h5, h6").eachAttr("id");
    }

    @Test
    void idsComeFromTheHeadingText() {
        RenderedMarkdown page = render("## Why LinkedIn *disconnects*\n\n### Step 1: open `Settings`\n");
        assertEquals(List.of("why-linkedin-disconnects", "step-1-open-settings"), ids(page));
        assertEquals("Why LinkedIn disconnects", page.headings().get(0).text());
        assertEquals(5, page.headings().get(0).line(), "headings know their line in the file");
    }

    @Test
    void idsAreStableAcrossRenders() {
        String md = "## Reconnect\n\n## Reconnect\n\n## Tokens\n";
        assertEquals(ids(render(md)), ids(render(md)));
    }

    @Test
    void repeatedHeadingsGetNumberedIds() {
        assertEquals(List.of("reconnect", "reconnect-2", "reconnect-3"),
                ids(render("## Reconnect\n\n## Reconnect\n\n### Reconnect\n")));
    }

    @Test
    void aGeneratedIdNeverTakesAPinnedOne() {
        assertEquals(List.of("reconnect", "reconnect-2"), ids(render("## Reconnect {#reconnect}\n\n## Reconnect\n")));
    }

    @Test
    void aPinnedIdIsUsedAndNotShown() {
        RenderedMarkdown page = render("## Reconnect your Page {#reconnect}\n");
        Element h2 = Jsoup.parseBodyFragment(page.html()).selectFirst("h2");
        assertEquals("reconnect", h2.id());
        assertEquals("Reconnect your Page", h2.ownText().strip());
        assertTrue(problems.all().isEmpty(), problems.all().toString());
    }

    @Test
    void aliasesBecomeExtraLinkTargets() {
        RenderedMarkdown page = render("## Reconnect {#reconnect #step-2 #old-anchor}\n");
        Document doc = Jsoup.parseBodyFragment(page.html());
        assertEquals("reconnect", doc.selectFirst("h2").id());
        assertEquals(List.of("step-2", "old-anchor"), doc.select("h2 .kb-alias").eachAttr("id"));
        assertEquals(List.of("step-2", "old-anchor"), page.headings().get(0).aliases());
    }

    @Test
    void aPinnedIdUsedTwiceIsAnErrorAtTheSecondHeading() {
        render("Intro.\n\n## One {#same}\n\n## Two {#same}\n");
        assertEquals(List.of("content/articles/basics/a.md:9:1: heading id 'same' is already used on this page"),
                problems.all().stream().map(Object::toString).toList());
    }

    @Test
    void anAliasClashingWithAnotherIdIsAnError() {
        render("## Tokens\n\n## Reconnect {#reconnect #tokens}\n");
        assertEquals(List.of("content/articles/basics/a.md:7:1: heading alias 'tokens' is already used on this page"),
                problems.all().stream().map(Object::toString).toList());
    }

    @Test
    void accentsAreDroppedAndHeadingsWithoutLatinTextStillGetAnId() {
        assertEquals(List.of("reconnecter-votre-page", "section", "section-2"),
                ids(render("## Reconnecter votre page\n\n## 日本語\n\n## 🔒\n")));
    }

    @Test
    void headingsAtTheFourLevelsBelowTheTitleGetIdsButOnlyH2AndH3GetACopyLink() {
        Document doc = Jsoup.parseBodyFragment(render("## Two\n\n### Three\n\n#### Four\n").html());
        assertEquals(List.of("#two", "#three"), doc.select("a.kb-anchor").eachAttr("href"));
        assertEquals("four", doc.selectFirst("h4").id());
    }
}
