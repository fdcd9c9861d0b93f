package kb.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import kb.diagnostic.Problem;
import kb.diagnostic.Problems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every mistake in networks.yaml is an error at the line and column the writer typed it. */
class NetworksReaderTest {
    @TempDir
    Path dir;

    private Networks read(String yaml, Problems problems) throws IOException {
        Path file = dir.resolve("networks.yaml");
        Files.writeString(file, yaml);
        return NetworksReader.read(file, problems);
    }

    /** The errors as a writer sees them, with the temp folder cut off: {@code networks.yaml:4:5: ...}. */
    private List<String> errors(String yaml) throws IOException {
        Problems problems = new Problems();
        read(yaml, problems);
        String prefix = dir.resolve("networks.yaml").toString();
        return problems.all().stream().filter(Problem::isError)
                .map(p -> p.toString().replace(prefix, "networks.yaml")).toList();
    }

    @Test
    void readsEveryFieldOfAValidFile() throws IOException {
        Problems problems = new Problems();
        Networks networks = read("""
                networks:
                  - id: linkedin
                    name: LinkedIn
                    other_names: [LI]
                    lifespan_days: 365
                    inactivity_days: 60
                    activity: publishing or loading the Inbox
                    role: Super admin
                    role_for: page
                    article: linkedin/token-expiration.md
                    notes: Pages disconnect with the profile.
                    verified: 2026-11-01
                  - id: twitter
                    name: Twitter
                    other_names: X
                    renews: never
                  - id: youtube
                    name: YouTube
                    renews: on-use
                """, problems);
        assertEquals(List.of(), problems.all());
        assertEquals(List.of("linkedin", "twitter", "youtube"), networks.ids());
        Network li = networks.byId("linkedin").orElseThrow();
        assertEquals("365 days", li.lifespanText(EnglishDataWords.WORDS));
        assertEquals(60, li.inactivityDays());
        assertEquals(new Role("Super admin", Role.Scope.PAGE), li.role());
        assertEquals("linkedin/token-expiration.md", li.article().value());
        assertEquals(10, li.article().at().line());
        assertEquals(LocalDate.of(2026, 11, 1), li.verified());
        assertEquals(List.of("X"), networks.byId("twitter").orElseThrow().otherNames());
        assertEquals("no expiration date", networks.byId("twitter").orElseThrow().lifespanText(EnglishDataWords.WORDS));
        assertNull(networks.byId("twitter").orElseThrow().role(), "no role stated");
        assertNull(networks.byId("twitter").orElseThrow().inactivityDays(), "no inactivity rule stated");
        assertEquals(Renewal.ON_USE, networks.byId("youtube").orElseThrow().renewal());
    }

    @Test
    void aRoleSaysWhatItIsNeededFor() throws IOException {
        assertEquals(List.of(
                "networks.yaml:5:11: 'role' needs 'role_for': what the role is needed for"
                        + " (add role_for: page if the role is needed to connect a business Page)",
                "networks.yaml:10:15: 'role_for' must be one of [page], found 'pgae' (did you mean 'page'?)",
                "networks.yaml:14:15: 'role_for' without a 'role' (name the role: role: Super admin)"),
                errors("""
                        networks:
                          - id: linkedin
                            name: LinkedIn
                            lifespan_days: 365
                            role: Super admin
                          - id: facebook
                            name: Facebook
                            lifespan_days: 60
                            role: Admin or Editor
                            role_for: pgae
                          - id: gmb
                            name: Google My Business
                            lifespan_days: 365
                            role_for: page
                        """));
    }

    @Test
    void anAbsentFileIsNoNetworks() {
        Problems problems = new Problems();
        assertEquals(List.of(), NetworksReader.read(dir.resolve("none.yaml"), problems).all());
        assertEquals(List.of(), problems.all());
    }

    @Test
    void unknownKeyPointsAtTheKeyWithAHint() throws IOException {
        assertEquals(List.of("networks.yaml:2:9: network 'facebook' needs 'lifespan_days' or 'renews: never' / 'renews: on-use'",
                        "networks.yaml:4:5: unknown key 'lifespan_dayz' in a network (did you mean 'lifespan_days'?)"),
                errors("""
                        networks:
                          - id: facebook
                            name: Facebook
                            lifespan_dayz: 60
                        """));
    }

