package nl.dockerles.it;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code dockerles cleanup} against the real daemon, as the built jar. Other tests run on this daemon at the same
 * time, so this one works only within a prefix of its own, and checks that a labelled thing of another prefix and
 * an unlabelled container survive.
 */
class CleanupIT {
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private final DockerClient docker = DaemonState.client();
    private final String prefix = "it-" + ProcessHandle.current().pid() + "-";
    private final String otherPrefix = "it-" + ProcessHandle.current().pid() + "x-";

    private Map<String, String> labels(String withPrefix) {
        return Map.of("nl.dockerles.managed", "true", "nl.dockerles.section", "cleanup-it",
                "nl.dockerles.run", "0c1ea0c1", "nl.dockerles.prefix", withPrefix);
    }

    @Test
    void removesWhatCarriesTheLabelsOfItsPrefixAndNothingElse() throws Exception {
        List<String> containers = new ArrayList<>();
        String image = prefix + "img:1";
        String volume = prefix + "vol";
        String network = prefix + "net";
        try {
            String ours = docker.createContainerCmd("busybox:latest").withName(prefix + "demo")
                    .withCmd("sleep", "300").withLabels(labels(prefix)).exec().getId();
            containers.add(ours);
            docker.startContainerCmd(ours).exec();
            docker.commitCmd(ours).withRepository(prefix + "img").withTag("1").withLabels(labels(prefix)).exec();
            docker.createVolumeCmd().withName(volume).withLabels(labels(prefix)).exec();
            docker.createNetworkCmd().withName(network).withLabels(labels(prefix)).exec();
            String foreign = docker.createContainerCmd("busybox:latest").withName(prefix + "eigen")
                    .withCmd("sleep", "300").withLabels(Map.of("eigenaar", "student")).exec().getId();
            containers.add(foreign);
            String other = docker.createContainerCmd("busybox:latest").withName(otherPrefix + "demo")
                    .withCmd("sleep", "300").withLabels(labels(otherPrefix)).exec().getId();
            containers.add(other);
            assertThat(docker.inspectImageCmd(image).exec().getConfig().getLabels())
                    .containsEntry("nl.dockerles.managed", "true");

            DockerlesJar.Result dry = DockerlesJar.run(LIMIT, Map.of(), "cleanup", "--prefix", prefix, "--dry-run");

            assertThat(dry.exitCode()).as(dry.out() + dry.err()).isZero();
            assertThat(dry.out()).contains("Dit zou dockerles cleanup verwijderen")
                    .contains("voorvoegsel " + prefix)
                    .containsPattern("container +" + prefix + "demo ")
                    .containsPattern("image +" + image)
                    .containsPattern("volume +" + volume)
                    .containsPattern("netwerk +" + network)
                    .contains("Niets verwijderd (--dry-run): 4 dingen gevonden. Echt verwijderen: dockerles cleanup --prefix " + prefix)
                    .doesNotContain(prefix + "eigen").doesNotContain(otherPrefix);
            assertThat(docker.inspectContainerCmd(ours).exec().getState().getRunning()).isTrue();
            assertThat(docker.inspectImageCmd(image).exec()).isNotNull();
            assertThat(docker.inspectVolumeCmd(volume).exec()).isNotNull();
            assertThat(docker.inspectNetworkCmd().withNetworkId(network).exec()).isNotNull();

            DockerlesJar.Result cleaned = DockerlesJar.run(LIMIT, Map.of(), "cleanup", "--prefix", prefix);

            assertThat(cleaned.exitCode()).as(cleaned.out() + cleaned.err()).isZero();
            assertThat(cleaned.out()).contains("Verwijderd (alles met het label nl.dockerles.managed=true en voorvoegsel "
                            + prefix + "):")
                    .contains(prefix + "demo").contains(image).contains(volume).contains(network)
                    .contains("Samen: 1 container, 1 image, 1 volume, 1 netwerk.")
                    .contains("is niet aangeraakt");
            assertThatThrownBy(() -> docker.inspectContainerCmd(ours).exec()).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> docker.inspectImageCmd(image).exec()).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> docker.inspectVolumeCmd(volume).exec()).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> docker.inspectNetworkCmd().withNetworkId(network).exec())
                    .isInstanceOf(NotFoundException.class);
            assertThat(docker.inspectContainerCmd(foreign).exec().getName()).isEqualTo("/" + prefix + "eigen");
            assertThat(docker.inspectContainerCmd(other).exec().getName()).isEqualTo("/" + otherPrefix + "demo");

            DockerlesJar.Result again = DockerlesJar.run(LIMIT, Map.of(), "cleanup", "--prefix", prefix);
            assertThat(again.exitCode()).isZero();
            assertThat(again.out()).contains("Niets op te ruimen");
        } finally {
            for (String id : containers) {
                quietly(() -> docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec());
            }
            quietly(() -> docker.removeImageCmd(image).exec());
            quietly(() -> docker.removeVolumeCmd(volume).exec());
            quietly(() -> docker.removeNetworkCmd(network).exec());
        }
    }

    @Test
    void aDemoThatStillRunsInAnotherWindowIsLeftAloneWithHowToStopIt() throws Exception {
        String live = "it" + ProcessHandle.current().pid() + "live";
        Map<String, String> ofThatDemo = Map.of("nl.dockerles.prefix", live + "-");
        try (PresenterWindow window = PresenterWindow.start("cleanup", 120, "demo ports --prefix " + live)) {
            window.next("stap 1/5");
            window.awaitScreen("stap 2/5", Duration.ofSeconds(60));
            long pid = window.pid();
            assertThat(docker.listContainersCmd().withLabelFilter(ofThatDemo).exec())
                    .singleElement().satisfies(c -> assertThat(c.getState()).isEqualTo("running"));

            DockerlesJar.Result dry = DockerlesJar.run(LIMIT, Map.of(), "cleanup", "--prefix", live, "--dry-run");
            DockerlesJar.Result cleaned = DockerlesJar.run(LIMIT, Map.of(), "cleanup", "--prefix", live);

            assertThat(dry.exitCode()).as(dry.out() + dry.err()).isZero();
            assertThat(dry.out()).doesNotContain("Dit zou dockerles cleanup verwijderen")
                    .contains("draait nog (sectie ports, proces " + pid + " op ");
            assertThat(cleaned.exitCode()).as(cleaned.out() + cleaned.err()).isZero();
            assertThat(cleaned.out())
                    .contains("Laat ik staan, want de demo die dit maakte draait nog (sectie ports, proces " + pid + " op ")
                    .containsPattern("container +" + live + "-web ")
                    .contains("q of Ctrl-C in zijn eigen venster, of kill " + pid + ".")
                    .doesNotContain("Verwijderd (");
            assertThat(docker.listContainersCmd().withLabelFilter(ofThatDemo).exec())
                    .singleElement().satisfies(c -> assertThat(c.getState()).isEqualTo("running"));

            window.press("q");
            window.awaitExit(Duration.ofSeconds(30));
            assertThat(window.exitCode()).isZero();
            assertThat(window.terminalRestored()).isTrue();
        }
        assertThat(docker.listContainersCmd().withShowAll(true).withLabelFilter(ofThatDemo).exec()).isEmpty();
        DockerlesJar.Result after = DockerlesJar.run(LIMIT, Map.of(), "cleanup", "--prefix", live);
        assertThat(after.out()).contains("Niets op te ruimen");
    }

    private static void quietly(Runnable removal) {
        try {
            removal.run();
        } catch (NotFoundException gone) {
            // Already removed: by dockerles, as it should be.
        }
    }
}
