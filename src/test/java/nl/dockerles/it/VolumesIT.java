package nl.dockerles.it;

import com.github.dockerjava.api.exception.NotFoundException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static nl.dockerles.it.DatabaseIT.flat;
import static nl.dockerles.it.DatabaseIT.group;
import static nl.dockerles.it.DatabaseIT.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code dockerles demo volumes}: who owns a file a container made through a bind mount (as the kernel says),
 * --user, and an anonymous volume left behind by docker rm, listed as dangling and then removed.
 */
class VolumesIT {
    private static final Duration LIMIT = Duration.ofSeconds(90);

    @AfterEach
    void nothingLeftBehind() {
        assertThat(DaemonState.managedContainers("volumes")).as("containers labelled by dockerles").isEmpty();
        assertThat(DaemonState.managedImages("volumes")).as("images labelled by dockerles").isEmpty();
        assertThat(DaemonState.client().listImagesCmd().withReferenceFilter("metvolume").exec())
                .as("the built image metvolume").isEmpty();
    }

    @Test
    void ownersAsTheKernelSaysAndTheDanglingVolumeIsListedAndRemoved() throws Exception {
        Path probe = Files.createTempFile("dockerles-it", ".uid");
        int me = (Integer) Files.getAttribute(probe, "unix:uid");
        Files.delete(probe);
        DockerlesJar demo = DockerlesJar.start(Map.of(), "demo", "volumes");

        // The files exist only while the demo runs: read their owners from the kernel then.
        assertThat(demo.awaitOutput("Stap 3/", LIMIT)).isTrue();
        Path workdir = Path.of(group(demo.out(), "\\$ docker run --rm -v (/\\S+):/data busybox touch /data/vanroot"));
        int vanroot = (Integer) Files.getAttribute(workdir.resolve("vanroot"), "unix:uid");
        assertThat(demo.awaitOutput("Stap 5/", LIMIT)).isTrue();
        int vanmij = (Integer) Files.getAttribute(workdir.resolve("vanmij"), "unix:uid");

        DockerlesJar.Result result = demo.await(LIMIT);
        String out = result.out();
        assertThat(result.exitCode()).as(result.err() + out).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(out).doesNotContainPattern(DatabaseIT.UNFILLED).doesNotContain("\u001B[");

        // ls -ln shows the uid the kernel gives, and the note says the same.
        assertThat(step(out, 2)).containsPattern("(?m)^-rw-r--r-- 1 +" + vanroot + " +\\d+ +0 .* vanroot$");
        assertThat(flat(step(out, 2))).contains("vanroot heeft uid " + vanroot + ", en jij bent uid " + me + ".");
        assertThat(step(out, 3)).contains("--user " + me + ":");
        assertThat(step(out, 4)).containsPattern("(?m)^-rw-r--r-- 1 +" + vanmij + " +\\d+ +0 .* vanmij$");
        assertThat(flat(step(out, 4))).contains("vanmij heeft uid " + vanmij + ".");
        assertThat(vanmij).as("--user gave the file the uid of who runs dockerles").isEqualTo(me);
        if (me == 0) {
            assertThat(vanroot).isZero();
            assertThat(flat(step(out, 2))).contains("je draait dockerles zelf als root (uid 0, zoals in CI)");
            assertThat(flat(step(out, 4))).contains("--user 0:0 is gewoon root");
        } else if (vanroot == 0) {
            assertThat(flat(step(out, 2))).contains("Het bestand is van root (uid 0), niet van jou (uid " + me + ")");
            assertThat(flat(step(out, 4))).contains("Het bestand is van jou (uid " + me + ")");
        }

        // The anonymous volume of schrijver: listed as dangling after docker rm, then removed by the demo.
        String volume = group(step(out, 7), "(?m)^([0-9a-f]{64})$");
        assertThat(step(out, 8)).contains("$ docker rm schrijver");
        assertThat(step(out, 9)).containsPattern("(?m)^" + volume + "$");
        assertThat(step(out, 10)).contains("$ docker volume rm \"$volume\"").containsPattern("(?m)^" + volume + "$");
        assertThat(step(out, 13)).doesNotContain(volume);
        assertThatThrownBy(() -> DaemonState.client().inspectVolumeCmd(volume).exec())
                .isInstanceOf(NotFoundException.class);

        // Nothing outside the temporary folder was touched, and the folder itself is gone.
        assertThat(workdir.getFileName().toString()).startsWith("dockerles-");
        assertThat(workdir).doesNotExist();
    }
}
