package nl.dockerles.it;

import static nl.dockerles.it.Tmux.tmux;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * demo --meekijken for real: the presenter walks lifecycle in tmux, a headless Chromium shows the page and
 * follows every step (read through the DevTools protocol), and a request without the token gets a 404.
 */
class RoomPageIT {
    private static final String SESSION = "dockerles-room-it-" + ProcessHandle.current().pid();
    private static final Pattern ADDRESS = Pattern.compile("Meekijken: (http://127\\.0\\.0\\.1:(\\d+)/([2-9a-z]{20})/)");
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private Process chromium;
    private Path profile;
    private DevTools devTools;

    @AfterEach
    void closeEverything() throws Exception {
        if (devTools != null) {
            devTools.close();
        }
        if (chromium != null) {
            chromium.descendants().forEach(ProcessHandle::destroy);
            chromium.destroy();
            if (!chromium.waitFor(10, TimeUnit.SECONDS)) {
                chromium.descendants().forEach(ProcessHandle::destroyForcibly);
                chromium.destroyForcibly();
            }
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
        tmux("kill-session", "-t", SESSION);
        assertThat(DaemonState.managedContainers("lifecycle")).isEmpty();
    }

    @Test
    void thePageFollowsThePresenterAndWithoutTheTokenThereIsNothing() throws Exception {
        String browser = chromiumBinary();
        String jar = Path.of(System.getProperty("dockerles.jar", "target/dockerles.jar")).toAbsolutePath().toString();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        tmux("new-session", "-d", "-s", SESSION, "-x", "110", "-y", "50",
                "sh -c '" + java + " -jar " + jar + " demo lifecycle --meekijken --lang nl; echo EXIT=$?; sleep 60'");
        String screen = awaitScreen("stap 1/10", Duration.ofSeconds(30));
        Matcher address = ADDRESS.matcher(screen);
        assertThat(address.find()).as(screen).isTrue();
        assertThat(screen).contains("Alleen op deze laptop").contains("█");
        String page = address.group(1);
        String origin = "http://127.0.0.1:" + address.group(2);
        String token = address.group(3);

        assertThat(status(origin + "/")).isEqualTo(404);
        assertThat(status(origin + "/events")).isEqualTo(404);
        assertThat(status(origin + "/" + token.substring(1) + "x/")).isEqualTo(404);
        assertThat(status(origin + "/" + token.toUpperCase() + "/events")).isEqualTo(404);
        assertThat(status(page)).isEqualTo(200);

        openInChromium(browser, page);
        JsonNode state = awaitPage(s -> s.get("status").asText().equals("live"), Duration.ofSeconds(30));
        assertThat(state.get("current").asText()).isEmpty();
        assertThat(state.get("title").asText()).isEqualTo("Het leven van een container");

        long pressed = System.nanoTime();
        tmux("send-keys", "-t", SESSION, "Enter");
        state = awaitPage(s -> s.get("current").asText().startsWith("Stap 1/10"), Duration.ofSeconds(10));
        long followed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - pressed);
        System.out.println("RoomPageIT: key press to step 1 on the page: " + followed + " ms");
        assertThat(followed).as("the page follows within a second").isLessThan(1000);
        assertThat(state.get("command").asText()).isEqualTo("docker run -it --name demo busybox sh");
        state = awaitPage(s -> !s.get("note").asText().isEmpty(), Duration.ofSeconds(30));
        assertThat(state.get("output").asText()).contains("ps ax").doesNotContain("\u001B");
        assertThat(state.get("note").asText()).contains("PID 1");
        awaitScreen("stap 2/10", Duration.ofSeconds(30));

        TimeUnit.MILLISECONDS.sleep(400); // a presenter's pace: a key right on the prompt counts as a double press
        tmux("send-keys", "-t", SESSION, "Enter");
        state = awaitPage(s -> s.get("current").asText().startsWith("Stap 2/10") && !s.get("note").asText().isEmpty(),
                Duration.ofSeconds(30));
        assertThat(state.get("command").asText()).isEqualTo("docker ps");
        assertThat(state.get("output").asText()).contains("CONTAINER ID").contains("demo");
        assertThat(state.get("earlier").toString()).contains("Stap 1/10");
        awaitScreen("stap 3/10", Duration.ofSeconds(30));

        TimeUnit.MILLISECONDS.sleep(400);
        tmux("send-keys", "-t", SESSION, "q");
        state = awaitPage(s -> s.get("status").asText().equals("ended"), Duration.ofSeconds(30));
        assertThat(state.get("closing").asText()).isEqualTo("De presentator heeft de demo gestopt.");
        assertThat(awaitScreen("EXIT=", Duration.ofSeconds(30))).contains("EXIT=0");
        assertThatThrownBy(() -> status(page)).as("q stopped the server").isInstanceOf(ConnectException.class);
    }

