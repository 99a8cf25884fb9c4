package nl.dockerles.engine.actions;

import com.sun.net.httpserver.HttpServer;
import nl.dockerles.DockerlesException;
import nl.dockerles.Messages;
import nl.dockerles.engine.ActionContext;
import nl.dockerles.daemon.ContainerInfo;
import nl.dockerles.daemon.DaemonInfo;
import nl.dockerles.engine.Facts;
import nl.dockerles.daemon.PortMapping;
import nl.dockerles.daemon.RunIdentity;
import nl.dockerles.engine.Workspace;
import nl.dockerles.testing.FakeDocker;
import nl.dockerles.testing.FakeTime;
import nl.dockerles.testing.Inspected;
import nl.dockerles.ui.Console;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** http-get against a small HTTP server on 127.0.0.1, behind a fake daemon that says where it is published. */
class HttpGetActionTest {
    private static final String PAGE = "<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>\n"
            + "</head>\n<body><h1>Welcome to nginx!</h1></body>\n</html>\n";
    private final HttpGetAction action = new HttpGetAction();
    private final List<HttpServer> servers = new ArrayList<>();
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final Facts facts = new Facts();

    @AfterEach
    void stopServers() {
        servers.forEach(server -> server.stop(0));
    }

    @Test
    void showsTheStatusLineTheHeadersAndTheTitleAndRecordsThem() throws Exception {
        int port = serve(0, 200, PAGE);
        FakeDocker docker = published("unix:///var/run/docker.sock",
                new PortMapping("127.0.0.1", port, 80, "tcp"));

        String output = action.run(context(docker), Map.of("container", "web", "port", "80",
                "host-port", String.valueOf(port)));

        assertThat(output).startsWith("HTTP/1.1 200\n")
                .contains("Server: nginx/1.22.1\n", "Content-Type: text/html\n",
                        "Content-Length: " + PAGE.length() + "\n")
                .endsWith("\n\n<title>Welcome to nginx!</title>\n")
                .doesNotContain("<h1>");
        assertThat(screen()).contains(output).contains("van de " + PAGE.length() + " bytes")
                .doesNotContain("bezet");
        assertThat(facts.asMap()).containsEntry("http.status", "200")
                .containsEntry("http.title", "Welcome to nginx!")
                .containsEntry("http.server", "nginx/1.22.1")
                .containsEntry("http.port", String.valueOf(port))
                .containsEntry("http.url", "http://127.0.0.1:" + port + "/")
                .containsEntry("web.http.status", "200")
                .containsEntry("web.http.port", String.valueOf(port));
    }

    @Test
    void followsAHostPortThatWasReplacedAndSaysSo() throws Exception {
        int port = serve(0, 200, PAGE);
        FakeDocker docker = published("unix:///var/run/docker.sock", new PortMapping("0.0.0.0", port, 80, "tcp"));

        action.run(context(docker), Map.of("container", "web", "port", "80", "host-port", "1"));

        assertThat(screen()).contains("web is gepubliceerd op poort " + port + ", omdat de gevraagde poort bezet was")
                .contains("http://127.0.0.1:" + port + "/");
        assertThat(facts.get("http.port")).isEqualTo(String.valueOf(port));
    }

