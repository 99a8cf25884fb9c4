package nl.dockerles.content;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the narration teaches must be right, and sayable to a room (issue 14): the corrections stay corrected, a
 * note is short enough to say after a step, the notes a student never saw are not referred to, and counts and
 * titles read as a person writes them.
 */
class TeachingTest {
    private static final int MOST_WORDS_AFTER_A_STEP = 70;
    private final Catalog catalog = new Catalog();

    /** Every text of every built section, with where it is. */
    private List<String[]> texts() {
        List<String[]> all = new ArrayList<>();
        for (SectionEntry entry : catalog.entries()) {
            if (!catalog.isBuilt(entry.id())) {
                continue;
            }
            Section section = catalog.section(entry.id());
            for (String language : List.of("nl", "en")) {
                all.add(new String[] {entry.id() + " intro " + language, section.intro().in(language)});
                all.add(new String[] {entry.id() + " outro " + language, section.outro().in(language)});
                for (int i = 0; i < section.steps().size(); i++) {
                    Step step = section.steps().get(i);
                    all.add(new String[] {entry.id() + " step " + (i + 1) + " explain " + language,
                            step.explain().in(language)});
                    all.add(new String[] {entry.id() + " step " + (i + 1) + " note " + language,
                            step.note().in(language)});
                }
            }
        }
        return all;
    }

    private String section(String id, String language) {
        Section section = catalog.section(id);
        StringBuilder all = new StringBuilder(section.intro().in(language)).append('\n');
        section.steps().forEach(s -> all.append(s.explain().in(language)).append('\n')
                .append(s.note().in(language)).append('\n'));
        return all.append(section.outro().in(language)).toString().replaceAll("\\s+", " ");
    }

    @Test
    void aNoteOrAnExplanationCanBeSaidAfterAStep() {
        for (String[] text : texts()) {
            if (text[0].contains(" step ")) {
                assertThat(text[1].split("\\s+")).as(text[0] + ": too long to say aloud after a step")
                        .hasSizeLessThanOrEqualTo(MOST_WORDS_AFTER_A_STEP);
            }
        }
    }

    @Test
    void theRoomNeverSawTheAuthorsNotes() {
        for (String[] text : texts()) {
            assertThat(text[1]).as(text[0]).doesNotContainIgnoringCase("aantekeningen")
                    .doesNotContainIgnoringCase("workshopnotities").doesNotContain("known image")
                    .doesNotContain("Carina").doesNotContainIgnoringCase("the notes")
                    .doesNotContainIgnoringCase("workshop notes");
        }
    }

    @Test
    void countsAsAPersonWritesThemAndNoCalques() {
        for (String[] text : texts()) {
            assertThat(text[1]).as(text[0]).doesNotContainPattern("\\w\\(s\\)").doesNotContain("bungel")
                    .doesNotContain("zo een").doesNotContain("SCHEMA DOCKER").doesNotContain("netwerkkaarten")
                    .doesNotContain("vanzelf gedwongen").doesNotContain("noemen die eenmalig")
                    .doesNotContain("blijft overal anders af").doesNotContain("Het leeft zo lang");
        }
    }

    @Test
    void titlesAreInOneLanguage() {
        for (SectionEntry entry : catalog.entries()) {
            if (catalog.isBuilt(entry.id())) {
                assertThat(entry.heading()).as(entry.id() + " heading").isNotNull();
                assertThat(entry.heading().has("nl") && entry.heading().has("en")).as(entry.id()).isTrue();
                assertThat(entry.part("en")).as(entry.id()).doesNotContain("Wat ").doesNotContain("Hoe ")
                        .doesNotContain("Dingen");
                assertThat(entry.part("nl")).as(entry.id()).doesNotContain("single").doesNotContain("filesystem")
                        .doesNotContain("clean database").doesNotContain("process management");
            }
        }
    }

    /** Why docker stop waits: two reasons, and --init helps a sleep, not an interactive shell (measured). */
    @Test
    void stopWaitsForTwoReasonsAndInitHelpsASleepNotAShell() {
        String lifecycle = section("lifecycle", "nl");
        assertThat(lifecycle).contains("sh is PID 1", "een interactieve shell negeert SIGTERM sowieso")
                .doesNotContain("stopt de container meteen");
        assertThat(catalog.section("lifecycle").steps()).extracting(Step::command)
                .contains("docker run -d --name zonderinit busybox sleep 300",
                        "docker run -d --init --name metinit busybox sleep 300", "docker stop metinit");
        assertThat(section("isolation", "nl")).doesNotContain("Een shell als PID 1 negeert");
    }

    @Test
    void whatDependsOnTheDaemonComesFromTheDaemon() {
        assertThat(section("snapshots", "nl")).contains("{daemon.storage}").doesNotContain("tegenwoordig is overlay2");
        assertThat(section("ports", "nl")).contains("{daemon.loopback}", "[::]:8080", "-P");
        assertThat(section("layers", "nl")).contains("{build.builder}", "BuildKit", "CACHED", "<missing>");
        assertThat(section("restart", "nl")).contains("{restart.pattern}").doesNotContain("na 90 seconden")
                .doesNotContain("negeerde die als PID 1");
    }

    @Test
    void theOtherCorrections() {
        assertThat(section("volumes", "nl")).contains("sinds Docker 23", "-a", "docker compose")
                .contains("https://docs.docker.com/compose/");
        assertThat(section("remote", "nl")).contains("1.44", "stuurt alles door naar de socket")
                .doesNotContain("zet dockerles de daemon");
        assertThat(section("isolation", "nl")).contains("userns-remap of rootless", "capabilities",
                "ook op Linux");
        assertThat(section("database", "nl")).contains("docker inspect testdb:valkuil", "postgres 18",
                "FROM postgres:15", "postgres:15");
        assertThat(section("snapshots", "nl")).doesNotContain("naamloze container");
        assertThat(section("layers", "nl")).contains("https://hub.docker.com/_/eclipse-temurin")
                .doesNotContain("hub.docker.com/_/java");
        assertThat(section("lifecycle", "nl")).contains("Docker met een hoofdletter");
        assertThat(section("restart", "nl")).contains("--tail 5", "Achter --tail hoort een getal");
        assertThat(section("ports", "nl")).contains("docker run -it -p 8080:8080 image, niet docker run -p -it");
        assertThat(section("remote", "nl")).contains("https://kubernetes.io/docs/tutorials/hello-minikube/");
    }
}
