package nl.dockerles.ops;

import nl.dockerles.daemon.RunIdentity;
import nl.dockerles.testing.FakeDocker;
import nl.dockerles.testing.FakeTime;
import nl.dockerles.daemon.RunOwner;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ManagedObjectsTest {
    private final FakeDocker docker = FakeDocker.withWorkshopImages(new FakeTime());
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
        assertThat(docker.labelledImageIds()).containsOnly("sha256:cccc3333cccc3333");
        assertThat(docker.labelledVolumeNames()).containsOnly("mijn-data");
        assertThat(docker.networkIds()).containsOnly("n2");
    }

    @Test
    void anImageInUseStaysAndTheRestStillGoes() {
        daemonWithOursJansAndForeignThings();
        docker.inUse("sha256:aaaa1111aaaa1111");

        ManagedObjects.Removal removal = new ManagedObjects(docker, "").removeAll();

        assertThat(removal.left()).extracting(ManagedObjects.Item::name).containsExactly("metfoo:latest");
        assertThat(removal.problems()).singleElement().extracting(e -> e.key()).isEqualTo("error.image.inuse");
        assertThat(docker.labelledVolumeNames()).containsOnly("mijn-data");
        assertThat(docker.networkIds()).containsOnly("n2");
    }

    private static Map<String, String> ownedBy(Map<String, String> labels, String owner) {
        Map<String, String> with = new HashMap<>(labels);
        with.put(RunOwner.LABEL, owner);
        return with;
    }

    @Test
    void aRunWhoseProcessLivesIsLeftWholeAndTheOthersGo() {
        Map<String, String> live = ownedBy(new RunIdentity("lifecycle", "11111111").labels(), "laptop/4242/1700000000");
        Map<String, String> gone = ownedBy(new RunIdentity("lifecycle", "22222222").labels(), "laptop/4141/1600000000");
        docker.addForeignContainer("demo", live);
        docker.addLabelledImage("sha256:dddd4444dddd4444", "metfoo:latest", live);
        docker.addForeignContainer("web", gone);
        docker.addVolume("oud-vol", gone);
        docker.addForeignContainer("mijn-eigen", Map.of());

        ManagedObjects objects = new ManagedObjects(docker, "", labels -> labels.get(RunOwner.LABEL).contains("/4242/"));
        ManagedObjects.Removal removal = objects.removeAll();

        assertThat(removal.removed()).extracting(ManagedObjects.Item::name).containsExactlyInAnyOrder("web", "oud-vol");
        assertThat(removal.left()).isEmpty();
        assertThat(removal.live()).singleElement().satisfies(run -> {
            assertThat(run.section()).isEqualTo("lifecycle");
            assertThat(run.pid()).isEqualTo("4242");
            assertThat(run.host()).isEqualTo("laptop");
            assertThat(run.items()).extracting(ManagedObjects.Item::name)
                    .containsExactlyInAnyOrder("demo", "metfoo:latest");
        });
        assertThat(docker.containers()).extracting(c -> c.name).containsExactlyInAnyOrder("demo", "mijn-eigen");
        assertThat(docker.labelledImageIds()).contains("sha256:dddd4444dddd4444");
        assertThat(docker.labelledVolumeNames()).isEmpty();
    }

    @Test
    void theRealJudgeSeesALiveProcessAFinishedOneAndItself() throws Exception {
        Process sleeping = new ProcessBuilder("sleep", "60").start();
        Process finished = new ProcessBuilder("true").start();
        String finishedOwner = RunOwner.of(finished.toHandle());
        finished.waitFor();
        try {
            Map<String, String> base = new RunIdentity("ports", "33333333").labels();
            assertThat(LiveRun.ownerAlive(ownedBy(base, RunOwner.of(sleeping.toHandle())))).isTrue();
            assertThat(LiveRun.ownerAlive(ownedBy(base, finishedOwner))).isFalse();
            assertThat(LiveRun.ownerAlive(base)).as("this cleanup is no demo").isFalse();
            Map<String, String> older = new HashMap<>(base);
            older.remove(RunOwner.LABEL);
            assertThat(LiveRun.ownerAlive(older)).as("from a dockerles without the owner label").isFalse();
            assertThat(LiveRun.ownerAlive(ownedBy(base, "elders/1/1"))).as("another machine").isTrue();
        } finally {
            sleeping.destroy();
        }
    }

    @Test
    void aDryRunPlanSplitsTheSameWayAndRemovesNothing() {
        docker.addForeignContainer("demo", ownedBy(new RunIdentity("lifecycle", "11111111").labels(), "h/1/1"));
        docker.addForeignContainer("web", ownedBy(new RunIdentity("ports", "22222222").labels(), "h/2/2"));

        LiveRun.Split plan = new ManagedObjects(docker, "", labels -> labels.get(RunOwner.LABEL).equals("h/1/1")).plan();

        assertThat(plan.gone()).extracting(ManagedObjects.Item::name).containsExactly("web");
        assertThat(plan.live()).extracting(LiveRun::pid).containsExactly("1");
        assertThat(docker.containers()).hasSize(2);
    }

    @Test
    void anUntaggedImageShowsItsShortId() {
        assertThat(ManagedObjects.shortId("sha256:0123456789abcdef0123")).isEqualTo("0123456789ab");
    }
}
