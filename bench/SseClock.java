import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * bench/room.sh: one page of demo --meekijken that prints the wall-clock time (ns since the epoch) at which
 * each event arrives, as "NANOS TYPE". Run with: java bench/SseClock.java URL
 */
public class SseClock {
    public static void main(String[] args) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(args[0] + "events")).build();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                http.send(request, HttpResponse.BodyHandlers.ofInputStream()).body(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("event: ")) {
                    Instant now = Instant.now();
                    System.out.println((now.getEpochSecond() * 1_000_000_000L + now.getNano()) + " "
                            + line.substring(7));
                    System.out.flush();
                }
            }
        }
    }
}
