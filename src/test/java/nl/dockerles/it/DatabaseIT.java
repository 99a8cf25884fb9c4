package nl.dockerles.it;

import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.model.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code dockerles demo database} against the real daemon and the local postgres image: test data committed into
 * an image comes back in every fresh container, a change in one is gone in the next, and the VOLUME trap is shown.
 */
class DatabaseIT {
    static final Pattern UNFILLED = Pattern.compile("(?<!\\{)\\{[a-zA-Z][a-zA-Z0-9_.-]*}(?!})");
    private static final Duration LIMIT = Duration.ofSeconds(180);
    private static final String ADA = "  1 | Ada Lovelace";
    private static final String GRACE = "  2 | Grace Hopper";

    @AfterEach
    void nothingLeftBehind() {
        assertThat(DaemonState.managedContainers("database")).as("containers labelled by dockerles").isEmpty();
        assertThat(DaemonState.managedImages("database")).as("images labelled by dockerles").isEmpty();
        assertThat(DaemonState.managedVolumes("database")).as("volumes labelled by dockerles").isEmpty();
        assertThat(DaemonState.client().listImagesCmd().withReferenceFilter("testdb").exec())
                .as("the committed images testdb:*").isEmpty();
    }

    @Test
    void committedTestDataComesBackInEveryFreshContainerAndTheVolumeTrapIsShown() throws Exception {
        Set<String> danglingBefore = dangling();
        Instant start = Instant.now();
        DockerlesJar.Result result = DockerlesJar.run(LIMIT, Map.of(), "demo", "database");
        Instant end = Instant.now();
        String out = result.out();

        assertThat(result.exitCode()).as(result.err() + out).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(out).doesNotContainPattern(UNFILLED).doesNotContain("\u001B[");

        // Waiting: pg_isready over TCP said yes before the first query.
        assertThat(step(out, 2)).contains("$ until docker exec db pg_isready -h 127.0.0.1 -U postgres")
                .contains("127.0.0.1:5432 - accepting connections");
        assertThat(step(out, 3)).contains("CREATE TABLE").contains("INSERT 0 2");

        // The trap: committed with the data in the image's VOLUME, the fresh container has no table at all.
        assertThat(step(out, 4)).contains("$ docker commit db testdb:valkuil").containsPattern("sha256:[0-9a-f]{64}");
        assertThat(flat(step(out, 7))).contains("Did not find any relations.")
                .contains("er is geen enkele tabel, ook klanten niet").doesNotContain("Ada");
        assertThat(step(out, 8)).contains("{\"/var/lib/postgresql/data\":{}}");

        // The fix: PGDATA outside the volume; the same known rows in two fresh containers from testdb:v1.
        assertThat(step(out, 9)).contains("-e PGDATA=/pgdata postgres:15");
        assertThat(flat(step(out, 12))).contains("met exitcode 0");
        assertThat(step(out, 16)).contains("$ docker exec test1 psql").contains(ADA).contains(GRACE)
                .contains("(2 rows)");
        assertThat(step(out, 17)).contains("DELETE 1").contains(GRACE).contains("(1 row)").doesNotContain(ADA);
        assertThat(step(out, 20)).contains("$ docker exec test2 psql").contains(ADA).contains(GRACE)
                .contains("(2 rows)");
        assertThat(flat(step(out, 20))).contains("Weer 2 klanten, Ada is terug.");

        // The daemon saw it that way: test1 and test2 are two containers from the committed image.
        List<Event> events = DaemonState.events("database", start, end);
        Map<String, String> createdFrom = events.stream().filter(e -> "create".equals(e.getAction()))
                .collect(Collectors.toMap(DatabaseIT::name, e -> dockerName(e.getActor().getAttributes().get("image")),
                        (a, b) -> a));
        assertThat(createdFrom).containsEntry("db", "postgres:15").containsEntry("vers", "testdb:valkuil")
                .containsEntry("bron", "postgres:15").containsEntry("test1", "testdb:v1")
                .containsEntry("test2", "testdb:v1");
        assertThat(events).filteredOn(e -> "commit".equals(e.getAction())).extracting(DatabaseIT::name)
                .containsExactly("db", "bron");
        // The removal: Docker says destroy, Podman remove.
        assertThat(events).filteredOn(e -> "destroy".equals(e.getAction()) || "remove".equals(e.getAction()))
                .extracting(DatabaseIT::name)
                .containsExactlyInAnyOrder("db", "vers", "bron", "test1", "test2");

        // Each postgres container had an anonymous volume; none of them is left dangling.
        Set<String> leftOver = new HashSet<>(dangling());
        leftOver.removeAll(danglingBefore);
        assertThat(leftOver).as("anonymous volumes of the demo's containers").isEmpty();
        assertThat(flat(out)).contains("Opgeruimd wat deze demo maakte:").contains("testdb:v1")
                .contains("testdb:valkuil");
    }

    private static Set<String> dangling() {
        List<InspectVolumeResponse> volumes = DaemonState.client().listVolumesCmd()
                .withDanglingFilter(true).exec().getVolumes();
        return volumes == null ? Set.of() : volumes.stream().map(InspectVolumeResponse::getName)
                .collect(Collectors.toSet());
    }

    /** An image as the docker CLI names it: Podman's events say "docker.io/library/postgres:latest". */
    static String dockerName(String image) {
        String name = image == null ? null : image.replaceFirst("^docker\\.io/library/", "");
        return name != null && !image.equals(name) ? name.replaceFirst(":latest$", "") : name;
    }

    static String name(Event event) {
        return event.getActor().getAttributes().get("name");
    }

    /** The text of step {@code n}: from its heading to the next heading. */
    static String step(String out, int n) {
        Matcher m = Pattern.compile("(?s)── \\S+ " + n + "/\\d+ .*?(?=\\n── |\\z)").matcher(out);
        assertThat(m.find()).as("step " + n + " in:\n" + out).isTrue();
        return m.group();
    }

    /** Text as one line: the console wraps notes at 80 columns. */
    static String flat(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ");
    }

    static String group(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(regex + " in:\n" + text).isTrue();
        return m.group(1);
    }
}
