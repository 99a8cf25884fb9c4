package nl.dockerles.docker;

import com.github.dockerjava.api.command.InspectContainerResponse;
import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.daemon.Docker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** docker build with the classic builder, and the volumes an image's VOLUME leaves behind. */
class ImageBuilderIT extends RealDaemonIT {
    /** A builder's step line begins so: "Step " (Docker's classic builder) or "STEP " (Podman's Buildah). */
    private static final String STEP = "(?:Step|STEP) ";


    @TempDir
    Path dir;

    private Path folder(String name, String dockerfile, String... files) throws Exception {
        Path folder = Files.createDirectories(dir.resolve(name));
        Files.writeString(folder.resolve("Dockerfile"), dockerfile);
        for (int i = 0; i < files.length; i += 2) {
            Files.writeString(folder.resolve(files[i]), files[i + 1]);
        }
        return folder;
    }

    private static List<String> lines() {
        return Collections.synchronizedList(new ArrayList<>());
    }

    @Test
    void aChainOfTwoImagesAndARebuildFromCache() throws Exception {
        String base = made.image("dockerles-it-base-" + made.runId + ":1");
        Path baseDir = folder("base", "FROM busybox:latest\nRUN echo base > /base.txt\n");
        List<String> baseOutput = lines();
        String baseId = docker.buildImage(baseDir, base, made.labels(), baseOutput::add);

        assertThat(baseId).startsWith("sha256:");
        // Docker's classic builder says "Step 1/3 : FROM …" and " ---> 3da95372426d"; Podman's Buildah "STEP 1/3: FROM …"
        // and "--> 3da95372426d". Both name the image they built and the tag.
        assertThat(baseOutput.get(0)).matches(STEP + "1/\\d+ ?: FROM busybox:latest");
        assertThat(baseOutput).anySatisfy(line -> assertThat(line).matches(STEP + "2/\\d+ ?: RUN echo base > /base.txt"));
        assertThat(baseOutput).anySatisfy(line -> assertThat(line).matches(" ?-{2,3}> [0-9a-f]{11,12}"));
        assertThat(baseOutput).anySatisfy(line -> assertThat(line).contains(baseId.substring(7, 19)));
        assertThat(baseOutput).anySatisfy(line -> assertThat(line).matches("Successfully tagged (localhost/)?"
                + java.util.regex.Pattern.quote(base)));
        assertThat(baseOutput).noneSatisfy(line -> assertThat(line).contains("\n"));

        String app = made.image("dockerles-it-app-" + made.runId + ":1");
        Path appDir = folder("app", "FROM " + base + "\nCOPY hallo.txt /\n", "hallo.txt", "hallo\n");
        List<String> appOutput = lines();
        String appId = docker.buildImage(appDir, app, made.labels(), appOutput::add);
        assertThat(appOutput.get(0)).matches(STEP + "1/\\d+ ?: FROM " + base.replace(".", "\\."));

        String check = made.runDetached(made.image(app, List.of("cat", "/base.txt", "/hallo.txt")));
        assertThat(docker.waitForExit(check, Duration.ofSeconds(10))).contains(0);
        assertThat(docker.logs(check, null)).isEqualTo("base\nhallo\n");
        assertThat(docker.dockerClient().inspectImageCmd(app).exec().getConfig().getLabels())
                .containsAllEntriesOf(made.labels());
        // The labels go in as one LABEL line at the end: one step, also on 20.10, which makes a step per label
        // of the API's labels parameter.
        assertThat(appOutput).anySatisfy(line -> assertThat(line).matches(STEP + "2/3 ?: COPY hallo.txt /"));
        assertThat(appOutput).anySatisfy(line -> assertThat(line).matches(STEP + "3/3 ?: LABEL .*nl\\.dockerles\\.test.*"));
        assertThat(docker.history(app)).anySatisfy(layer -> assertThat(layer.createdBy()).contains("COPY "));

        List<String> again = lines();
        assertThat(docker.buildImage(appDir, app, made.labels(), again::add)).isEqualTo(appId);
        assertThat(again).anySatisfy(line -> assertThat(line).contains("-> Using cache"));
    }

