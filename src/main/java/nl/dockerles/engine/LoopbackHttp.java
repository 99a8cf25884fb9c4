package nl.dockerles.engine;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One plain HTTP/1.1 GET to a port on 127.0.0.1, never through a proxy, never following a redirect.
 *
 * <p>Why not {@code java.net.http.HttpClient}: its selector thread waits in native code, and the JVM then
 * spends 300 ms at {@code System.exit} waiting for it. A {@link HttpURLConnection} runs on the caller's thread
 * and leaves nothing running.
 */
public final class LoopbackHttp {
    private LoopbackHttp() {
    }

    /** What came back: the status, the headers by name (case as the server sent them) and the body. */
    public record Response(int status, Map<String, List<String>> headers, byte[] body) {

        public Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .findFirst();
        }

        /** "HTTP/1.1 200 OK": the one header line without a name. */
        public String statusLine() {
            return headers.entrySet().stream().filter(e -> e.getKey() == null)
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse("");
        }
    }

    /** The JDK's HTTP client made ready (its classes, its settings), without connecting anywhere. */
    public static void warmUp() {
        try {
            HttpURLConnection connection = (HttpURLConnection) new URL("http://127.0.0.1/").openConnection(Proxy.NO_PROXY);
            connection.setRequestProperty("User-Agent", "dockerles");
            connection.getRequestProperties();
        } catch (IOException | RuntimeException e) {
            // only a head start
        }
    }

    public static Response get(String url, String userAgent, Duration connectTimeout, Duration readTimeout)
            throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection(Proxy.NO_PROXY);
        try {
            connection.setInstanceFollowRedirects(false);
            connection.setUseCaches(false);
            connection.setConnectTimeout((int) connectTimeout.toMillis());
            connection.setReadTimeout((int) readTimeout.toMillis());
            connection.setRequestProperty("User-Agent", userAgent);
            int status = connection.getResponseCode();
            // A 4xx/5xx answer is an answer too: its body is on the error stream.
            InputStream stream = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            byte[] body = stream == null ? new byte[0] : readAll(stream);
            return new Response(status, connection.getHeaderFields(), body);
        } finally {
            connection.disconnect();
        }
    }

    private static byte[] readAll(InputStream stream) throws IOException {
        try (stream) {
            return stream.readAllBytes();
        }
    }
}
