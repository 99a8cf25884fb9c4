package nl.dockerles.docker;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The bridge with stand-ins for ssh: every connection its own process, stdin and stdout as the connection. */
class SshBridgeTest {
    @TempDir
    Path tmp;
    private SshBridge bridge;

    @AfterEach
    void close() {
        if (bridge != null) {
            bridge.close();
        }
    }

    @Test
    void eachConnectionIsCarriedByItsOwnProcessBothWays() throws Exception {
        bridge = SshBridge.open(List.of("cat"), Map.of("PATH", "/usr/bin:/bin"), tmp);
        Path socket = bridge.socket();
        assertThat(socket.getParent().getParent()).isEqualTo(tmp);
        assertThat(Files.getPosixFilePermissions(socket.getParent())).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        try (SocketChannel one = connect(socket); SocketChannel two = connect(socket)) {
            assertThat(echo(one, "hallo")).isEqualTo("hallo");
            assertThat(echo(two, "daar")).isEqualTo("daar");
            assertThat(bridge.running()).isEqualTo(2);
            // Closing our side ends the process's stdin: cat ends, and with it its connection.
            one.shutdownOutput();
            ByteBuffer rest = ByteBuffer.allocate(16);
            assertThat(one.read(rest)).isEqualTo(-1);
        }
        waitUntil(() -> bridge.running() == 0);
        assertThat(bridge.failure(0)).isEmpty();
    }

    @Test
    void closingEndsEveryProcessAndRemovesSocketAndFolder() throws Exception {
        bridge = SshBridge.open(List.of("sleep", "300"), Map.of("PATH", "/usr/bin:/bin"), tmp);
        Path socket = bridge.socket();
        try (SocketChannel one = connect(socket)) {
            waitUntil(() -> bridge.running() == 1);
            List<ProcessHandle> children = ProcessHandle.current().children()
                    .filter(p -> p.info().command().orElse("").endsWith("sleep")).toList();
            assertThat(children).isNotEmpty();
            bridge.close();
            assertThat(children).allSatisfy(p -> assertThat(p.isAlive()).isFalse());
            assertThat(socket).doesNotExist();
            assertThat(socket.getParent()).doesNotExist();
            assertThat(one.read(ByteBuffer.allocate(1))).isEqualTo(-1);
        }
    }

    @Test
    void aFailingProcessLeavesItsExitCodeAndLastWords() throws Exception {
        bridge = SshBridge.open(List.of("sh", "-c", "echo 'root@127.0.0.1: Permission denied (publickey).' >&2; exit 255"),
                Map.of("PATH", "/usr/bin:/bin"), tmp);
        try (SocketChannel one = connect(bridge.socket())) {
            one.write(ByteBuffer.wrap("GET /version HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
            assertThat(endOrReset(one)).isTrue();
        }
        Optional<SshBridge.Failure> failure = bridge.failure(3000);
        assertThat(failure).isPresent();
        assertThat(failure.get().exitCode()).isEqualTo(255);
        assertThat(failure.get().stderr()).contains("Permission denied (publickey)");
    }

    @Test
    void theProcessGetsTheEnvironmentDockerlesWasGiven() throws Exception {
        Path seen = tmp.resolve("env.txt");
        bridge = SshBridge.open(List.of("sh", "-c", "echo \"$SSH_AUTH_SOCK\" > " + seen), 
                Map.of("PATH", "/usr/bin:/bin", "SSH_AUTH_SOCK", "/tmp/agent.sock"), tmp);
        try (SocketChannel one = connect(bridge.socket())) {
            assertThat(one.read(ByteBuffer.allocate(16))).isEqualTo(-1);
        }
        waitUntil(() -> Files.exists(seen) && !readQuietly(seen).isEmpty());
        assertThat(readQuietly(seen).strip()).isEqualTo("/tmp/agent.sock");
    }

    @Test
    void ctrlCForTheWholeTerminalGroupDoesNotEndTheConnections() throws Exception {
        bridge = SshBridge.open(SshConnection.withoutCtrlC(List.of("sleep", "300"), "Linux"),
                Map.of("PATH", "/usr/bin:/bin"), tmp);
        try (SocketChannel one = connect(bridge.socket())) {
            waitUntil(() -> bridge.running() == 1);
            ProcessHandle sleep = ProcessHandle.current().children()
                    .filter(p -> p.info().command().orElse("").endsWith("sleep")).findFirst().orElseThrow();
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(sleep.pid())).start();
            assertThat(kill.waitFor()).isZero();
            assertThat(sleep.onExit().completeOnTimeout(null, 500, java.util.concurrent.TimeUnit.MILLISECONDS).get())
                    .as("still running after SIGINT").isNull();
            assertThat(sleep.isAlive()).isTrue();
            bridge.close();
            assertThat(sleep.isAlive()).isFalse();
        }
    }

    @Test
    void theCleanupHookWaitedForIsTheOneSectionRunRegisters() throws IOException {
        String sectionRun = Files.readString(Path.of("src/main/java/nl/dockerles/cli/SectionRun.java"));
        assertThat(sectionRun).contains("\"" + SshBridge.CLEANUP_HOOK + "\"");
    }

    /** The connection ended: an orderly end, or a reset when what we sent was never read. */
    private static boolean endOrReset(SocketChannel channel) {
        try {
            return channel.read(ByteBuffer.allocate(16)) == -1;
        } catch (IOException reset) {
            return true;
        }
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }

    private static SocketChannel connect(Path socket) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(socket));
        return channel;
    }

    private static String echo(SocketChannel channel, String text) throws IOException {
        channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
        ByteBuffer answer = ByteBuffer.allocate(64);
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (answer.position() < text.length() && System.nanoTime() < deadline) {
            if (channel.read(answer) < 0) {
                break;
            }
        }
        return new String(answer.array(), 0, answer.position(), StandardCharsets.UTF_8);
    }

    static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 5 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