    @Test
    void waitsForAServerThatStartsLate() throws Exception {
        int port = freePort();
        FakeDocker docker = published("unix:///var/run/docker.sock",
                new PortMapping("127.0.0.1", port, 80, "tcp"));
        CompletableFuture<Void> late = CompletableFuture.runAsync(() -> {
            try {
                serve(port, 404, "<html><title>Not Found</title></html>");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, CompletableFuture.delayedExecutor(700, TimeUnit.MILLISECONDS));

        long start = System.nanoTime();
        String output = action.run(context(docker), Map.of("container", "web", "timeout", "10"));
        late.get(5, TimeUnit.SECONDS);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(600));
        assertThat(output).startsWith("HTTP/1.1 404\n").contains("<title>Not Found</title>");
        assertThat(facts.get("http.title")).isEqualTo("Not Found");
    }

    @Test
    void givesUpAtTheDeadlineWithADutchMessage() throws Exception {
        int port = freePort();
        FakeDocker docker = published("unix:///var/run/docker.sock",
                new PortMapping("127.0.0.1", port, 80, "tcp"));

        long start = System.nanoTime();
        assertThatThrownBy(() -> action.run(context(docker), Map.of("container", "web", "timeout", "1")))
                .isInstanceOfSatisfying(DockerlesException.class, e -> assertThat(Messages.dutch().of(e))
                        .startsWith("Op http://127.0.0.1:" + port + "/ kwam binnen 1 seconden geen antwoord")
                        .contains("docker logs"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void anUnpublishedPortOrAnotherAddressOrARemoteDaemonIsAMessageNotARequest() {
        FakeDocker unpublished = published("unix:///var/run/docker.sock", new PortMapping(null, null, 80, "tcp"));
        assertThatThrownBy(() -> action.run(context(unpublished), Map.of("container", "web")))
                .isInstanceOfSatisfying(DockerlesException.class, e -> assertThat(Messages.dutch().of(e))
                        .contains("publiceert poort 80 niet").contains("-p 127.0.0.1:8080:80"));

        FakeDocker elsewhere = published("unix:///var/run/docker.sock",
                new PortMapping("192.168.1.20", 8080, 80, "tcp"));
        assertThatThrownBy(() -> action.run(context(elsewhere), Map.of("container", "web")))
                .isInstanceOfSatisfying(DockerlesException.class, e -> assertThat(Messages.dutch().of(e))
                        .contains("192.168.1.20:8080").contains("-p 127.0.0.1:8080:80"));

        FakeDocker remote = published("tcp://10.0.0.5:2376", new PortMapping("0.0.0.0", 8080, 80, "tcp"));
        assertThatThrownBy(() -> action.run(context(remote), Map.of("container", "web")))
                .isInstanceOfSatisfying(DockerlesException.class, e -> assertThat(Messages.dutch().of(e))
                        .contains("tcp://10.0.0.5:2376"));

        assertThatThrownBy(() -> action.run(context(remote), Map.of("container", "missing")))
                .isInstanceOf(DockerlesException.class);
    }

    @Test
    void theShellEquivalentIsCurlOnLoopback() {
        assertThat(action.shell(Map.of("container", "web", "port", "80", "host-port", "8080")))
                .isEqualTo("curl -si --retry 20 --retry-all-errors http://127.0.0.1:8080/");
        assertThat(action.shell(Map.of("container", "web", "port", "80", "host-port", "8081", "path", "index.html")))
                .isEqualTo("curl -si --retry 20 --retry-all-errors http://127.0.0.1:8081/index.html");
    }

    @Test
    void choosesTheTcpBindingWithAHostPortIpv4First() {
        List<PortMapping> ports = List.of(new PortMapping("::", 8080, 80, "tcp"),
                new PortMapping("0.0.0.0", 8080, 80, "tcp"), new PortMapping("0.0.0.0", 9000, 80, "udp"),
                new PortMapping(null, null, 443, "tcp"));
        assertThat(HttpGetAction.published(ports, 80)).get().extracting(PortMapping::hostIp).isEqualTo("0.0.0.0");
        assertThat(HttpGetAction.published(ports, 443)).isEmpty();
        assertThat(HttpGetAction.reachableOnLoopback("127.0.0.1")).isTrue();
        assertThat(HttpGetAction.reachableOnLoopback("")).isTrue();
        assertThat(HttpGetAction.reachableOnLoopback("10.1.2.3")).isFalse();
    }

    private ActionContext context(FakeDocker docker) {
        Console console = new Console(new PrintStream(screen, true, StandardCharsets.UTF_8), false, 100);
        return new ActionContext(docker, console, facts, RunIdentity.newRun("ports"), new FakeTime(),
                Messages.dutch(), true, new Workspace());
    }

    private String screen() {
        return screen.toString(StandardCharsets.UTF_8);
    }

    private int serve(int port, int status, String page) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", exchange -> {
            byte[] body = page.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Server", "nginx/1.22.1");
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        synchronized (servers) {
            servers.add(server);
        }
        return server.getAddress().getPort();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** A daemon whose container "web" publishes one port. */
    /** A daemon at {@code host} with one container, web, that publishes {@code mapping}. */
    private static FakeDocker published(String host, PortMapping mapping) {
        FakeDocker fake = new FakeDocker(new FakeTime());
        fake.onDaemon = () -> Inspected.daemonAt(host);
        fake.onInspectContainer = name -> !name.equals("web") ? Optional.empty()
                : Optional.of(Inspected.container("web").id("f".repeat(64)).image("nginx").publishes(mapping).build());
        return fake;
    }
}
