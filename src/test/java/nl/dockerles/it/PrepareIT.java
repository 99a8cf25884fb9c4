package nl.dockerles.it;

import nl.dockerles.content.Catalog;
import nl.dockerles.ops.ImageArchive;
import nl.dockerles.ops.WorkshopNeeds;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code dockerles prepare} on this machine, as the built jar. There is no registry here: every pull fails at once,
 * and every image is local, so prepare goes on with what is here and says so per image.
 */
class PrepareIT {
    private static final Duration LIMIT = Duration.ofSeconds(180);
    private final List<String> images = WorkshopNeeds.of(new Catalog()).imageList();

    @Test
    void everyImageIsLocalSoPrepareSucceedsWithANotePerImage() throws Exception {
        DockerlesJar.Result result = DockerlesJar.run(LIMIT, Map.of(), "prepare");

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(result.out()).contains("De images van de workshop ophalen (" + images.size() + ", een paar tegelijk)");
        for (String image : images) {
            // Offline (Docker 20.10 here): the pull fails and the image is used as it is; with a registry (the
            // mirror): pulled, or it was there and the registry has nothing newer.
            assertThat(result.out()).containsPattern(Pattern.quote(image) + ": (ophalen lukte niet \\(.+\\), maar het image is er al;"
                    + " de workshop gebruikt dat\\.|opgehaald\\.|was er al, en de registry heeft niets nieuwers\\.)");
        }
        assertThat(result.out()).contains("Alle " + images.size() + " images van de workshop zijn er.")
                .doesNotContain("\u001B[").doesNotContain("SLF4J");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void saveThenLoadRoundTrip() throws Exception {
        Map<String, String> ids = new LinkedHashMap<>();
        for (String image : images) {
            ids.put(image, DaemonState.client().inspectImageCmd(image).exec().getId());
        }
        Path dir = Files.createTempDirectory("dockerles-prepare-it");
        Path archive = dir.resolve("workshop.tar");
        try {
            DockerlesJar.Result saved = DockerlesJar.run(LIMIT, Map.of(), "prepare", "--save", archive.toString());

            assertThat(saved.exitCode()).as(saved.out() + saved.err()).isZero();
            assertThat(archive).isRegularFile();
            assertThat(ImageArchive.tags(archive)).containsAll(images);
            assertThat(saved.out()).contains("Alle images opslaan in " + archive)
                    .contains("bevat alle " + images.size() + " images: " + String.join(", ", images))
                    .contains("dockerles prepare --load " + archive);
            assertThat(dir).isDirectoryNotContaining(path -> path.getFileName().toString().endsWith(".deel"));

            DockerlesJar.Result loaded = DockerlesJar.run(LIMIT, Map.of(), "prepare", "--load", archive.toString());

            assertThat(loaded.exitCode()).as(loaded.out() + loaded.err()).isZero();
            assertThat(loaded.out()).contains("Images laden uit " + archive).contains("Geladen: ")
                    .contains("Alle " + images.size() + " images van de workshop zijn er: " + String.join(", ", images))
                    .doesNotContain("ophalen");
            for (String image : images) {
                assertThat(loaded.out()).contains(image);
                assertThat(DaemonState.client().inspectImageCmd(image).exec().getId()).as(image)
                        .isEqualTo(ids.get(image));
            }
        } finally {
            Files.deleteIfExists(archive);
            Files.deleteIfExists(dir);
        }
    }

    @Test
    void loadingAFileThatIsNotThereIsAUsageError() throws Exception {
        DockerlesJar.Result result = DockerlesJar.run(LIMIT, Map.of(), "prepare", "--load", "/tmp/bestaat-niet-dockerles.tar");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Het bestand /tmp/bestaat-niet-dockerles.tar bestaat niet.");
    }
}
