package kb.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import kb.content.Anchors;
import kb.content.Fields;
import kb.content.Located;
import kb.content.NearMiss;
import kb.content.SourceText;
import kb.content.YamlNode;
import kb.content.YamlReader;
import kb.diagnostic.KbException;
import kb.diagnostic.Problems;
import kb.diagnostic.SourceLocation;

/** Reads and validates {@code content/data/networks.yaml}; every mistake is a located problem. */
public final class NetworksReader {
    static final Set<String> KEYS = Set.of("id", "name", "other_names", "lifespan_days", "renews",
            "inactivity_days", "activity", "role", "role_for", "article", "notes", "verified");
    private static final List<String> RENEWS = List.of("never", "on-use");

    private NetworksReader() {
    }

    /** The networks of a one-language site, in file order; an absent file is an empty list (a site may have no data). */
    public static Networks read(Path file, Problems problems) {
        return read(file, List.of(), problems);
    }

    /**
     * The networks in file order; an absent file is an empty list (a site may have no data).
     *
     * @param languages the site's language codes, the default first (empty or one: a one-language
     *     site): {@code activity}, {@code role} and {@code notes} may then map each code to a text
     */
    public static Networks read(Path file, List<String> languages, Problems problems) {
        if (!Files.isRegularFile(file)) {
            return new Networks(List.of());
        }
        YamlNode root;
        try {
            root = YamlReader.read(file, SourceText.read(file).text(), 1);
        } catch (KbException e) {
            problems.addAll(e.problems());
            return new Networks(List.of());
        }
        Fields top = new Fields(root, "networks.yaml", Set.of("networks"), problems);
        YamlNode list = top.node("networks").orElse(null);
        if (!(list instanceof YamlNode.Sequence seq)) {
            problems.error(list == null ? root.at() : list.at(), "networks.yaml must hold 'networks:' with a list of networks");
            return new Networks(List.of());
        }
        List<Network> out = new ArrayList<>();
        Map<String, SourceLocation> seen = new HashMap<>();
        Map<String, String> owners = new HashMap<>();
        for (YamlNode item : seq.items()) {
            Entry entry = network(item, languages, problems);
            if (entry == null) {
                continue;
            }
            Network n = entry.network();
            SourceLocation before = seen.putIfAbsent(n.id(), entry.idAt());
            if (before != null) {
                problems.error(entry.idAt(), "duplicate network id '" + n.id() + "', first defined at line " + before.line(),
                        "give each network its own id");
            } else if (uniqueNames(entry, owners, problems)) {
                out.add(n);
            }
        }
        return new Networks(out);
    }

    /** A network as read, with where its id and names were written. */
    private record Entry(Network network, SourceLocation idAt, List<Located<String>> names) { }

    /**
     * A name or other name may stand for one network only: the table filter, the search records
     * and the fact-drift check all turn a name a reader or writer typed into one network.
     */
    private static boolean uniqueNames(Entry entry, Map<String, String> owners, Problems problems) {
        boolean ok = true;
        String id = entry.network().id();
        for (Located<String> name : entry.names()) {
            String owner = owners.putIfAbsent(name.value().toLowerCase(Locale.ROOT), id);
            if (owner != null && !owner.equals(id)) {
                problems.error(name.at(), "the name '" + name.value() + "' already stands for the network '" + owner + "'",
                        "a name may belong to one network only");
                ok = false;
            }
        }
        return ok;
    }

    private static Entry network(YamlNode node, List<String> languages, Problems problems) {
        Problems own = new Problems();
        Fields f = new Fields(node, "a network", KEYS, own);
        Translations texts = new Translations(f, languages, own);
        String id = f.requiredText("id");
        if (!id.isEmpty() && !Anchors.isValid(id)) {
            own.error(f.at("id"), "network id '" + id + "' must be lower-case letters, digits and hyphens");
        }
        String name = f.requiredText("name");
        Integer days = f.positive("lifespan_days").orElse(null);
        Renewal renewal = Renewal.FIXED;
        if (f.has("renews")) {
            String text = f.text("renews").orElse("");
            renewal = Renewal.parse(text);
            if (renewal == null) {
                own.error(f.at("renews"), "'renews' must be 'never' or 'on-use', found '" + text + "'",
                        NearMiss.hint(text, RENEWS));
            } else if (f.has("lifespan_days")) {
                own.error(f.at("renews"), "set either 'lifespan_days' or 'renews', not both",
                        "'renews' is for tokens without a fixed lifespan");
            }
        } else if (days == null && !f.has("lifespan_days")) {
            own.error(f.at("id"), "network '" + id + "' needs 'lifespan_days' or 'renews: never' / 'renews: on-use'");
        }
        Integer inactivity = f.positive("inactivity_days").orElse(null);
        String activity = texts.text("activity");
        if (inactivity != null && activity.isEmpty()) {
            own.error(f.at("inactivity_days"), "'inactivity_days' needs 'activity': what keeps the token alive");
        }
        Role role = role(f, texts.text("role"), own);
        Located<String> article = f.text("article").map(a -> new Located<>(a, f.at("article"))).orElse(null);
        List<Located<String>> otherNames = f.texts("other_names");
        Network network = new Network(id, name, otherNames.stream().map(Located::value).toList(),
                renewal, days, inactivity, activity,
                role, article, texts.text("notes"),
                f.date("verified").orElse(null), node.at(), texts.translated(id, problems));
        problems.addAll(own.all());
        if (own.hasErrors()) {
            return null;
        }
        List<Located<String>> names = new ArrayList<>();
        names.add(new Located<>(name, f.at("name")));
        names.addAll(otherNames);
        return new Entry(network, f.at("id"), names);
    }

    /** {@code role} with its {@code role_for}: a role alone would not say what it is needed for. */
    private static Role role(Fields f, String name, Problems problems) {
        String scope = f.text("role_for").orElse("");
        if (name.isEmpty()) {
            if (!scope.isEmpty()) {
                problems.error(f.at("role_for"), "'role_for' without a 'role'", "name the role: role: Super admin");
            }
            return null;
        }
        if (scope.isEmpty()) {
            problems.error(f.at("role"), "'role' needs 'role_for': what the role is needed for",
                    "add role_for: page if the role is needed to connect a business Page");
            return null;
        }
        Role.Scope parsed = Role.Scope.parse(scope);
        if (parsed == null) {
            problems.error(f.at("role_for"), "'role_for' must be one of " + Role.Scope.spellings() + ", found '" + scope + "'",
                    NearMiss.hint(scope, Role.Scope.spellings()));
            return null;
        }
        return new Role(name, parsed);
    }
}
