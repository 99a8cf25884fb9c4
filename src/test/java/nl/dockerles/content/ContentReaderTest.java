package nl.dockerles.content;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import nl.dockerles.DockerlesException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The content reader gives the records that Jackson's object mapper gave, for every file of the content. */
class ContentReaderTest {
    private final ObjectMapper jackson = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private record Contents(List<SectionEntry> sections) {
    }

    @Test
    void theTableOfContentsAsJacksonReadsIt() throws Exception {
        assertThat(ContentReader.contents(resource("sections.yaml"), "sections.yaml"))
                .isEqualTo(jackson.readValue(resource("sections.yaml"), Contents.class).sections());
    }

    @Test
    void everySectionAsJacksonReadsIt() throws Exception {
        Catalog catalog = new Catalog();
        int built = 0;
        for (SectionEntry entry : catalog.entries()) {
            if (catalog.isBuilt(entry.id())) {
                String file = entry.id() + ".yaml";
                assertThat(ContentReader.section(resource(file), file)).as(file)
                        .isEqualTo(jackson.readValue(resource(file), Section.class));
                built++;
            }
        }
        assertThat(built).isGreaterThan(5);
    }

    @Test
    void scalarsStayAsWritten() {
        Section section = ContentReader.section(yaml("""
                id: x
                steps:
                  - command: docker run
                    with: {port: 8080, version: 1.10, on: yes}
                """), "x.yaml");
        assertThat(section.steps().get(0).with()).containsEntry("port", "8080").containsEntry("version", "1.10")
                .containsEntry("on", "yes");
    }

    @Test
    void anUnknownFieldIsAnError() {
        assertThatThrownBy(() -> ContentReader.section(yaml("id: x\nstepz: []\n"), "x.yaml"))
                .isInstanceOf(DockerlesException.class).hasMessageContaining("error.content.invalid");
    }

    @Test
    void aFieldOfTheWrongShapeIsAnError() {
        assertThatThrownBy(() -> ContentReader.section(yaml("id: x\nsteps: {a: b}\n"), "x.yaml"))
                .isInstanceOf(DockerlesException.class).hasMessageContaining("error.content.invalid");
        assertThatThrownBy(() -> ContentReader.contents(yaml("sections:\n  - id: x\n    seconds: veel\n"), "s.yaml"))
                .isInstanceOf(DockerlesException.class).hasMessageContaining("error.content.invalid");
    }

    private static InputStream resource(String file) {
        return ContentReaderTest.class.getResourceAsStream("/demos/" + file);
    }

    private static InputStream yaml(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
