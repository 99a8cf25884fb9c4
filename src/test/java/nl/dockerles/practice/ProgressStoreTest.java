package nl.dockerles.practice;

import nl.dockerles.DockerlesException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where progress is kept, and that it survives a round trip. */
class ProgressStoreTest {
    @TempDir
    Path dir;

    private final ExerciseSet ports = new Course().load("ports");

    @Test
    void theXdgDataFolderFirstThenLocalShareAsTheReadmeSays() throws IOException {
        assertThat(ProgressStore.locate(Map.of("XDG_DATA_HOME", dir.toString(), "HOME", "/nergens")))
                .isEqualTo(dir.resolve("dockerles/progress.json"));
        assertThat(ProgressStore.locate(Map.of("XDG_DATA_HOME", "relatief", "HOME", dir.toString())))
                .as("a relative XDG_DATA_HOME is ignored, as the spec says; ~/.local/share even when it is not there yet")
                .isEqualTo(dir.resolve(".local/share/dockerles/progress.json"));
        Files.createDirectories(dir.resolve(".dockerles"));
        Files.writeString(dir.resolve(".dockerles/progress.json"), "{}");
        assertThat(ProgressStore.locate(Map.of("HOME", dir.toString())))
                .as("progress of an earlier version stays where it is").isEqualTo(dir.resolve(".dockerles/progress.json"));
        Files.createDirectories(dir.resolve(".local/share/dockerles"));
        Files.writeString(dir.resolve(".local/share/dockerles/progress.json"), "{}");
        assertThat(ProgressStore.locate(Map.of("HOME", dir.toString())))
                .isEqualTo(dir.resolve(".local/share/dockerles/progress.json"));
        assertThat(Files.readString(Path.of("README.md"))).contains("`$XDG_DATA_HOME/dockerles/progress.json`",
                "`~/.local/share/dockerles/`");
    }

    @Test
    void nothingYetIsAnEmptyProgress() {
        Progress progress = new ProgressStore(dir.resolve("a/b/progress.json")).load();
        assertThat(progress.doneCount(ports)).isZero();
        assertThat(progress.firstOpen(ports)).isZero();
    }

    @Test
    void doneAndStartedSurviveARoundTripAndResetForgets() {
        ProgressStore store = new ProgressStore(dir.resolve("deep/folder/progress.json"));
        Progress progress = store.load();
        Instant began = Instant.parse("2026-11-27T10:00:00Z");
        assertThat(progress.start("ports", "publish", began)).isEqualTo(began);
        assertThat(progress.start("ports", "publish", began.plusSeconds(60))).as("the first start stays")
                .isEqualTo(began);
        progress.markDone("ports", "publish", began.plusSeconds(30));
        progress.start("ports", "loopback", began.plusSeconds(30));
        progress.markDone("run", "detached", began);
        store.save(progress);

        Progress again = store.load();
        assertThat(again.isDone("ports", "publish")).isTrue();
        assertThat(again.started("ports", "publish")).isEmpty();
        assertThat(again.started("ports", "loopback")).contains(began.plusSeconds(30));
        assertThat(again.doneCount(ports)).isEqualTo(1);
        assertThat(again.firstOpen(ports)).isEqualTo(1);
        assertThat(again.doneCount()).isEqualTo(2);

        again.reset("ports");
        assertThat(again.doneCount(ports)).isZero();
        assertThat(again.isDone("run", "detached")).isTrue();
        again.resetAll();
        assertThat(again.doneCount()).isZero();
        assertThat(dir.resolve("deep/folder")).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void anExerciseThatNoLongerExistsDoesNotCount() {
        Progress progress = new Progress();
        progress.markDone("ports", "weg-uit-de-inhoud", Instant.EPOCH);
        assertThat(progress.doneCount(ports)).isZero();
    }

    @Test
    void anUnreadableFileSaysWhereAndWhatToDo() throws IOException {
        Path file = dir.resolve("progress.json");
        Files.writeString(file, "{ dit is geen json");
        assertThatThrownBy(() -> new ProgressStore(file).load())
                .isInstanceOfSatisfying(DockerlesException.class, e -> {
                    assertThat(e.key()).isEqualTo("oefen.error.progress.unreadable");
                    assertThat(e.args()[0]).isEqualTo(file);
                });
    }

    @Test
    void fieldsFromANewerVersionAreIgnored() throws IOException {
        Path file = dir.resolve("progress.json");
        Files.writeString(file, "{\"version\":2,\"later\":true,\"sections\":{\"ports\":{\"done\":"
                + "{\"publish\":\"2026-11-27T10:00:00Z\"},\"started\":{},\"notes\":\"x\"}}}");
        assertThat(new ProgressStore(file).load().isDone("ports", "publish")).isTrue();
    }
}
