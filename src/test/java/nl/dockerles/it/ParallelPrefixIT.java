package nl.dockerles.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Thirty students on one daemon, in small: five runs of the same section at once, one of them interrupted. */
class ParallelPrefixIT {
    private static final Duration LIMIT = Duration.ofSeconds(90);

    @AfterEach
    void nothingLeftBehind() {
        assertThat(DaemonState.managedContainers("lifecycle")).isEmpty();
    }

    @Test
    void fiveRunsWithPrefixesDoNotCollideAndCtrlCCleansUpOnlyItsOwn() throws Exception {
        List<DockerlesJar> runs = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            runs.add(DockerlesJar.start(Map.of("DOCKERLES_PREFIX", "cursist" + i), "demo", "lifecycle"));
        }
        // Interrupt the third while its container exists (the stop step takes ~10 s).
        DockerlesJar third = runs.get(2);
        assertThat(third.awaitOutput("$ docker stop cursist3-demo", LIMIT)).isTrue();
        third.interrupt();

        for (int i = 0; i < runs.size(); i++) {
            DockerlesJar.Result result = runs.get(i).await(LIMIT);
            String name = "cursist" + (i + 1) + "-demo";
            if (i == 2) {
                assertThat(result.exitCode()).isEqualTo(130);
                assertThat(result.err()).contains("Opgeruimd wat deze demo maakte: " + name);
                continue;
            }
            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.out()).contains("$ docker run -it --name " + name + " busybox sh")
                    .contains("$ docker rm -v " + name)
                    // The notes speak of the container by the name it really has (issue 11).
                    .contains("Daar is " + name + ", met ID")
                    .containsPattern("Exited \\(137\\)")
                    .contains("→ ");
            assertThat(result.unfilled()).isEmpty();
        }
    }
}
