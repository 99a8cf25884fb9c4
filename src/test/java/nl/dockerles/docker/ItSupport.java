package nl.dockerles.docker;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** Helpers for the integration tests: labels to clean up by, waiting with a deadline, capturing output. */
final class ItSupport {
    /** The daemon's unix socket the tests reach: DOCKER_HOST's (Podman under .ci/with-daemon), else the default. */
    static java.nio.file.Path daemonSocket() {
        String host = System.getenv("DOCKER_HOST");
        return java.nio.file.Path.of(host != null && host.startsWith("unix://") ? host.substring("unix://".length())
                : "/var/run/docker.sock");
    }

    /** Podman's Docker API (its version lists the component "Podman Engine"), read from the daemon. */
    static boolean podman(com.github.dockerjava.api.DockerClient client) {
        var components = client.versionCmd().exec().getComponents();
        return components != null && components.stream().anyMatch(c -> c.getName().contains("Podman"));
    }

    static String daemonHost() {
        return "unix://" + daemonSocket();
    }

    static final String TEST_LABEL = "nl.dockerles.test";

    private ItSupport() {
    }

    /** Every container a test makes carries these: the test label, and a run id to find just its own. */
    static Map<String, String> labels(String runId) {
        return Map.of(TEST_LABEL, "true", "nl.dockerles.it", runId);
    }

    static String newRunId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** Polls until the condition holds; false when the deadline passed first. */
    static boolean await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(20);
        }
        return condition.getAsBoolean();
    }

    /** A terminal's output, collected from docker-java's thread. */
    static final class Screen implements Consumer<byte[]> {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public synchronized void accept(byte[] chunk) {
            bytes.writeBytes(chunk);
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    /** Catches what anyone writes to System.out and System.err while it is open. */
    static final class Captured implements AutoCloseable {
        private final PrintStream originalOut = System.out;
        private final PrintStream originalErr = System.err;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Captured() {
            PrintStream capture = new PrintStream(out, true, StandardCharsets.UTF_8);
            System.setOut(capture);
            System.setErr(capture);
        }

        String text() {
            System.out.flush();
            return out.toString(StandardCharsets.UTF_8);
        }

        @Override
        public void close() {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }
}
