package nl.dockerles.ops;

import nl.dockerles.Messages;
import nl.dockerles.testing.FakeDocker;
import nl.dockerles.testing.FakeTime;
import nl.dockerles.daemon.DaemonInfo;
import nl.dockerles.daemon.Docker.DaemonDetails;
import nl.dockerles.daemon.RunIdentity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The checks with their inputs made up: which images, which ports are taken, how much disk is free. */
class WorkshopCheckTest {
    private final FakeDocker docker = FakeDocker.withWorkshopImages(new FakeTime());
    private final Set<Integer> takenPorts = new HashSet<>();
    private long freeBytes = 80_000_000_000L;
    private final List<Path> measured = new ArrayList<>();
    private WorkshopNeeds needs = new WorkshopNeeds(images("busybox:latest", "lifecycle", "nginx:latest", "ports"),
            List.of(new WorkshopNeeds.PortNeed("127.0.0.1", 8080, List.of("ports"))));
    private String osName = "Linux";
    private Messages messages = Messages.dutch();

    private List<WorkshopCheck.Line> lines;
    private int failed;

    /** Stands for the daemon's DockerRootDir on this machine. */
    @TempDir
    Path dockerRoot;

    @BeforeEach
    void localDaemonWithItsDataFolderHere() {
        docker.onDaemonDetails = () -> new DaemonDetails(dockerRoot.toString(), List.of("Engine", "containerd", "runc"));
    }

    private void check() {
        lines = new ArrayList<>();
        WorkshopCheck check = new WorkshopCheck(docker, needs, messages, "", (ip, port) -> !takenPorts.contains(port),
                path -> {
                    measured.add(path);
                    return freeBytes;
                }, Path.of("/tmp"), osName);
        failed = check.run(lines::add);
    }

    private String text() {
        StringBuilder out = new StringBuilder();
        for (WorkshopCheck.Line line : lines) {
            out.append(line.status()).append(' ').append(line.text()).append('\n');
            line.details().forEach(detail -> out.append("    ").append(detail).append('\n'));
        }
        return out.toString();
    }

    private static Map<String, List<String>> images(String... imageAndSection) {
        Map<String, List<String>> images = new LinkedHashMap<>();
        for (int i = 0; i < imageAndSection.length; i += 2) {
            images.put(imageAndSection[i], List.of(imageAndSection[i + 1]));
        }
        return images;
    }

    @Test
    void everythingThereIsALineEachAndNoFailure() {
        check();

        assertThat(failed).isZero();
        assertThat(lines).extracting(WorkshopCheck.Line::status).containsOnly(WorkshopCheck.Status.OK);
        assertThat(text()).contains("OK Docker daemon bereikbaar op unix:///var/run/docker.sock")
                .contains("Docker Engine 20.10.24, API 1.41 (dockerles spreekt 1.41), linux/amd64")
                .contains("De daemon draait direct op deze machine, niet in een VM.")
                .contains("OK Image busybox:latest is er (voor lifecycle)")
                .contains("OK Image nginx:latest is er (voor ports)")
                .contains("OK Poort 127.0.0.1:8080 is vrij (voor ports)")
                .contains("OK Schijfruimte: 80 GB vrij in " + dockerRoot + ", de map van Docker (DockerRootDir)");
        assertThat(measured).containsExactly(dockerRoot);
    }

    @Test
    void aMissingImageFailsWithWhatToDo() {
        needs = new WorkshopNeeds(images("busybox:latest", "lifecycle", "bestaatniet:1", "database"), List.of());
        check();

        assertThat(failed).isEqualTo(1);
        assertThat(text()).contains("FAILED Image bestaatniet:1 ontbreekt (nodig voor database)")
                .contains("Wat nu: haal het op met dockerles prepare (of docker pull bestaatniet:1)")
                .contains("dockerles prepare --load");
    }

    @Test
    void aPortTakenByAnotherProgramFailsWithWhatToDo() {
        takenPorts.add(8080);
        check();

        assertThat(failed).isEqualTo(1);
        assertThat(text()).contains("FAILED Poort 127.0.0.1:8080 is bezet door een ander programma (nodig voor ports)")
                .contains("ss -ltnp | grep :8080").contains("lsof -nP -iTCP:8080")
                .contains("kiest de demo zelf een andere poort");
    }

    @Test
    void aPortTakenBySomeonesContainerNamesIt() {
        takenPorts.add(8080);
        docker.addPublishing("mijnweb", 8080, Map.of());
        check();

        assertThat(failed).isEqualTo(1);
        assertThat(text()).contains("FAILED Poort 127.0.0.1:8080 is bezet door container mijnweb (nodig voor ports)")
                .contains("docker stop mijnweb");
    }

