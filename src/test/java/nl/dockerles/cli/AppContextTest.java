package nl.dockerles.cli;

import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.daemon.Docker;
import nl.dockerles.engine.TimeSource;
import nl.dockerles.testing.FakeDocker;
import nl.dockerles.testing.FakeTime;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** demo --auto connects ahead: the command's first connect takes that connection, or its error; others connect anew. */
class AppContextTest {
    private final PrintStream none = new PrintStream(PrintStream.nullOutputStream());
    private final List<Docker> made = new CopyOnWriteArrayList<>();

    private AppContext context(Map<String, String> env, boolean fails) {
        return new AppContext(none, none, new ByteArrayInputStream(new byte[0]), env, false, asked -> {
            if (fails) {
                throw new DockerlesException(ExitCode.DOCKER_UNAVAILABLE, "error.docker.unreachable", List.of());
            }
            Docker docker = new FakeDocker(new FakeTime());
            made.add(docker);
            return docker;
        }, TimeSource.SYSTEM);
    }

    @Test
    void theFirstConnectTakesTheConnectionMadeAheadAndALaterOneConnectsAnew() {
        AppContext ahead = context(Map.of(), false).connectingAhead();

        Docker first = ahead.connect();
        assertThat(made).containsExactly(first);
        Docker other = ahead.docker().apply(new HashMap<>(Map.of("DOCKER_HOST", "tcp://127.0.0.1:2375")));
        Docker again = ahead.connect();
        assertThat(made).containsExactly(first, other, again);
    }

    @Test
    void aConnectionThatFailedAheadFailsTheFirstConnectWithItsOwnError() {
        AppContext ahead = context(Map.of(), true).connectingAhead();

        assertThatThrownBy(ahead::connect).isInstanceOf(DockerlesException.class)
                .extracting(e -> ((DockerlesException) e).exitCode()).isEqualTo(ExitCode.DOCKER_UNAVAILABLE);
    }
}