    /** Debian's chromium; CI installs it (.ci/docker-setup), so a missing one is a failure, not a skip. */
    private static String chromiumBinary() {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                File file = new File(dir, name);
                if (file.canExecute()) {
                    return file.getAbsolutePath();
                }
            }
        }
        throw new AssertionError("chromium is not installed: apt-get install chromium (.ci/docker-setup does)");
    }

    private void openInChromium(String browser, String page) throws Exception {
        profile = Files.createTempDirectory("dockerles-chromium");
        chromium = new ProcessBuilder(browser, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
                page)
                .redirectErrorStream(true).redirectOutput(profile.resolve("chromium.log").toFile()).start();
        Path portFile = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.exists(portFile) || Files.readString(portFile).lines().findFirst().isEmpty()) {
            assertThat(System.nanoTime()).as("chromium started its DevTools port").isLessThan(deadline);
            assertThat(chromium.isAlive()).as("chromium runs").isTrue();
            chromium.waitFor(100, TimeUnit.MILLISECONDS);
        }
        String port = Files.readString(portFile).lines().findFirst().orElseThrow().strip();
        String socket = null;
        while (socket == null) {
            assertThat(System.nanoTime()).as("chromium opened the page").isLessThan(deadline);
            String list = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
            for (JsonNode target : json.readTree(list)) {
                if (target.get("type").asText().equals("page") && target.get("url").asText().equals(page)) {
                    socket = target.get("webSocketDebuggerUrl").asText();
                }
            }
            if (socket == null) {
                chromium.waitFor(100, TimeUnit.MILLISECONDS);
            }
        }
        devTools = new DevTools(http, URI.create(socket), json);
    }

    private static final String STATE = """
            (() => {
              const text = selector => { const e = document.querySelector(selector); return e ? e.textContent : ""; };
              return JSON.stringify({
                status: document.getElementById("status") ? document.getElementById("status").className : "",
                title: text("#title"),
                current: text("#current h2"),
                command: text("#current .cmd pre"),
                output: text("#current pre.out"),
                note: text("#current .note"),
                earlier: [...document.querySelectorAll("#earlier h2")].map(h => h.textContent),
                closing: text("#closing")
              });
            })()""";

    /** Reads the page in the browser until it shows what is expected, at most {@code timeout}. */
    private JsonNode awaitPage(Predicate<JsonNode> expected, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode state = null;
        while (System.nanoTime() < deadline) {
            state = json.readTree(devTools.evaluate(STATE));
            if (expected.test(state)) {
                return state;
            }
            TimeUnit.MILLISECONDS.sleep(20); // polling the browser, bounded by the deadline
        }
        throw new AssertionError("the page did not show it within " + timeout + ": " + state);
    }

    private int status(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String awaitScreen(String text, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String screen = "";
        while (System.nanoTime() < deadline) {
            screen = tmux("capture-pane", "-p", "-J", "-t", SESSION, "-S", "-300");
            if (screen.contains(text)) {
                return screen;
            }
            TimeUnit.MILLISECONDS.sleep(50); // polling the screen, bounded by the deadline
        }
        throw new AssertionError("not on screen within " + timeout + ": " + text + "\n---\n" + screen);
    }

    /** The smallest part of the Chrome DevTools protocol: Runtime.evaluate over the page's WebSocket. */
    private static final class DevTools implements WebSocket.Listener, AutoCloseable {
        private final ObjectMapper json;
        private final WebSocket socket;
        private final Map<Integer, CompletableFuture<JsonNode>> answers = new ConcurrentHashMap<>();
        private final AtomicInteger ids = new AtomicInteger();
        private final StringBuilder partial = new StringBuilder();

        DevTools(HttpClient http, URI uri, ObjectMapper json) throws Exception {
            this.json = json;
            this.socket = http.newWebSocketBuilder().buildAsync(uri, this).get(10, TimeUnit.SECONDS);
        }

        String evaluate(String expression) throws Exception {
            int id = ids.incrementAndGet();
            CompletableFuture<JsonNode> answer = new CompletableFuture<>();
            answers.put(id, answer);
            String request = json.writeValueAsString(Map.of("id", id, "method", "Runtime.evaluate",
                    "params", Map.of("expression", expression, "returnByValue", true)));
            socket.sendText(request, true).get(5, TimeUnit.SECONDS);
            JsonNode result = answer.get(10, TimeUnit.SECONDS);
            JsonNode value = result.path("result").path("result").path("value");
            if (value.isMissingNode()) {
                throw new IOException("DevTools: " + result);
            }
            return value.asText();
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode message = json.readTree(partial.toString());
                    CompletableFuture<JsonNode> answer = message.has("id")
                            ? answers.remove(message.get("id").asInt()) : null;
                    if (answer != null) {
                        answer.complete(message);
                    }
                } catch (IOException ignored) {
                    // Not an answer of ours.
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null);
        }
    }
}
