package kb.check;

import java.nio.file.Path;
import java.util.List;
import kb.diagnostic.Problems;
import kb.markdown.LinkRef;
import kb.output.LinkTarget;
import kb.output.SiteLinks;

/** Fails the build on any link that does not resolve: pages, anchors, schemes. */
public final class LinkCheck {
    private final SiteLinks links;
    private final PublishedTargets targets;

    public LinkCheck(SiteLinks links, PublishedTargets targets) {
        this.links = links;
        this.targets = targets;
    }

    /** Checks the links of one page, whose own URL is {@code pageUrl}. */
    public void check(Path source, String pageUrl, List<LinkRef> refs, Problems problems) {
        for (LinkRef ref : refs) {
            LinkTarget target = links.resolve(source, ref.href());
            switch (target.kind()) {
                case INVALID -> problems.error(ref.at(), target.error());
                case EXTERNAL -> { }
                case SAME_PAGE -> {
                    if (!target.anchor().isEmpty() && !targets.hasAnchor(pageUrl, target.anchor())) {
                        problems.error(ref.at(), "broken anchor '#" + target.anchor() + "': no heading on this page has that id");
                    }
                }
                case PAGE -> {
                    if (!targets.hasPage(target.url())) {
                        problems.error(ref.at(), "broken link '" + ref.href() + "': no such page",
                                pageHint(ref.href()));
                    } else if (target.anchor() != null && !target.anchor().isEmpty()
                            && !targets.hasAnchor(target.url(), target.anchor())) {
                        problems.error(ref.at(), "broken anchor in '" + ref.href() + "': the page has no '#"
                                + target.anchor() + "'");
                    }
                }
            }
        }
    }

    private static String pageHint(String href) {
        return href.endsWith(".md") || href.contains(".md#")
                ? "link to an article's file relative to this one, e.g. ../section/slug.md"
                : "site paths start at the site root, e.g. /faq/#question";
    }
}
