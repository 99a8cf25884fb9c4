package nl.dockerles.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.dockerles.testing.FakeDocker;
import nl.dockerles.testing.FakeTime;
import nl.dockerles.testing.Runs;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** demo --meekijken and handout --format cast|html, against the fake daemon. */
class RoomCommandsTest {

    @Test
    void handoutAsAsciicastIsARealRunWithItsTiming() throws Exception {
        FakeTime time = new FakeTime();
        Runs run = Runs.run(new FakeDocker(time), time, "handout", "lifecycle", "--format", "cast");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        ObjectMapper json = new ObjectMapper();
        JsonNode header = json.readTree(lines.get(0));
        assertThat(header.get("version").asInt()).isEqualTo(2);
        assertThat(header.get("title").asText()).isEqualTo("dockerles demo lifecycle");
        StringBuilder screen = new StringBuilder();
        double last = 0;
        for (String line : lines.subList(1, lines.size())) {
            JsonNode event = json.readTree(line);
            assertThat(event.get(1).asText()).isEqualTo("o");
            assertThat(event.get(0).asDouble()).isGreaterThanOrEqualTo(last);
            last = event.get(0).asDouble();
            screen.append(event.get(2).asText());
        }
        assertThat(screen.toString()).contains("docker run -it --name demo busybox sh").contains("\u001B[")
                .doesNotContainPattern("[^\r]\n");
        assertThat(last).as("docker stop waits 10 s on the fake clock too").isGreaterThanOrEqualTo(10.0);
    }

    @Test
    void handoutAsOnePageOfTheRun() {
        FakeTime time = new FakeTime();
        Runs run = Runs.run(new FakeDocker(time), time, "handout", "lifecycle", "--format", "html");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("<!DOCTYPE html>").contains("<html lang=\"nl\">")
                .contains("<pre>docker run -it --name demo busybox sh</pre>")
                .contains("Stap 10/10").contains("Stap 1/10").contains("data-events=\"\"")
                .doesNotContain("{{").doesNotContain("\u001B");
    }

    @Test
    void demoWithThePageShowsTheAddressAndAQrCodeAndStopsTheServerAtTheEnd() throws Exception {
        FakeTime time = new FakeTime();
        Runs run = Runs.run(new FakeDocker(time), time, "demo", "lifecycle", "--auto", "--meekijken");
        assertThat(run.exitCode()).as(run.err()).isZero();
        Matcher address = Pattern.compile("Meekijken: (http://127\\.0\\.0\\.1:\\d+/[2-9a-z]{20}/)").matcher(run.out());
        assertThat(address.find()).as(run.out()).isTrue();
        assertThat(run.out()).contains("Alleen op deze laptop").contains("▀").contains("Stap 1/10");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(URI.create(address.group(1)))
                .timeout(Duration.ofSeconds(2)).build(), java.net.http.HttpResponse.BodyHandlers.ofString()))
                .as("the server stopped with the section").isInstanceOf(java.io.IOException.class);
    }

    @Test
    void anAddressThatIsNoneIsAClearMessage() {
        FakeTime time = new FakeTime();
        Runs run = Runs.run(new FakeDocker(time), time, "demo", "--meekijken=999.1.1.1", "lifecycle", "--auto");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("\"999.1.1.1\" is geen adres om op te luisteren");
    }

    @Test
    void theSectionAfterTheOptionStaysTheSection() {
        FakeTime time = new FakeTime();
        Runs run = Runs.run(new FakeDocker(time), time, "demo", "--follow-along", "lifecycle", "--auto",
                "--lang", "en");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Follow along: http://127.0.0.1:").contains("Only this laptop");
    }
}
