package nl.dockerles.engine.actions;

import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.Messages;
import nl.dockerles.daemon.ContainerInfo;
import nl.dockerles.daemon.Docker.ExecResult;
import nl.dockerles.testing.FakeDocker;
import nl.dockerles.testing.FakeTime;
import nl.dockerles.testing.Inspected;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** wait-postgres asks pg_isready over TCP until the answer is yes, and shows the answers without repeating them. */
class WaitPostgresActionTest {
    private final ActionTesting testing = new ActionTesting();
    private final WaitPostgresAction action = new WaitPostgresAction();

    @Test
    void asksUntilPostgresAcceptsConnectionsAndCollapsesTheSameAnswer() {
        FakeDocker docker = postgres(3, true);

        String output = action.run(testing.context(docker), Map.of("container", "db"));

        assertThat(output).isEqualTo("127.0.0.1:5432 - no response   (3×)\n"
                + "127.0.0.1:5432 - accepting connections\n");
        assertThat(commands).hasSize(4).allMatch(c -> c.equals("pg_isready -h 127.0.0.1 -U postgres"));
        assertThat(testing.facts.get("wait.tries")).isEqualTo("4");
        assertThat(testing.facts.get("wait.seconds")).isEqualTo("2,0");
        assertThat(testing.facts.get("db.ready")).isEqualTo("127.0.0.1:5432 - accepting connections");
        assertThat(testing.screen()).contains("Klaar na 2,0 seconden (4 keer gevraagd).");
    }

    @Test
    void givesUpAtTheDeadlineWithADutchMessage() {
        FakeDocker docker = postgres(Integer.MAX_VALUE, true);

        assertThatThrownBy(() -> action.run(testing.context(docker), Map.of("container", "db", "timeout", "2")))
                .isInstanceOfSatisfying(DockerlesException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.DOCKER_ERROR);
                    assertThat(Messages.dutch().of(e)).contains("na 2 seconden nog geen verbindingen")
                            .contains("docker logs db");
                });
        assertThat(testing.screen()).contains("no response");
    }

    @Test
    void aContainerThatStoppedShowsItsLastLogLines() {
        FakeDocker docker = postgres(1, false);

        assertThatThrownBy(() -> action.run(testing.context(docker), Map.of("container", "db")))
                .isInstanceOfSatisfying(DockerlesException.class, e -> assertThat(Messages.dutch().of(e))
                        .contains("Container db is gestopt voordat PostgreSQL klaar was")
                        .contains("superuser password is not specified"));
    }

    @Test
    void theShellEquivalentIsALoopAroundTheSameProbe() {
        assertThat(action.shell(Map.of("container", "db")))
                .isEqualTo("until docker exec db pg_isready -h 127.0.0.1 -U postgres; do sleep 0.25; done");
    }

    @Test
    void postgresSayingItIsReadyBringsTheNextTryAtOnce() {
        FakeDocker docker = postgres(1, true);
        List<java.util.function.Consumer<byte[]>> followers = new ArrayList<>();
        docker.onFollowLogs = (id, output) -> {
            followers.add(output);
            return () -> followers.remove(output);
        };
        var plain = docker.onExec;
        docker.onExec = (id, command) -> {
            ExecResult answer = plain.apply(id, command);
            // The server starts listening while the first try is under way.
            followers.forEach(f -> f.accept("LOG:  database system is ready to accept connections\n".getBytes()));
            return answer;
        };

        long start = System.nanoTime();
        action.run(testing.context(docker), Map.of("container", "db"));

        assertThat(commands).hasSize(2);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(200)); // not 250 ms
        assertThat(followers).as("the following ends with the wait").isEmpty();
    }

    @Test
    void theReadyLineIsFoundAlsoInPieces() {
        java.util.concurrent.Semaphore ready = new java.util.concurrent.Semaphore(0);
        WaitPostgresAction.ReadyLines lines = new WaitPostgresAction.ReadyLines(ready);
        lines.accept("LOG:  database system is ready to ac".getBytes());
        assertThat(ready.availablePermits()).isZero();
        lines.accept("cept connections\nLOG:  database system is shut down\n".getBytes());
        assertThat(ready.availablePermits()).isEqualTo(1);
        lines.accept("ready to accept connections ready to accept connections".getBytes());
        assertThat(ready.availablePermits()).isEqualTo(3);
    }

    @Test
    void linesCountRepeatsOnlyWhenTheyFollowEachOther() {
        WaitPostgresAction.Lines lines = new WaitPostgresAction.Lines();
        lines.add("a");
        lines.add("a");
        lines.add("b");
        lines.add("a");
        lines.add("");
        assertThat(lines.render()).isEqualTo("a   (2×)\nb\na\n-\n");
        assertThat(lines.last()).isEqualTo("-");
    }

    /** A database that answers "no response" {@code slow} times, each try half a second later. */
    /** The pg_isready commands the container was asked. */
    private final List<String> commands = new ArrayList<>();

    /** PostgreSQL that answers yes after {@code slow} no's; or, unless {@code keepsRunning}, stops after one. */
    private FakeDocker postgres(int slow, boolean keepsRunning) {
        FakeTime time = testing.time;
        FakeDocker fake = new FakeDocker(time);
        fake.onInspectContainer = name -> {
            boolean running = keepsRunning || commands.isEmpty();
            Inspected db = Inspected.container("db").id("d".repeat(64)).image("postgres").pid(42);
            return Optional.of((running ? db : db.exited(1)).build());
        };
        fake.onExec = (id, command) -> {
            if (!keepsRunning && !commands.isEmpty()) {
                throw new DockerlesException(ExitCode.DOCKER_ERROR, "error.container.notrunning", id);
            }
            commands.add(String.join(" ", command));
            time.advance(Duration.ofMillis(500));
            return commands.size() > slow ? new ExecResult(0, "127.0.0.1:5432 - accepting connections\n")
                    : new ExecResult(2, "127.0.0.1:5432 - no response\n");
        };
        fake.onLogs = id -> "Error: Database is uninitialized and superuser password is not specified.\n";
        return fake;
    }
}
