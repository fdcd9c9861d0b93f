package kb.faq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kb.diagnostic.KbException;
import kb.diagnostic.Problem;
import kb.testing.TestSites;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The FAQ page: stable anchors, rich results that match what readers see, and located errors. */
class FaqTest {
    @TempDir
    Path temp;

    private static final String ARTICLE = "---\nid: 1\ntitle: Intro\nfaq: [reconnect]\n---\n\nText.\n";

    private Path content(String faq) throws Exception {
        Path content = TestSites.minimal(temp.resolve("content"), Map.of("intro.md", ARTICLE));
        TestSites.write(content, Map.of("faq/general.md", faq));
        return content;
    }

    private static final String FAQ = """
            ---
            title: General
            order: 1
            ---

            ## Why did my "Page" disconnect after <2 days>?

            Because the token ended. Tokens **expire**; see the list:

            - one
            - two

            ## How do I reconnect? {#reconnect}

            Open *Settings* and choose Reconnect — it takes a minute. Ça marche.
            """;

    private Document build(Path content, String name) throws Exception {
        Path site = temp.resolve(name);
        TestSites.build(content, site);
        return Jsoup.parse(site.resolve("faq/index.html").toFile());
    }

    @Test
    void jsonLdQuestionsAndAnswersEqualTheVisibleOnes() throws Exception {
        Document page = build(content(FAQ), "site");
        JsonNode ld = null;
        for (Element script : page.select("script[type=application/ld+json]")) {
            JsonNode node = new ObjectMapper().readTree(script.data());
            if (node.path("@type").asText().equals("FAQPage")) {
                ld = node;
            }
            assertTrue(!script.data().contains("</"), "no text can close the script element");
        }
        assertTrue(ld != null, "FAQPage JSON-LD present");
        List<String> visibleQuestions = page.select("details.faq-item summary .faq-q").eachText();
        List<String> visibleAnswers = new ArrayList<>();
        for (Element item : page.select("details.faq-item")) {
            Element answer = item.selectFirst(".faq-answer").clone();
            answer.select(".faq-links, .kb-feedback").remove();
            visibleAnswers.add(answer.text());
        }
        List<String> ldQuestions = new ArrayList<>();
        List<String> ldAnswers = new ArrayList<>();
        ld.get("mainEntity").forEach(q -> {
            ldQuestions.add(q.get("name").asText());
            ldAnswers.add(q.get("acceptedAnswer").get("text").asText());
        });
        assertEquals(visibleQuestions, ldQuestions);
        assertEquals(visibleAnswers, ldAnswers);
        assertEquals("Why did my \"Page\" disconnect after <2 days>?", ldQuestions.get(0));
    }

    @Test
    void anchorsStayTheSameAcrossBuildsAndWhenAQuestionIsAddedAbove() throws Exception {
        Path content = content(FAQ);
        List<String> first = build(content, "one").select("details.faq-item").eachAttr("id");
        List<String> again = build(content, "two").select("details.faq-item").eachAttr("id");
        assertEquals(first, again);
        TestSites.write(content, Map.of("faq/general.md", FAQ.replace("---\n\n## Why",
                "---\n\n## A brand new first question?\n\nYes.\n\n## Why")));
        List<String> after = build(content, "three").select("details.faq-item").eachAttr("id");
        assertEquals(first, after.subList(1, after.size()));
        assertEquals("reconnect", first.get(1), "a pinned id is kept");
    }

    @Test
    void articlesListTheirQuestionsAndQuestionsLinkBackToTheArticles() throws Exception {
        Path content = content(FAQ);
        Path site = temp.resolve("site");
        TestSites.build(content, site);
        Document article = Jsoup.parse(site.resolve("basics/intro/index.html").toFile());
        assertEquals(List.of("How do I reconnect?"), article.select("aside.related-faq a").eachText());
        Document faq = Jsoup.parse(site.resolve("faq/index.html").toFile());
        assertEquals(List.of("Intro"), faq.getElementById("reconnect").select(".faq-links a:not(.kb-anchor)").eachText());
    }

    @Test
    void duplicateAnchorEmptyAnswerAndStrayTextAreLocatedErrors() throws Exception {
        Path content = content("""
                ---
                title: Broken
                ---
                Some text before any question.

                ## First? {#same}

                Answer.

                ## Second? {#same}

                Answer two.

                ## Empty?

                """);
        KbException e = assertThrows(KbException.class, () -> TestSites.build(content, temp.resolve("site")));
        List<String> errors = e.problems().stream().filter(Problem::isError)
                .filter(p -> p.where().file().endsWith("general.md"))
                .map(p -> p.where().line() + ": " + p.message()).toList();
        assertEquals(3, errors.size(), errors.toString());
        assertTrue(errors.stream().anyMatch(m -> m.startsWith("4: ") && m.contains("outside any question")), errors.toString());
        assertTrue(errors.stream().anyMatch(m -> m.startsWith("10: ") && m.contains("duplicate FAQ anchor 'same'")), errors.toString());
        assertTrue(errors.stream().anyMatch(m -> m.startsWith("14: ") && m.contains("empty answer")), errors.toString());
    }
}
