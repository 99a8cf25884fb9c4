package nl.dockerles.it;

import com.github.dockerjava.api.exception.NotFoundException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code dockerles demo snapshots} against the real daemon, run as the built jar: foo lives in firstbusybox's
 * own layer (diff: A /foo), commit makes an image with foo, history shows the commit on top, and the committed
 * image is gone after the run.
 */
class SnapshotsIT {
    private static final String SECTION = "snapshots";
    private static final Duration LIMIT = Duration.ofSeconds(90);

    @AfterEach
    void nothingLeftBehind() {
        DaemonState.assertNothingLeft(SECTION);
    }

    @Test
    void fooIsInTheContainersLayerThenInTheCommittedImage() throws Exception {
        boolean metfooExistedBefore = Outputs.imageExists("metfoo");

        DockerlesJar.Result result = DockerlesJar.run(LIMIT, Map.of(), "demo", SECTION);

        Outputs.assertCleanRun(result);
        String out = result.out();
        String flat = Outputs.flat(out);
        // touch foo in firstbusybox; a new container has no foo; firstbusybox still has it.
        assertThat(out).containsPattern("\\$ docker run -it --name firstbusybox busybox sh\\R(?:.*\\R)*?/ # touch foo\\R")
                .containsPattern("\\$ docker run -it --rm busybox sh\\R(?:.*\\R)*?/ # ls foo\\R"
                        + "ls: foo: No such file or directory\\R")
                .containsPattern("\\$ docker start -ai firstbusybox\\R(?:.*\\R)*?/ # ls foo\\Rfoo\\R");
        assertThat(flat).contains("\"No such file or directory\", en ook ls laat in / geen foo zien")
                .contains("firstbusybox heeft nu de status exited (exitcode 0)");

        // docker diff: foo was added to the container's own layer.
        Matcher diff = Pattern.compile("\\$ docker diff firstbusybox\\R((?:[ACD] \\S+\\R)+)").matcher(out);
        assertThat(diff.find()).as(out).isTrue();
        assertThat(diff.group(1).lines()).contains("A /foo");
        long changes = diff.group(1).lines().count();
        assertThat(flat).contains("Aantal verschillen hier: " + changes + ".");

        // commit: a new image; a container from it has the empty file /foo from the start.
        Matcher commit = Pattern.compile("\\$ docker commit firstbusybox metfoo\\Rsha256:([0-9a-f]{64})\\R")
                .matcher(out);
        assertThat(commit.find()).as(out).isTrue();
        String imageId = commit.group(1);
        String shortId = imageId.substring(0, 12);
        assertThat(flat).contains("Het image metfoo (" + shortId + ")");
        assertThat(out).containsPattern("\\$ docker run --rm metfoo ls -l /foo\\R-rw-r--r--\\s+1 root\\s+root\\s+0 .+ /foo\\R");

        // history: the commit is the newest layer, made by firstbusybox's command (sh); busybox lies below.
        Matcher history = Pattern.compile("\\$ docker history metfoo\\R(IMAGE +CREATED +CREATED BY .*)\\R((?:.+\\R)+)")
                .matcher(out);
        assertThat(history.find()).as(out).isTrue();
        String[] rows = history.group(2).split("\\R");
        assertThat(rows[0]).startsWith(shortId + " ").containsPattern("ago +(/bin/)?sh +[0-9.]+k?B"); // 0B on overlay2, 4.1kB with containerd; Podman: /bin/sh
        String busybox = DaemonState.client().inspectImageCmd("busybox:latest").exec().getId();
        assertThat(rows[rows.length - 1]).startsWith(busybox.replaceFirst("^sha256:", "").substring(0, 12));
        assertThat(flat).contains(rows.length + " regels in totaal");

        // After the run: the committed image is gone, and with it the name metfoo (unless it was someone's before).
        // "sha256:" before the id: Podman refuses a bare 64-character id as a name.
        assertThatThrownBy(() -> DaemonState.client().inspectImageCmd("sha256:" + imageId).exec())
                .isInstanceOf(NotFoundException.class);
        if (!metfooExistedBefore) {
            assertThatThrownBy(() -> DaemonState.client().inspectImageCmd("metfoo").exec())
                    .isInstanceOf(NotFoundException.class);
        }
        assertThat(flat).containsPattern("Opgeruimd wat deze demo maakte: .*firstbusybox.*metfoo:latest");
    }

    @Test
    void theEnglishNarrationIsFilledToo() throws Exception {
        DockerlesJar.Result result = DockerlesJar.run(LIMIT, Map.of(), "demo", SECTION, "--lang", "en");

        Outputs.assertCleanRun(result);
        assertThat(Outputs.flat(result.out())).contains("firstbusybox now has the status exited (exit code 0)")
                .contains("\"No such file or directory\", and ls shows no foo in / either")
                .containsPattern("For firstbusybox: \\w+\\. Docker started with AUFS\\. This daemon ");
    }

}