    @Test
    void aPortHeldByALeftoverOfTheSameSectionIsFineTheDemoRemovesIt() {
        takenPorts.add(8080);
        docker.addPublishing("web", 8080, new RunIdentity("ports", "0ld0ld00").labels());
        check();

        assertThat(failed).isZero();
        assertThat(text()).contains("OK Poort 127.0.0.1:8080 is in gebruik door web, een container van een eerdere demo ports");
    }

    @Test
    void aRemoteDaemonsPortsAndDiskAreNotThisMachines() {
        takenPorts.add(8080);
        docker.onDaemon = () -> new DaemonInfo("tcp://192.0.2.10:2376", "24.0.7", "1.43", "1.43", "linux", "amd64",
                "Ubuntu 22.04", "5.15");
        check();

        assertThat(failed).isZero();
        assertThat(text()).contains("De daemon draait op een andere machine (tcp://192.0.2.10:2376).")
                .contains("INFO Poorten: niet te controleren vanaf hier")
                .contains("in /tmp, de tijdelijke map hier; de map van Docker (" + dockerRoot + ") zit niet op deze machine");
        assertThat(measured).containsExactly(Path.of("/tmp"));
    }

    @Test
    void aDaemonOverSshIsAnotherMachineEvenOnLoopback() {
        takenPorts.add(8080);
        docker.onDaemon = () -> new DaemonInfo("ssh://127.0.0.1:2222", "20.10.24", "1.41", "1.41", "linux", "amd64",
                "Debian GNU/Linux 12 (bookworm)", "6.1");
        check();

        assertThat(failed).isZero();
        assertThat(text()).contains("OK Docker daemon bereikbaar op ssh://127.0.0.1:2222")
                .contains("De daemon draait op een andere machine (ssh://127.0.0.1:2222). dockerles bereikt hem via ssh")
                .contains("INFO Poorten: niet te controleren vanaf hier")
                .doesNotContain("direct op deze machine");
        assertThat(measured).containsExactly(Path.of("/tmp"));
    }

    @Test
    void dockerDesktopRunsInAVmAndItsDiskIsNotMeasuredHere() {
        docker.onDaemon = () -> new DaemonInfo("unix:///Users/jan/.docker/run/docker.sock", "28.0.1", "1.48", "1.47",
                "linux", "arm64", "Docker Desktop", "6.10.14-linuxkit");
        osName = "Mac OS X";
        check();

        assertThat(failed).isZero();
        assertThat(text()).contains("Docker Engine 28.0.1, API 1.48 (dockerles spreekt 1.47), linux/arm64, Docker Desktop")
                .contains("De daemon draait in de Linux-VM van Docker Desktop")
                .contains("de tijdelijke map hier");
        assertThat(measured).containsExactly(Path.of("/tmp"));
    }

    @Test
    void podmanSaysSoInItsComponents() {
        docker.onDaemonDetails = () -> new DaemonDetails("/home/jan/.local/share/containers/storage",
                List.of("Podman Engine", "Conmon", "OCI Runtime (crun)"));
        osName = "Mac OS X";
        check();

        assertThat(text()).contains("Podman 20.10.24").contains("Dit is Podman met een Docker-compatibele API")
                .contains("De daemon draait in een Linux-VM (deze machine is Mac OS X, geen Linux)");
    }

    @Test
    void littleDiskFails() {
        freeBytes = 500_000_000L;
        check();

        assertThat(failed).isEqualTo(1);
        assertThat(text()).contains("FAILED Schijfruimte: maar 500 MB vrij in " + dockerRoot)
                .contains("de workshop wil minstens 2 GB").contains("docker system df");
        // A number in a Dutch sentence has a decimal comma, as a person writes it.
        assertThat(nl.dockerles.render.HumanSize.of(80_600_000_000L, java.util.Locale.forLanguageTag("nl")))
                .isEqualTo("80,6 GB");
        assertThat(nl.dockerles.render.HumanSize.of(80_600_000_000L, java.util.Locale.ENGLISH)).isEqualTo("80.6 GB");
    }

    @Test
    void aDiskThatCannotBeMeasuredIsOnlyInformation() {
        WorkshopCheck check = new WorkshopCheck(docker, needs, messages, "", (ip, port) -> true, path -> {
            throw new IOException("geen toegang");
        }, Path.of("/tmp"), osName);
        List<WorkshopCheck.Line> out = new ArrayList<>();

        assertThat(check.run(out::add)).isZero();
        assertThat(out.get(out.size() - 1).status()).isEqualTo(WorkshopCheck.Status.INFO);
        assertThat(out.get(out.size() - 1).text()).contains("niet te meten in /tmp (geen toegang)");
    }

    @Test
    void inEnglishToo() {
        messages = new Messages(Locale.ENGLISH);
        takenPorts.add(8080);
        check();

        assertThat(text()).contains("Docker daemon reachable at").contains("Image busybox:latest is here")
                .contains("Port 127.0.0.1:8080 is taken by another program").contains("What to do:");
    }
}
