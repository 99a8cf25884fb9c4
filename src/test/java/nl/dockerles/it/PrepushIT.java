package nl.dockerles.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static nl.dockerles.it.DatabaseIT.group;
import static nl.dockerles.it.DatabaseIT.step;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code dockerles demo prepush}: the project's tests in busybox:1.35.0 with their exit code, then a real git
 * pre-push hook that runs them the same way: it stops the push while they fail and lets it through once they pass.
 * The project folder and the bare "server" repository are gone afterwards, and so are the hook's containers.
 */
class PrepushIT {
    private static final String SECTION = "prepush";
    private static final Duration LIMIT = Duration.ofSeconds(120);

    @AfterEach
    void nothingLeftBehind() {
        DaemonState.assertNothingLeft(SECTION);
        assertThat(DaemonState.client().listContainersCmd().withShowAll(true)
                .withAncestorFilter(java.util.List.of("busybox:1.35.0")).exec()).as("containers of busybox:1.35.0")
                .isEmpty();
    }

    @Test
    void theHookStopsAFailingPushAndLetsAPassingOneThrough() throws Exception {
        DockerlesJar.Result result = DockerlesJar.run(LIMIT, Map.of(), "demo", SECTION);
        Outputs.assertCleanRun(result);
        String out = result.out();

        Path project = Path.of(group(step(out, 1), "-v \"?([^\":]+)\"?:/src -w /src busybox:1\\.35\\.0 sh test\\.sh"));
        assertThat(step(out, 1)).contains("goed: 2 + 3 = 5").contains("goed: 10 + -4 = 6")
                .contains("getest met BusyBox v1.35.0");
        assertThat(DatabaseIT.flat(step(out, 1))).contains("exitcode 0");
        assertThat(step(out, 2)).containsPattern("[0-9a-f]{7,} Rekenen, met tests");
        assertThat(step(out, 3)).contains("origin\t../server.git (push)");
        assertThat(step(out, 4)).contains("docker run --name pre-push-tests \\\n  -v \"$PWD\":/src -w /src \\\n"
                + "  busybox:1.35.0 sh test.sh");

        // The typo: the tests fail in the container, the hook says so, git refuses.
        assertThat(step(out, 5)).contains("pre-push: tests in busybox:1.35.0")
                .contains("FOUT: 2 + 3 gaf -1, verwacht 5").contains("error: failed to push some refs");
        assertThat(DatabaseIT.flat(step(out, 5))).contains("git weigerde de push (exitcode 1)");
        assertThat(DatabaseIT.flat(step(out, 6))).contains("0 takken: er is niets aangekomen");

        // Fixed: the tests pass and the push goes through.
        assertThat(step(out, 7)).contains("goed: 2 + 3 = 5").containsPattern("\\* \\[new branch\\] +main -> main");
        assertThat(DatabaseIT.flat(step(out, 7))).contains("de push ging door (exitcode 0)");
        assertThat(step(out, 8)).containsPattern("(?m)^[0-9a-f]{40}\trefs/heads/main$");
        assertThat(DatabaseIT.flat(step(out, 8))).contains("1 tak: main staat op de server");

        assertThat(Files.exists(project.getParent())).as(project.getParent() + " removed").isFalse();
    }
}
