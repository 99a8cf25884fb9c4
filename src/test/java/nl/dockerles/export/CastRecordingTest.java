package nl.dockerles.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.dockerles.testing.FakeTime;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** asciicast v2: a header, then [seconds, "o", text] lines with the time each piece was printed. */
class CastRecordingTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void headerAndTimedOutputEvents() throws Exception {
        FakeTime time = new FakeTime();
        CastRecording cast = new CastRecording(time, 100, 40, "dockerles demo lifecycle");
        cast.output("\u001B[1m$ docker ps\u001B[0m\n");
        time.advance(Duration.ofMillis(1250));
        cast.output("CONTAINER ID\r\n\"quoted\" ✓\n");
        cast.output("");

        List<String> lines = cast.text().lines().toList();
        assertThat(lines).hasSize(3);
        JsonNode header = json.readTree(lines.get(0));
        assertThat(header.get("version").asInt()).isEqualTo(2);
        assertThat(header.get("width").asInt()).isEqualTo(100);
        assertThat(header.get("height").asInt()).isEqualTo(40);
        assertThat(header.get("timestamp").asLong()).isEqualTo(time.now().minus(Duration.ofMillis(1250)).getEpochSecond());
        assertThat(header.get("title").asText()).isEqualTo("dockerles demo lifecycle");

        JsonNode first = json.readTree(lines.get(1));
        assertThat(first.get(0).asDouble()).isEqualTo(0.0);
        assertThat(first.get(1).asText()).isEqualTo("o");
        assertThat(first.get(2).asText()).isEqualTo("\u001B[1m$ docker ps\u001B[0m\r\n");
        JsonNode second = json.readTree(lines.get(2));
        assertThat(second.get(0).asDouble()).isEqualTo(1.25);
        assertThat(second.get(2).asText()).as("a terminal's \\r\\n stays, a lone \\n gets its \\r")
                .isEqualTo("CONTAINER ID\r\n\"quoted\" ✓\r\n");
    }

    @Test
    void aCarriageReturnAtTheEndOfOneChunkAndTheNewlineInTheNext() throws Exception {
        FakeTime time = new FakeTime();
        CastRecording cast = new CastRecording(time, 80, 24, "t");
        cast.output("a\r");
        cast.output("\nb");
        List<String> lines = cast.text().lines().toList();
        assertThat(json.readTree(lines.get(1)).get(2).asText()).isEqualTo("a\r");
        assertThat(json.readTree(lines.get(2)).get(2).asText()).isEqualTo("\nb");
    }
}
