package nl.dockerles.cli;

import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.daemon.Docker;
import nl.dockerles.daemon.RunIdentity;
import nl.dockerles.daemon.RunOwner;
import nl.dockerles.ops.ImageArchive;
import nl.dockerles.testing.FakeDocker;
import nl.dockerles.testing.FakeTime;
import nl.dockerles.testing.Runs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** check, prepare and cleanup as a user runs them, against the fake daemon. */
class OpsCommandsTest {
    private final FakeTime time = new FakeTime();
    private final FakeDocker docker = FakeDocker.withWorkshopImages(new FakeTime());

    @TempDir
    Path dir;

    private Runs run(String... args) {
        return run(docker, args);
    }

    private Runs run(Docker daemon, String... args) {
        return Runs.run(env -> daemon, time, Map.of("LANG", "C"), args);
    }

    // --- check ---

    @Test
    void checkNamesAMissingImageWithWhatToDoAndFails() {
        Runs run = run("check");

        assertThat(run.exitCode()).isEqualTo(ExitCode.CHECK_FAILED.code).isEqualTo(8);
        assertThat(run.out()).contains("dockerles check: kan de workshop hier draaien?")
                .contains("Docker daemon bereikbaar op unix:///var/run/docker.sock")
                .contains("Image busybox:latest is er").contains("Image nginx:latest is er (voor ports)")
                .contains("Image postgres:15 ontbreekt (nodig voor database)")
                .contains("Wat nu: haal het op met dockerles prepare")
                .contains("Nog niet klaar:").contains("Schijfruimte:");
        assertThat(run.out()).doesNotContain("\u001B[");
    }

    @Test
    void checkWithAllImagesHasNoImageProblem() {
        docker.addImage("postgres:15");
        Runs run = run("check");

        assertThat(run.out()).contains("Image postgres:15 is er (voor database)").doesNotContain("ontbreekt");
        // Ports are this machine's: free here, or taken by whatever else runs now; either way a line each.
        assertThat(run.out()).containsPattern("Poort 127\\.0\\.0\\.1:8080 is (vrij|bezet|in gebruik)");
    }

