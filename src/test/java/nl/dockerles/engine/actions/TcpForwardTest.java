package nl.dockerles.engine.actions;

import nl.dockerles.DockerlesException;
import nl.dockerles.Messages;
import nl.dockerles.daemon.DaemonInfo;
import nl.dockerles.testing.FakeDocker;
import nl.dockerles.testing.FakeTime;
import nl.dockerles.testing.Inspected;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * tcp-open and tcp-close: a port on 127.0.0.1 that passes bytes on to a unix socket, as socat does, and that
 * refuses connections once closed.
 */
class TcpForwardTest {
    private final ActionTesting testing = new ActionTesting();
    @TempDir
    Path dir;
    private ServerSocketChannel daemon;

    @AfterEach
    void closeEverything() throws IOException {
        TcpForward.closeCurrent();
        if (daemon != null) {
            daemon.close();
        }
    }

    @Test
    void bytesGoBothWaysAndAHalfCloseReachesTheDaemon() throws Exception {
        Path socket = upperCaseDaemon();
        try (TcpForward forward = TcpForward.open(freePort(), UnixDomainSocketAddress.of(socket))) {
            assertThat(forward).isNotNull();
            try (Socket client = new Socket(InetAddress.getByName("127.0.0.1"), forward.port())) {
                client.getOutputStream().write("ping\n".getBytes(StandardCharsets.US_ASCII));
                client.shutdownOutput(); // the daemon answers only after the end of what we send
                client.setSoTimeout(5000);
                assertThat(new String(client.getInputStream().readAllBytes(), StandardCharsets.US_ASCII))
                        .isEqualTo("PING\n");
            }
        }
    }

    @Test
    void openRecordsThePortAndCloseShowsTheRefusal() throws Exception {
        Path socket = upperCaseDaemon();
        FakeDocker docker = daemonAt("unix://" + socket);
        int preferred = freePort();

        String opened = new TcpOpenAction().run(testing.context(docker), Map.of("port", String.valueOf(preferred)));

        assertThat(opened).isEqualTo("tcp://127.0.0.1:" + preferred + " → unix://" + socket + "\n");
        assertThat(testing.facts.asMap()).containsEntry("tcp.port", String.valueOf(preferred))
                .containsEntry("tcp.host", "tcp://127.0.0.1:" + preferred)
                .containsEntry("tcp.target", "unix://" + socket);
        assertThat(TcpCloseAction.tryConnect(preferred)).isEqualTo("open");

        String closed = new TcpCloseAction().run(testing.context(docker), Map.of());

        assertThat(closed).isEqualTo("127.0.0.1:" + preferred + ": Connection refused\n");
        assertThat(testing.facts.get("tcp.closed")).isEqualTo("Connection refused");
        assertThat(TcpForward.current()).isNull();
    }

    @Test
    void aTakenPortIsReplacedByTheNextFreeOneAndThePresenterIsTold() throws Exception {
        Path socket = upperCaseDaemon();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            new TcpOpenAction().run(testing.context(daemonAt("unix://" + socket)),
                    Map.of("port", String.valueOf(port)));

            int chosen = Integer.parseInt(testing.facts.get("tcp.port"));
            assertThat(chosen).isGreaterThan(port);
            assertThat(testing.screen()).contains("Poort " + port + " is op deze machine al bezet; de daemon "
                    + "luistert nu op poort " + chosen + ".");
        }
    }

    @Test
    void aRepeatedOpenClosesTheEarlierPort() throws Exception {
        Path socket = upperCaseDaemon();
        FakeDocker docker = daemonAt("unix://" + socket);
        new TcpOpenAction().run(testing.context(docker), Map.of("port", String.valueOf(freePort())));
        int first = Integer.parseInt(testing.facts.get("tcp.port"));
        new TcpOpenAction().run(testing.context(docker), Map.of("port", String.valueOf(freePort())));

        // The accepting thread lets go of the closed port a moment later: poll, with a deadline.
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (TcpCloseAction.tryConnect(first).equals("open") && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(TcpCloseAction.tryConnect(first)).isNotEqualTo("open");
    }

    @Test
    void onlyUnixAndTcpDaemonsCanBePassedOn() {
        assertThat(TcpForward.target("tcp://10.0.0.5:2376")).isEqualTo(new InetSocketAddress("10.0.0.5", 2376));
        assertThat(TcpForward.target("unix:///var/run/docker.sock"))
                .isEqualTo(UnixDomainSocketAddress.of("/var/run/docker.sock"));
        assertThat(TcpForward.target("npipe:////./pipe/docker_engine")).isNull();
        assertThatThrownBy(() -> new TcpOpenAction().run(testing.context(daemonAt("npipe:////./pipe/docker_engine")),
                Map.of())).isInstanceOfSatisfying(DockerlesException.class, e -> assertThat(Messages.dutch().of(e))
                .contains("npipe:////./pipe/docker_engine").contains("unix://"));
    }

    @Test
    void theShellEquivalentsAreSocatAndKill() {
        assertThat(new TcpOpenAction().shell(Map.of())).isEqualTo(
                "socat TCP-LISTEN:2375,bind=127.0.0.1,reuseaddr,fork UNIX-CONNECT:/var/run/docker.sock &");
        assertThat(new TcpCloseAction().shell(Map.of())).isEqualTo("kill $!");
    }

    /** A unix-socket server that reads until the end of the request and answers it in capitals. */
    private Path upperCaseDaemon() throws IOException {
        Path socket = dir.resolve("d.sock");
        daemon = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        daemon.bind(UnixDomainSocketAddress.of(socket));
        Thread thread = new Thread(() -> {
            while (daemon.isOpen()) {
                try (SocketChannel client = daemon.accept()) {
                    InputStream in = Channels.newInputStream(client);
                    String request = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
                    client.write(ByteBuffer.wrap(request.toUpperCase().getBytes(StandardCharsets.US_ASCII)));
                } catch (IOException e) {
                    return;
                }
            }
        });
        thread.setDaemon(true);
        thread.start();
        return socket;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    private static FakeDocker daemonAt(String host) {
        FakeDocker fake = new FakeDocker(new FakeTime());
        fake.onDaemon = () -> Inspected.daemonAt(host);
        return fake;
    }
}
