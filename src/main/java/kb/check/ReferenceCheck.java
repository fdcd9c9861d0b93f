package kb.check;

import java.nio.file.Files;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import kb.content.Article;
import kb.content.Content;
import kb.content.Located;
import kb.content.NearMiss;
import kb.data.Network;
import kb.data.Networks;
import kb.diagnostic.Problems;
import kb.diagnostic.SourceLocation;

/**
 * Checks the references between content files: networks named by articles, related ids, FAQ
 * anchors, featured ids, each network's article; and warns about stale reviews and data.
 */
public final class ReferenceCheck {
    private ReferenceCheck() {
    }

    public static void check(Content content, Networks networks, LocalDate today, Problems problems) {
        Map<Integer, Article> ids = content.articles().collect(Collectors.toMap(Article::id, Function.identity(), (a, b) -> a));
        Set<String> anchors = content.questions().flatMap(q -> java.util.stream.Stream.concat(
                java.util.stream.Stream.of(q.anchor()), q.aliases().stream())).collect(Collectors.toSet());
        content.articles().forEach(a -> {
            for (Located<String> n : a.networks()) {
                if (networks.byId(n.value()).isEmpty()) {
                    problems.error(n.at(), "unknown network '" + n.value() + "'", NearMiss.hint(n.value(), networks.ids()));
                }
            }
            for (Located<Integer> r : a.related()) {
                if (!ids.containsKey(r.value())) {
                    problems.error(r.at(), "related article id " + r.value() + " does not exist");
                } else if (r.value() == a.id()) {
                    problems.error(r.at(), "an article cannot be related to itself");
                }
            }
            for (Located<String> q : a.faq()) {
                if (!anchors.contains(q.value())) {
                    problems.error(q.at(), "no FAQ question has the anchor '" + q.value() + "'",
                            NearMiss.hint(q.value(), anchors));
                }
            }
            if (content.config() != null && a.reviewed() != null
                    && a.reviewed().plusDays(content.config().reviewAfterDays()).isBefore(today)) {
                problems.warning(new SourceLocation(a.source(), 1, 1), "not reviewed since " + a.reviewed()
                        + " (more than " + content.config().reviewAfterDays() + " days)");
            }
        });
        if (content.config() != null) {
            for (Integer id : content.config().featured()) {
                if (!ids.containsKey(id)) {
                    problems.error(SourceLocation.of(content.root().resolve("kb.yaml")), "featured article id " + id + " does not exist");
                }
            }
        }
        for (Network n : networks.all()) {
            if (n.article() != null) {
                String path = n.article().value();
                if (path.contains("..") || path.startsWith("/") || path.contains("\\") || path.contains(":")
                        || !Files.isRegularFile(content.root().resolve("articles").resolve(path))) {
                    problems.error(n.article().at(), "article '" + path + "' not found under content/articles/");
                }
            }
            if (content.config() != null && n.verified() != null
                    && n.verified().plusDays(content.config().verifyAfterDays()).isBefore(today)) {
                problems.warning(n.at(), n.name() + "'s facts were last verified on " + n.verified()
                        + " (more than " + content.config().verifyAfterDays() + " days ago)");
            }
        }
    }
}