    @Test
    void aFailingStepIsABuildFailureWithTheBuildersWordsAndLeavesNoContainer() throws Exception {
        Path folder = folder("stuk", "FROM busybox:latest\nRUN echo kapot-" + made.runId + "; exit 3\n");
        List<String> output = lines();
        String tag = "dockerles-it-stuk-" + made.runId + ":1";
        Throwable thrown;
        try (ItSupport.Captured captured = new ItSupport.Captured()) {
            thrown = catchThrowable(() -> docker.buildImage(folder, tag, made.labels(), output::add));
            assertThat(captured.text()).isEmpty();
        }

        assertThat(thrown).isInstanceOfSatisfying(DockerlesException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.DOCKER_ERROR);
            assertThat(e.key()).isEqualTo("error.image.build.failed");
            assertThat(e.args()[0]).isEqualTo(tag);
            // Docker: "… returned a non-zero code: 3"; Podman's Buildah: "… while running runtime: exit status 3".
            assertThat((String) e.args()[1]).containsPattern("returned a non-zero code: 3|exit status 3$");
        });
        assertThat(output).contains("kapot-" + made.runId);
        assertThat(docker.dockerClient().listContainersCmd().withShowAll(true).exec())
                .noneSatisfy(c -> assertThat(c.getCommand()).contains(made.runId));
        assertThat(docker.imageExists(tag)).isFalse();
    }

    @Test
    void aFolderWithoutDockerfile() {
        Throwable thrown = catchThrowable(() -> docker.buildImage(dir, "dockerles-it-leeg:1", made.labels(), l -> { }));
        assertThat(thrown).isInstanceOfSatisfying(DockerlesException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.CONTENT);
            assertThat(e.key()).isEqualTo("error.image.build.nodockerfile");
        });
    }

    @Test
    void anImagesVolumeStaysBehindAsADanglingVolume() throws Exception {
        String image = made.image("dockerles-it-volume-" + made.runId + ":1");
        docker.buildImage(folder("volume", "FROM busybox:latest\nVOLUME /data\n"), image, made.labels(), l -> { });
        String id = made.runDetached(made.image(image, List.of("sh", "-c", "echo bewaard > /data/x; sleep 300")));
        InspectContainerResponse inspected = docker.dockerClient().inspectContainerCmd(id).exec();
        String volume = made.volume(inspected.getMounts().stream()
                .filter(m -> "/data".equals(m.getDestination().getPath()))
                .findFirst().orElseThrow().getName());

        Throwable inUse = catchThrowable(() -> docker.removeVolume(volume));
        assertThat(inUse).isInstanceOfSatisfying(DockerlesException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.DOCKER_ERROR);
            assertThat(e.key()).isEqualTo("error.volume.inuse");
            assertThat(e.args()[0]).isEqualTo(volume);
        });
        assertThat(docker.listVolumes(true, Map.of())).extracting(Docker.VolumeRow::name).doesNotContain(volume);

        docker.removeContainer(id, true, false); // docker rm -f, without -v
        assertThat(docker.listVolumes(true, Map.of())).filteredOn(v -> v.name().equals(volume))
                .singleElement().satisfies(v -> assertThat(v.driver()).isEqualTo("local"));

        docker.removeVolume(volume);
        assertThat(docker.listVolumes(false, Map.of())).extracting(Docker.VolumeRow::name).doesNotContain(volume);
        docker.removeVolume(volume); // gone already: fine
    }

    @Test
    void volumesAreFoundByLabel() {
        String name = made.volume("dockerles-it-" + made.runId);
        docker.dockerClient().createVolumeCmd().withName(name).withLabels(made.labels()).exec();

        assertThat(docker.listVolumes(false, made.runLabel())).singleElement().satisfies(v -> {
            assertThat(v.name()).isEqualTo(name);
            assertThat(v.labels()).containsAllEntriesOf(made.labels());
        });
        assertThat(docker.listVolumes(true, made.runLabel())).extracting(Docker.VolumeRow::name).containsExactly(name);
        assertThat(docker.listVolumes(false, Map.of("nl.dockerles.it", "iemand-anders"))).isEmpty();
    }
}
