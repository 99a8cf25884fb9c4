package nl.dockerles.ops;

import nl.dockerles.engine.RunIdentity;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ManagedObjectsTest {
    private final OpsFakeDocker docker = new OpsFakeDocker();
    private final Map<String, String> ours = new RunIdentity("snapshots", "1a2b3c4d").labels();
    private final Map<String, String> jans = new RunIdentity("snapshots", "5e6f7a8b", "jan-").labels();

    private void daemonWithOursJansAndForeignThings() {
        docker.addForeignContainer("firstbusybox", ours);
        docker.addForeignContainer("jan-firstbusybox", jans);
        docker.addForeignContainer("mijn-eigen", Map.of("eigenaar", "student"));
        docker.addLabelledImage("sha256:aaaa1111aaaa1111", "metfoo:latest", ours);
        docker.addLabelledImage("sha256:bbbb2222bbbb2222", "jan-metfoo:latest", jans);
        docker.addLabelledImage("sha256:cccc3333cccc3333", "mijnimage:1", Map.of());
        docker.addVolume("dockerles-vol", ours);
        docker.addVolume("mijn-data", Map.of("nl.dockerles.managed", "false"));
        docker.addNetwork("n1", "dockerles-net", ours);
        docker.addNetwork("n2", "mijn-net", Map.of());
    }

    @Test
    void listsEverythingWithTheLabelsAndNothingElse() {
        daemonWithOursJansAndForeignThings();

        assertThat(new ManagedObjects(docker, "").list()).extracting(ManagedObjects.Item::name)
                .containsExactlyInAnyOrder("firstbusybox", "jan-firstbusybox", "metfoo:latest", "jan-metfoo:latest",
                        "dockerles-vol", "dockerles-net");
        assertThat(docker.calls()).noneMatch(call -> call.startsWith("remove") || call.startsWith("rmi")
                || call.contains(" rm "));
    }

    @Test
    void aPrefixRestrictsToThatPrefixsLabel() {
        daemonWithOursJansAndForeignThings();

        assertThat(new ManagedObjects(docker, "jan-").filter()).containsEntry(RunIdentity.PREFIX, "jan-")
                .containsEntry(RunIdentity.MANAGED, "true");
        assertThat(new ManagedObjects(docker, "jan-").list()).extracting(ManagedObjects.Item::name)
                .containsExactlyInAnyOrder("jan-firstbusybox", "jan-metfoo:latest");
    }

    @Test
    void removesOnlyWhatCarriesTheLabels() {
        daemonWithOursJansAndForeignThings();

        ManagedObjects.Removal removal = new ManagedObjects(docker, "").removeAll();

        assertThat(removal.removed()).extracting(ManagedObjects.Item::kind).contains(ManagedObjects.Kind.CONTAINER,
                ManagedObjects.Kind.IMAGE, ManagedObjects.Kind.VOLUME, ManagedObjects.Kind.NETWORK);
        assertThat(removal.removed()).hasSize(6);
        assertThat(removal.left()).isEmpty();
        assertThat(docker.containers()).extracting(c -> c.name).containsExactly("mijn-eigen");
        assertThat(docker.images).containsOnlyKeys("sha256:cccc3333cccc3333");
        assertThat(docker.volumes).containsOnlyKeys("mijn-data");
        assertThat(docker.networks).containsOnlyKeys("n2");
    }

    @Test
    void anImageInUseStaysAndTheRestStillGoes() {
        daemonWithOursJansAndForeignThings();
        docker.inUse.add("sha256:aaaa1111aaaa1111");

        ManagedObjects.Removal removal = new ManagedObjects(docker, "").removeAll();

        assertThat(removal.left()).extracting(ManagedObjects.Item::name).containsExactly("metfoo:latest");
        assertThat(removal.problems()).singleElement().extracting(e -> e.key()).isEqualTo("error.image.inuse");
        assertThat(docker.volumes).containsOnlyKeys("mijn-data");
        assertThat(docker.networks).containsOnlyKeys("n2");
    }

    @Test
    void anUntaggedImageShowsItsShortId() {
        assertThat(ManagedObjects.shortId("sha256:0123456789abcdef0123")).isEqualTo("0123456789ab");
    }
}
