package nl.dockerles.ops;

import nl.dockerles.DockerlesException;
import nl.dockerles.testing.FakeDocker;
import nl.dockerles.testing.FakeTime;
import nl.dockerles.ExitCode;
import nl.dockerles.Messages;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImagePullsTest {
    private final FakeDocker docker = FakeDocker.withWorkshopImages(new FakeTime());
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);

    private String printed() {
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void offlineButPresentIsNoFailureAndSaysSoPerImage() {
        List<ImagePulls.Result> results;
        try (PlainPullDisplay display = new PlainPullDisplay(out, Messages.dutch())) {
            results = ImagePulls.pullAll(docker, List.of("busybox:latest", "nginx:latest"), display);
        }

        assertThat(results).extracting(ImagePulls.Result::outcome)
                .containsExactly(ImagePulls.Outcome.PRESENT, ImagePulls.Outcome.PRESENT);
        assertThat(results).extracting(ImagePulls.Result::reason).containsOnly("offline");
        assertThat(printed()).contains("busybox:latest: ophalen...")
                .contains("busybox:latest: ophalen lukte niet (offline), maar het image is er al; de workshop gebruikt dat.")
                .contains("nginx:latest: ophalen lukte niet (offline), maar het image is er al");
        assertThat(docker.calls()).contains("pull busybox:latest", "pull nginx:latest");
    }

    @Test
    void missingAndNotPullableIsMissing() {
        List<ImagePulls.Result> results = ImagePulls.pullAll(docker, List.of("postgres:latest"),
                new PlainPullDisplay(out, Messages.dutch()));

        assertThat(results).singleElement().extracting(ImagePulls.Result::outcome)
                .isEqualTo(ImagePulls.Outcome.MISSING);
        assertThat(printed()).contains("postgres:latest: ophalen lukte niet (offline), en het image is er niet.");
    }

    @Test
    void aPullThatWorksShowsItsLayersAsPlainLines() {
        docker.inRegistry("postgres:latest");
        List<ImagePulls.Result> results = ImagePulls.pullAll(docker, List.of("postgres:latest"),
                new PlainPullDisplay(out, Messages.dutch()));

        assertThat(results).singleElement().extracting(ImagePulls.Result::outcome)
                .isEqualTo(ImagePulls.Outcome.PULLED);
        assertThat(printed()).contains("  postgres:latest: a1b2c3: Pull complete")
                .contains("postgres:latest: opgehaald.").doesNotContain("Downloading");
    }

    @Test
    void severalPullsRunAtOnce() throws Exception {
        java.util.concurrent.CountDownLatch together = new java.util.concurrent.CountDownLatch(3);
        FakeDocker waiting = FakeDocker.withWorkshopImages(new FakeTime());
        waiting.onPullImage = (reference, progress) -> {
            together.countDown();
            try {
                // Each pull waits until all three have started: only possible when they run at the same time.
                assertThat(together.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        waiting.addImage("postgres:latest");
        List<ImagePulls.Result> results = ImagePulls.pullAll(waiting,
                List.of("busybox:latest", "nginx:latest", "postgres:latest"), new PlainPullDisplay(out, Messages.dutch()));

        assertThat(results).extracting(ImagePulls.Result::outcome).doesNotContain(ImagePulls.Outcome.MISSING);
        // postgres was here and nothing came down: it says so (issue 12).
        assertThat(results.get(2).outcome()).isEqualTo(ImagePulls.Outcome.UP_TO_DATE);
        assertThat(printed()).contains("postgres:latest: was er al");
        assertThat(together.getCount()).isZero();
    }

    @Test
    void aLostDaemonEndsItWithThatError() {
        FakeDocker lost = FakeDocker.withWorkshopImages(new FakeTime());
        lost.onPullImage = (reference, progress) -> {
            throw new DockerlesException(ExitCode.DOCKER_UNAVAILABLE, "error.docker.lost", "unix:///x", "weg");
        };

        assertThatThrownBy(() -> ImagePulls.pullAll(lost, List.of("busybox:latest"),
                new PlainPullDisplay(out, Messages.dutch())))
                .isInstanceOfSatisfying(DockerlesException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCode.DOCKER_UNAVAILABLE));
    }

    @Test
    void theBarsShowEachImageAndTheNotesFollowUnderThem() {
        docker.inRegistry("postgres:latest");
        List<String> images = List.of("busybox:latest", "postgres:latest");
        try (BarPullDisplay display = new BarPullDisplay(out, Messages.dutch(), new Marks(false, true), images)) {
            ImagePulls.pullAll(docker, images, display);
        }

        String printed = printed();
        assertThat(printed).contains("busybox:latest ").contains("postgres:latest")
                .contains("was er al").contains("opgehaald")
                .contains("busybox:latest: ophalen lukte niet (offline), maar het image is er al")
                .doesNotContain("0/0MB"); // nothing was downloaded for an image that was there already
        assertThat(printed.indexOf("busybox:latest: ophalen lukte niet"))
                .isGreaterThan(printed.lastIndexOf("was er al"));
    }
}
