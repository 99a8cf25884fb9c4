package nl.dockerles.engine.actions;

import nl.dockerles.DockerlesException;
import nl.dockerles.Messages;
import nl.dockerles.daemon.Docker;
import nl.dockerles.daemon.ContainerSetup;
import nl.dockerles.daemon.Mount;
import nl.dockerles.testing.FakeDocker;
import nl.dockerles.testing.FakeTime;
import nl.dockerles.testing.Inspected;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** volume-of names a container's anonymous volume; volume-rm removes that one and checks it is gone. */
class VolumeActionsTest {
    private static final String NAME = "ecfcad293f824be19035abfb9718c0017943c2ae11bf64560fc072a2e715e50b";
    private static final List<Mount> MOUNTS = List.of(new Mount("bind", null, "/host"),
            new Mount("volume", NAME, "/data"));
    private final ActionTesting testing = new ActionTesting();

    @Test
    void volumeOfPrintsTheNameAsTheTemplateDoesAndKeepsIt() {
        FakeDocker docker = volumes(MOUNTS);

        String output = new VolumeOfAction().run(testing.context(docker), Map.of("container", "schrijver"));

        assertThat(output).isEqualTo(NAME + "\n");
        assertThat(testing.facts.asMap()).containsEntry("volume", NAME).containsEntry("schrijver.volume", NAME)
                .containsEntry("volume.short", NAME.substring(0, 12)).containsEntry("volume.destination", "/data");
    }

    @Test
    void aContainerWithoutVolumeSaysSo() {
        FakeDocker docker = volumes(List.of(new Mount("bind", null, "/host")));
        assertThatThrownBy(() -> new VolumeOfAction().run(testing.context(docker), Map.of("container", "x")))
                .isInstanceOfSatisfying(DockerlesException.class, e -> assertThat(Messages.dutch().of(e))
                        .isEqualTo("Container x heeft geen volume, dus er valt niets op te ruimen."));
    }

    @Test
    void volumeRmRemovesOnlyThatVolumeAndCountsWhatIsLeft() {
        FakeDocker docker = volumes(MOUNTS, "eigen-volume-van-de-gebruiker");

        String output = new VolumeRmAction().run(testing.context(docker), Map.of("volume", NAME));

        assertThat(output).isEqualTo(NAME + "\n");
        assertThat(docker.calls()).containsExactly("volume rm " + NAME);
        assertThat(testing.facts.asMap()).containsEntry("volume.removed", NAME)
                .containsEntry("volumes.dangling", "1");
    }

    @Test
    void volumeRmRefusesAnUnfilledPlaceholder() {
        assertThatThrownBy(() -> new VolumeRmAction().run(testing.context(volumes(MOUNTS)),
                Map.of("volume", "{volume}"))).isInstanceOf(DockerlesException.class);
    }

    @Test
    void theShellEquivalentsUseTheShellVariableVolume() {
        assertThat(new VolumeOfAction().shell(Map.of("container", "schrijver"))).isEqualTo(
                "volume=$(docker inspect -f '{{range .Mounts}}{{.Name}}{{end}}' schrijver); echo \"$volume\"");
        assertThat(new VolumeRmAction().shell(Map.of("volume", "{volume}"))).isEqualTo("docker volume rm \"$volume\"");
    }

    /** A stopped container with these mounts, on a daemon with these dangling volumes. */
    private static FakeDocker volumes(List<Mount> mounts, String... dangling) {
        FakeDocker fake = new FakeDocker(new FakeTime());
        fake.onInspectContainer = name -> Optional.of(Inspected.container(name).id("abc").exited(0).started(null)
                .setup(new ContainerSetup(null, null, "", false, false, 0, "", "", 0, mounts)).build());
        fake.onListVolumes = (danglingOnly, labels) -> java.util.Arrays.stream(dangling)
                .map(name -> new Docker.VolumeRow(name, "local", Map.of())).toList();
        return fake;
    }
}
