package nl.dockerles.engine;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class LoopbackHttpTest {
    private static final Duration SECOND = Duration.ofSeconds(1);
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body;
            switch (exchange.getRequestURI().getPath()) {
                case "/" -> {
                    body = "<title>Welkom</title>".getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Server", "test/1.0");
                    exchange.sendResponseHeaders(200, body.length);
                }
                case "/weg" -> {
                    body = new byte[0];
                    exchange.getResponseHeaders().add("Location", "/");
                    exchange.sendResponseHeaders(301, -1);
                }
                default -> {
                    body = "niet hier".getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(404, body.length);
                }
            }
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Test
    void readsStatusHeadersAndBody() throws IOException {
        LoopbackHttp.Response response = LoopbackHttp.get(url("/"), "dockerles", SECOND, SECOND);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.statusLine()).startsWith("HTTP/1.1 200");
        assertThat(response.header("server")).contains("test/1.0");
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("<title>Welkom</title>");
    }

    @Test
    void anErrorStatusIsAnAnswerWithItsBody() throws IOException {
        LoopbackHttp.Response response = LoopbackHttp.get(url("/elders"), "dockerles", SECOND, SECOND);

        assertThat(response.status()).isEqualTo(404);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("niet hier");
    }

    @Test
    void doesNotFollowARedirect() throws IOException {
        LoopbackHttp.Response response = LoopbackHttp.get(url("/weg"), "dockerles", SECOND, SECOND);

        assertThat(response.status()).isEqualTo(301);
        assertThat(response.header("Location")).contains("/");
    }
}