    @Test
    void unknownTopLevelKeyIsAnError() throws IOException {
        assertEquals(List.of("networks.yaml:1:1: networks.yaml must hold 'networks:' with a list of networks",
                        "networks.yaml:1:1: unknown key 'network' in networks.yaml (did you mean 'networks'?)"),
                errors("""
                        network:
                          - id: facebook
                        """));
    }

    @Test
    void wrongTypesPointAtTheValue() throws IOException {
        assertEquals(List.of(
                "networks.yaml:4:20: 'lifespan_days' must be a whole number, found 'sixty'",
                "networks.yaml:5:18: 'other_names' must be a list, found a mapping",
                "networks.yaml:6:15: 'verified' must be a date like 2026-01-31, found 'last week'",
                "networks.yaml:9:7: 'name' must be a text, found a list",
                "networks.yaml:10:20: 'lifespan_days' must be a whole number, found '60.5'"),
                errors("""
                        networks:
                          - id: facebook
                            name: Facebook
                            lifespan_days: sixty
                            other_names: {fb: yes}
                            verified: last week
                          - id: gmb
                            name:
                              - Google
                            lifespan_days: 60.5
                        """));
    }

    @Test
    void zeroAndNegativeDaysAreErrors() throws IOException {
        assertEquals(List.of(
                "networks.yaml:4:20: 'lifespan_days' must be greater than zero, found 0",
                "networks.yaml:8:22: 'inactivity_days' must be greater than zero, found -60"),
                errors("""
                        networks:
                          - id: facebook
                            name: Facebook
                            lifespan_days: 0
                          - id: linkedin
                            name: LinkedIn
                            lifespan_days: 365
                            inactivity_days: -60
                            activity: publishing
                        """));
    }

    @Test
    void duplicateIdPointsAtTheSecondIdAndNamesTheFirst() throws IOException {
        assertEquals(List.of("networks.yaml:5:9: duplicate network id 'facebook', first defined at line 2 (give each network its own id)"),
                errors("""
                        networks:
                          - id: facebook
                            name: Facebook
                            lifespan_days: 60
                          - id: facebook
                            name: Facebook again
                            lifespan_days: 90
                        """));
    }

    @Test
    void renewsAndLifespanTogetherIsAnError() throws IOException {
        assertEquals(List.of("networks.yaml:5:13: set either 'lifespan_days' or 'renews', not both"
                        + " ('renews' is for tokens without a fixed lifespan)"),
                errors("""
                        networks:
                          - id: twitter
                            name: Twitter
                            lifespan_days: 60
                            renews: never
                        """));
    }

    @Test
    void unknownRenewalGetsAHint() throws IOException {
        assertEquals(List.of("networks.yaml:4:13: 'renews' must be 'never' or 'on-use', found 'on use' (did you mean 'on-use'?)"),
                errors("""
                        networks:
                          - id: youtube
                            name: YouTube
                            renews: on use
                        """));
    }

    @Test
    void inactivityNeedsWhatCountsAsActivity() throws IOException {
        assertEquals(List.of("networks.yaml:5:22: 'inactivity_days' needs 'activity': what keeps the token alive"),
                errors("""
                        networks:
                          - id: linkedin
                            name: LinkedIn
                            lifespan_days: 365
                            inactivity_days: 60
                        """));
    }

    @Test
    void aNameMayStandForOneNetworkOnly() throws IOException {
        assertEquals(List.of("networks.yaml:8:19: the name 'fb' already stands for the network 'facebook'"
                        + " (a name may belong to one network only)"),
                errors("""
                        networks:
                          - id: facebook
                            name: Facebook
                            other_names: [FB]
                            lifespan_days: 60
                          - id: instagram
                            name: Instagram
                            other_names: [fb]
                            lifespan_days: 60
                        """));
    }

    @Test
    void badIdAndMissingNameAreErrors() throws IOException {
        assertEquals(List.of(
                "networks.yaml:2:5: missing required 'name' (add a line 'name: ...')",
                "networks.yaml:2:9: network id 'Face Book' must be lower-case letters, digits and hyphens"),
                errors("""
                        networks:
                          - id: Face Book
                            lifespan_days: 60
                        """));
    }

    @Test
    void everyErrorIsCollectedNotOnlyTheFirst() throws IOException {
        assertTrue(errors("""
                networks:
                  - id: a
                    name: A
                    lifespan_days: -1
                  - id: b
                    name: B
                    lifespan_days: nope
                  - id: c
                    name: C
                    colour: blue
                    renews: never
                """).size() >= 3);
    }
}