    @Test
    void checkWithoutADaemonSaysWhatToDoAndExitsThree() {
        Runs run = Runs.run(env -> {
            throw new DockerlesException(ExitCode.DOCKER_UNAVAILABLE, "error.docker.unreachable", "  - geprobeerd");
        }, time, Map.of("LANG", "C"), "check");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).contains("Docker daemon: niet bereikbaar").contains("Docker draait niet")
                .contains("Zonder daemon valt de rest niet te controleren");
    }

    @Test
    void checkInEnglish() {
        Runs run = run("check", "--lang", "en");

        assertThat(run.out()).contains("can the workshop run here?").contains("Image postgres:15 is missing");
    }

    // --- prepare ---

    @Test
    void prepareOfflineWithEveryImageHereSucceedsWithANotePerImage() {
        docker.addImage("postgres:15");
        Runs run = run("prepare");

        assertThat(run.exitCode()).as(run.err()).isZero();
        for (String image : List.of("busybox:latest", "nginx:latest", "registry:2", "busybox:1.35.0", "postgres:15", "adminer:latest")) {
            assertThat(run.out()).contains(image + ": ophalen lukte niet (offline), maar het image is er al");
        }
        assertThat(run.out()).contains("Alle 6 images van de workshop zijn er.");
        assertThat(docker.calls()).contains("pull busybox:latest", "pull nginx:latest", "pull postgres:15");
    }

    @Test
    void prepareWithAMissingImageThatCannotBePulledFails() {
        Runs run = run("prepare");

        assertThat(run.exitCode()).isEqualTo(ExitCode.IMAGE_MISSING.code);
        assertThat(run.out()).contains("postgres:15: ophalen lukte niet (offline), en het image is er niet.");
        assertThat(run.err()).contains("Deze images ontbreken en konden niet worden opgehaald: postgres:15.")
                .contains("dockerles prepare --load");
    }

    @Test
    void prepareSavesEveryImageAndChecksTheArchive() throws Exception {
        docker.addImage("postgres:15");
        Path archive = dir.resolve("workshop.tar");
        Runs run = run("prepare", "--save", archive.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(ImageArchive.tags(archive)).containsExactlyInAnyOrder("busybox:latest", "nginx:latest", "registry:2", "busybox:1.35.0", "postgres:15", "adminer:latest");
        assertThat(run.out()).contains("Alle images opslaan in " + archive)
                .contains(archive + " (").contains("bevat alle 6 images: busybox:latest, nginx:latest, registry:2, busybox:1.35.0, postgres:15, adminer:latest")
                .contains("dockerles prepare --load " + archive);
        assertThat(docker.calls()).contains("save busybox:latest nginx:latest registry:2 busybox:1.35.0 postgres:15 adminer:latest");
    }

    @Test
    void anArchiveThatLacksAnImageIsAFailure() {
        docker.addImage("postgres:15");
        FakeDocker forgetful = FakeDocker.withWorkshopImages(new FakeTime());
        forgetful.addImage("postgres:15");
        FakeDocker writer = FakeDocker.withWorkshopImages(new FakeTime());
        writer.addImage("postgres:15");
        forgetful.onSaveImages = (references, file) -> writer.saveImages(references.subList(0, references.size() - 2),
                file);
        Path archive = dir.resolve("half.tar");
        Runs run = run(forgetful, "prepare", "--save", archive.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR.code);
        assertThat(run.err()).contains("Het archief " + archive + " mist: postgres:15, adminer:latest.");
    }

    @Test
    void prepareLoadsAnArchiveAndChecksEveryImageIsThere() {
        FakeDocker home = FakeDocker.withWorkshopImages(new FakeTime());
        home.addImage("postgres:15");
        Path archive = dir.resolve("usb.tar");
        home.saveImages(List.of("busybox:latest", "nginx:latest", "registry:2", "busybox:1.35.0", "postgres:15", "adminer:latest"), archive);

        Runs run = run("prepare", "--load", archive.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Images laden uit " + archive)
                .contains("Geladen: busybox:latest, nginx:latest, registry:2, busybox:1.35.0, postgres:15, adminer:latest")
                .contains("Alle 6 images van de workshop zijn er: busybox:latest, nginx:latest, registry:2, busybox:1.35.0, postgres:15, adminer:latest");
        assertThat(docker.imageExists("postgres:15")).isTrue();
        assertThat(docker.calls()).noneMatch(call -> call.startsWith("pull"));
    }

    @Test
    void anArchiveWithoutAnImageLeavesItMissing() {
        Path archive = dir.resolve("oud.tar");
        FakeDocker.withWorkshopImages(new FakeTime()).saveImages(List.of("busybox:latest"), archive);

        Runs run = run("prepare", "--load", archive.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.IMAGE_MISSING.code);
        assertThat(run.err()).contains("Na het laden van " + archive + " ontbreken nog: postgres:15.");
    }

    @Test
    void loadingAFileThatIsNotThereIsAUsageError() {
        Runs run = run("prepare", "--load", dir.resolve("weg.tar").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code);
        assertThat(run.err()).contains("bestaat niet");
    }

    @Test
    void saveAndLoadTogetherIsAUsageError() throws Exception {
        Path archive = Files.createFile(dir.resolve("a.tar"));
        Runs run = run("prepare", "--save", dir.resolve("b.tar").toString(), "--load", archive.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code);
        assertThat(run.err()).contains("--save en --load gaan niet samen");
    }

    // --- cleanup ---

    private void labelledThings() {
        Map<String, String> ours = new RunIdentity("snapshots", "1a2b3c4d").labels();
        docker.addForeignContainer("firstbusybox", ours);
        docker.addForeignContainer("mijn-eigen", Map.of());
        docker.addLabelledImage("sha256:aaaa1111aaaa1111", "metfoo:latest", ours);
        docker.addLabelledImage("sha256:cccc3333cccc3333", "mijnimage:1", Map.of());
        docker.addVolume("dockerles-vol", ours);
        docker.addNetwork("n1", "dockerles-net", ours);
        docker.addForeignContainer("jan-demo", new RunIdentity("lifecycle", "5e6f7a8b", "jan-").labels());
    }

    @Test
    void cleanupDryRunListsEverythingAndRemovesNothing() {
        labelledThings();
        Runs run = run("cleanup", "--dry-run");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Dit zou dockerles cleanup verwijderen (alles met het label nl.dockerles.managed=true)")
                .containsPattern("container +firstbusybox +\\(sectie snapshots\\)")
                .containsPattern("container +jan-demo +\\(sectie lifecycle, voorvoegsel jan-\\)")
                .containsPattern("image +metfoo:latest")
                .containsPattern("volume +dockerles-vol")
                .containsPattern("netwerk +dockerles-net")
                .contains("Niets verwijderd (--dry-run): 5 dingen gevonden. Echt verwijderen: dockerles cleanup")
                .doesNotContain("mijn-eigen").doesNotContain("mijnimage");
        assertThat(docker.calls()).noneMatch(call -> call.startsWith("remove") || call.startsWith("rmi")
                || call.startsWith("volume rm") || call.startsWith("network rm"));
        assertThat(docker.containers()).hasSize(3);
    }

    @Test
    void cleanupRemovesWhatCarriesTheLabelsAndSaysWhat() {
        labelledThings();
        Runs run = run("cleanup");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Verwijderd (alles met het label nl.dockerles.managed=true):")
                .contains("firstbusybox").contains("metfoo:latest").contains("dockerles-vol").contains("dockerles-net")
                .contains("Samen: 2 containers, 1 image, 1 volume, 1 netwerk.")
                .contains("is niet aangeraakt");
        assertThat(docker.containers()).extracting(c -> c.name).containsExactly("mijn-eigen");
        assertThat(docker.labelledImageIds()).containsOnly("sha256:cccc3333cccc3333");
        assertThat(docker.labelledVolumeNames()).isEmpty();
        assertThat(docker.networkIds()).isEmpty();
    }

    @Test
    void cleanupWithAPrefixRemovesOnlyThatPrefix() {
        labelledThings();
        Runs run = run("cleanup", "--prefix", "jan");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("voorvoegsel jan-").contains("jan-demo").doesNotContain("firstbusybox")
                .contains("Samen: 1 container.");
        assertThat(docker.containers()).extracting(c -> c.name).containsExactlyInAnyOrder("firstbusybox", "mijn-eigen");
        assertThat(docker.labelledVolumeNames()).containsOnly("dockerles-vol");
    }

    @Test
    void cleanupWithNothingToDoSaysSo() {
        docker.addForeignContainer("mijn-eigen", Map.of());
        Runs run = run("cleanup");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Niets op te ruimen: er is niets met het label nl.dockerles.managed=true.");
        assertThat(docker.containers()).hasSize(1);
    }

    @Test
    void whatStaysIsListedWithTheReasonAndADockerErrorExitCode() {
        labelledThings();
        docker.inUse("sha256:aaaa1111aaaa1111");
        Runs run = run("cleanup");

        assertThat(run.exitCode()).isEqualTo(ExitCode.DOCKER_ERROR.code);
        assertThat(run.out()).contains("Bleef staan:").contains("metfoo:latest");
        assertThat(run.err()).contains("Het image sha256:aaaa1111aaaa1111 is nog in gebruik");
        assertThat(docker.labelledVolumeNames()).isEmpty();
    }

    @Test
    void aLiveDemosThingsStayWithHowToStopItAndTheExitCodeStaysZero() throws Exception {
        labelledThings();
        Process demo = new ProcessBuilder("sleep", "60").start();
        try {
            Map<String, String> live = new java.util.HashMap<>(new RunIdentity("lifecycle", "7a7a7a7a").labels());
            live.put(RunOwner.LABEL, RunOwner.of(demo.toHandle()));
            docker.addForeignContainer("demo", live);
            docker.addLabelledImage("sha256:eeee5555eeee5555", "demo-img:latest", live);
            String pid = Long.toString(demo.pid());
            String host = RunOwner.of(demo.toHandle()).split("/")[0];

            Runs dry = run("cleanup", "--dry-run");

            assertThat(dry.exitCode()).isZero();
            assertThat(dry.out()).contains("5 dingen gevonden")
                    .contains("Laat ik staan, want de demo die dit maakte draait nog (sectie lifecycle, proces "
                            + pid + " op " + host + "):")
                    .containsPattern("container +demo +\\(sectie lifecycle\\)");

            Runs cleaned = run("cleanup");

            assertThat(cleaned.exitCode()).as(cleaned.err()).isZero();
            assertThat(cleaned.out()).contains("Samen: 2 containers, 1 image, 1 volume, 1 netwerk.")
                    .contains("Laat ik staan, want de demo die dit maakte draait nog (sectie lifecycle, proces "
                            + pid + " op " + host + "):")
                    .contains("q of Ctrl-C in zijn eigen venster, of kill " + pid + ".")
                    .contains("is niet aangeraakt").doesNotContain("Bleef staan");
            assertThat(docker.containers()).extracting(c -> c.name).containsExactlyInAnyOrder("demo", "mijn-eigen");
            assertThat(docker.labelledImageIds()).contains("sha256:eeee5555eeee5555");
            String removedPart = cleaned.out().substring(0, cleaned.out().indexOf("Laat ik staan"));
            assertThat(removedPart).doesNotContain("demo-img");
        } finally {
            demo.destroy();
            demo.waitFor();
        }
        Runs after = run("cleanup");
        assertThat(after.out()).as("the demo has stopped: now its things go").contains("demo-img:latest")
                .doesNotContain("Laat ik staan");
    }

    // --- help ---

    @Test
    void theHelpListsTheThreeCommands() {
        Runs run = run("--help");

        assertThat(run.out()).contains("check").contains("Controleert of de workshop hier kan draaien")
                .contains("prepare").contains("Haalt alle images van de workshop op")
                .contains("cleanup").contains("Verwijdert alles wat dockerles maakte");
        assertThat(run("prepare", "--help").out()).contains("--save=BESTAND").contains("--load=BESTAND");
        assertThat(run("cleanup", "--help").out()).contains("--dry-run").contains("verwijdert niets");
        assertThat(run("check", "--help").out()).contains("8 als er iets ontbreekt");
    }
}
