package nl.dockerles.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.command.InspectImageResponse;
import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.daemon.ContainerInfo;
import nl.dockerles.daemon.Docker;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** commit, diff, history, inspect as JSON, list and remove images, against the real daemon. */
class ImagesIT extends RealDaemonIT {

    @Test
    void aCommittedChangeIsInTheNewImage() {
        String id = made.runDetached(made.busybox(List.of("sleep", "300")));
        assertThat(docker.exec(id, List.of("touch", "/foo"), null, Duration.ofSeconds(10)).exitCode()).isZero();

        assertThat(docker.diff(id)).contains(new Docker.Change('A', "/foo"));

        String repository = "dockerles-it-commit-" + made.runId;
        long before = Instant.now().getEpochSecond();
        String image = docker.commit(id, repository, "v1", "foo erbij", List.of("ENV KLEUR=blauw"),
                made.labels());
        made.image(repository + ":v1");
        assertThat(image).startsWith("sha256:");

        InspectImageResponse inspected = docker.dockerClient().inspectImageCmd(repository + ":v1").exec();
        assertThat(inspected.getId()).isEqualTo(image);
        assertThat(inspected.getConfig().getLabels()).containsAllEntriesOf(made.labels());
        assertThat(inspected.getConfig().getEnv()).contains("KLEUR=blauw");
        // The container's own config goes along, as with docker commit: its command too.
        assertThat(inspected.getConfig().getCmd()).containsExactly("sleep", "300");

        List<Docker.HistoryEntry> history = docker.history(repository + ":v1");
        assertThat(history.get(0).id()).isEqualTo(image);
        // Docker keeps the commit's message as the layer's comment; Podman 4.3 writes "FROM <image>" there.
        if (!ItSupport.podman(docker.dockerClient())) {
            assertThat(history.get(0).comment()).isEqualTo("foo erbij");
        }
        assertThat(history.get(0).createdEpochSeconds()).isGreaterThanOrEqualTo(before - 1);
        // Below the commit: busybox itself.
        assertThat(history).hasSizeGreaterThan(1);
        assertThat(history.get(1).id()).isEqualTo(docker.history("busybox:latest").get(0).id());

        String check = made.runDetached(made.image(repository + ":v1", List.of("ls", "/foo")));
        assertThat(docker.waitForExit(check, Duration.ofSeconds(10))).contains(0);
        assertThat(docker.logs(check, null)).isEqualTo("/foo\n");

        assertThat(docker.listImages(made.runLabel())).singleElement().satisfies(row -> {
            assertThat(row.id()).isEqualTo(image);
            assertThat(row.tags()).containsExactly(repository + ":v1");
            assertThat(row.size()).isPositive();
            assertThat(row.labels()).containsAllEntriesOf(made.labels());
        });
        assertThat(docker.listImages(Map.of("nl.dockerles.it", "iemand-anders"))).isEmpty();
    }

    @Test
    void aBadChangeIsACommitFailureWithTheDaemonsWords() {
        String id = made.runDetached(made.busybox(List.of("sleep", "300")));
        Throwable thrown = catchThrowable(() -> docker.commit(id, "dockerles-it-fout-" + made.runId, null, null,
                List.of("RUN echo mag niet"), made.labels()));
        assertThat(thrown).isInstanceOfSatisfying(DockerlesException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.DOCKER_ERROR);
            assertThat(e.key()).isEqualTo("error.commit.failed");
            assertThat(e.args()[0]).isEqualTo(id);
            assertThat((String) e.args()[1]).containsIgnoringCase("run").doesNotStartWith("{");
        });
    }

    @Test
    void committingAContainerThatIsNotThere() {
        Throwable thrown = catchThrowable(() -> docker.commit("dockerles-bestaat-niet-" + made.runId, null, null,
                null, List.of(), Map.of()));
        assertThat(thrown).isInstanceOfSatisfying(DockerlesException.class,
                e -> assertThat(e.key()).isEqualTo("error.container.missing"));
    }

    @Test
    void diffKnowsChangedAddedAndDeleted() {
        String id = made.runDetached(made.busybox(List.of("sleep", "300")));
        docker.exec(id, List.of("sh", "-c", "rm /bin/vi && touch /etc/hosts.nieuw && echo x >> /etc/profile"), null,
                Duration.ofSeconds(10));
        List<Docker.Change> changes = docker.diff(id);
        assertThat(changes).contains(new Docker.Change('D', "/bin/vi"), new Docker.Change('A', "/etc/hosts.nieuw"),
                new Docker.Change('C', "/etc"));
    }

    @Test
    void inspectJsonIsTheDaemonsOwnJson() throws Exception {
        String id = made.runDetached(made.busybox(List.of("sleep", "300")));
        ContainerInfo info = docker.inspectContainer(id).orElseThrow();

        String json = docker.inspectJson(id.substring(0, 12)).orElseThrow();
        JsonNode tree = new ObjectMapper().readTree(json);
        assertThat(tree.path("Id").asText()).isEqualTo(id);
        assertThat(tree.path("State").path("Pid").asInt()).isEqualTo(info.pid()).isPositive();
        assertThat(tree.path("Config").path("Hostname").asText()).isEqualTo(info.hostname());
        assertThat(tree.path("Config").path("Labels").path(ItSupport.TEST_LABEL).asText()).isEqualTo("true");
        assertThat(json).contains("\"State\":{").doesNotEndWith("\n");

        String image = docker.inspectJson("busybox:latest").orElseThrow();
        assertThat(new ObjectMapper().readTree(image).path("RepoTags").toString()).contains("busybox:latest");

        assertThat(docker.inspectJson("dockerles-bestaat-niet-" + made.runId)).isEmpty();
        assertThat(docker.inspectJson("nl-dockerles-test/ontbreekt:1")).isEmpty();
        assertThat(docker.inspectJson("rare naam met spaties")).isEmpty();
    }

    @Test
    void historyOfAnUnknownImage() {
        Throwable thrown = catchThrowable(() -> docker.history("nl-dockerles-test/ontbreekt:1"));
        assertThat(thrown).isInstanceOfSatisfying(DockerlesException.class,
                e -> assertThat(e.key()).isEqualTo("error.image.unknown"));
    }

    @Test
    void removingAnImageInUseSaysSoAndAMissingOneIsFine() {
        String id = made.runDetached(made.busybox(List.of("sleep", "300")));
        String repository = "dockerles-it-inuse-" + made.runId;
        String image = docker.commit(id, repository, "v1", null, List.of(), made.labels());
        made.image(repository + ":v1");
        made.runDetached(made.image(repository + ":v1", List.of("sleep", "300")));

        Throwable thrown = catchThrowable(() -> docker.removeImage(image));
        assertThat(thrown).isInstanceOfSatisfying(DockerlesException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.DOCKER_ERROR);
            assertThat(e.key()).isEqualTo("error.image.inuse");
        });
        assertThat(docker.imageExists(image)).isTrue();

        docker.removeImage("nl-dockerles-test/ontbreekt:1");
    }
}
