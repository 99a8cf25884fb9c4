package nl.dockerles.room;

import nl.dockerles.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The page's server on loopback: the token, read-only, the event stream, and slow pages being dropped. */
class RoomServerTest {
    private final RoomPage page = new RoomPage(Messages.dutch());
    private final RoomFeed feed = new RoomFeed(page);
    private final RoomServer server = RoomServer.start(RoomAddress.parse("127.0.0.1"), feed, page);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(server.address().resolve(path)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void listensOnLoopbackWithARandomToken() {
        URI address = server.address();
        assertThat(address.getHost()).isEqualTo("127.0.0.1");
        assertThat(address.getPath()).matches("/[2-9a-z]{20}/");
        assertThat(RoomServer.token(new java.security.SecureRandom()))
                .isNotEqualTo(RoomServer.token(new java.security.SecureRandom()));
    }

    @Test
    void withoutTheTokenEverythingIs404() throws Exception {
        String token = server.address().getPath().replace("/", "");
        for (String path : List.of("/", "/events", "/favicon.ico", "/" + token.substring(1) + "/",
                "/" + token + "x/", "/" + token.toUpperCase() + "/", "/../" + token + "/")) {
            assertThat(get(path).statusCode()).as(path).isEqualTo(404);
        }
        assertThat(get("/" + token + "/").statusCode()).isEqualTo(200);
        assertThat(get("/" + token).statusCode()).isEqualTo(200);
        assertThat(get("/" + token + "/other").statusCode()).isEqualTo(404);
    }

    @Test
    void readOnlyNothingAcceptsInput() throws Exception {
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.address())
                    .method(method, HttpRequest.BodyPublishers.ofString("q")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(method).isEqualTo(404);
        }
    }

    @Test
    void thePageIsServedWithAStrictPolicy() throws Exception {
        feed.stepStarted(1, 2, "Starten", "uitleg", "docker ps");
        HttpResponse<String> response = get(server.address().getPath());
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        String policy = response.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("default-src 'none'").contains("connect-src 'self'").contains("script-src 'nonce-");
        String nonce = policy.replaceAll(".*script-src 'nonce-([^']+)'.*", "$1");
        assertThat(response.body()).contains("<script nonce=\"" + nonce + "\">").contains("Stap 1/2 · Starten");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    }

    @Test
    void eventsFollowTheFeedFromWhereThePageWas() throws Exception {
        feed.sectionStarted("Titel", "Intro", 2);
        feed.stepStarted(1, 2, "Een", "e", "docker ps");
        HttpRequest request = HttpRequest.newBuilder(server.address().resolve("events?seen=1"))
                .timeout(Duration.ofSeconds(10)).build();
        InputStream body = http.send(request, HttpResponse.BodyHandlers.ofInputStream()).body();
        BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        feed.output("regel 1\nregel 2\n");
        feed.note("klaar");
        feed.sectionEnded("einde");
        List<String> lines = new ArrayList<>();
        CompletableFuture.runAsync(() -> reader.lines().forEach(lines::add)).get(10, TimeUnit.SECONDS);
        String stream = String.join("\n", lines);
        assertThat(stream).doesNotContain("event: section")
                .contains("id: 2\nevent: step\ndata: <article data-step=\"1\">")
                .contains("id: 3\nevent: out\ndata: regel 1\ndata: regel 2\ndata: \n")
                .contains("id: 4\nevent: note\ndata: klaar\n")
                .contains("id: 5\nevent: end\ndata: einde\n");
    }

    @Test
    void aPageThatStopsReadingIsDroppedAndNeverSlowsThePresenter() throws Exception {
        String path = server.address().getPath() + "events";
        try (Socket stuck = new Socket(InetAddress.getLoopbackAddress(), server.address().getPort())) {
            stuck.setReceiveBufferSize(4096);
            stuck.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            stuck.getOutputStream().flush();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (feed.pages() == 0 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(feed.pages()).isEqualTo(1);
            feed.stepStarted(1, 1, "t", "e", "docker logs");
            String line = "x".repeat(1000) + "\n";
            long slowest = 0;
            long started = System.nanoTime();
            for (int i = 0; i < 5_000; i++) {
                long before = System.nanoTime();
                feed.output(line);
                slowest = Math.max(slowest, System.nanoTime() - before);
            }
            long took = System.nanoTime() - started;
            assertThat(feed.droppedPages()).as("the page that reads nothing is dropped").isEqualTo(1);
            assertThat(feed.pages()).isZero();
            assertThat(TimeUnit.NANOSECONDS.toMillis(slowest)).as("no output chunk waits for a page").isLessThan(1000);
            assertThat(TimeUnit.NANOSECONDS.toMillis(took)).as("5 MB of output").isLessThan(3000);
        }
    }
}
