package nl.dockerles.it;

import com.github.dockerjava.api.model.Image;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static nl.dockerles.it.DatabaseIT.group;
import static nl.dockerles.it.DatabaseIT.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code dockerles demo distributie}: a registry on 127.0.0.1, a push that prints a digest, a second push of the
 * same image (a container's file did not go along: the same digest), a commit that moves the tag (another
 * digest), pull by tag and by digest, save and load. Afterwards no name of the section is left on the daemon, not
 * even a digest, and the registry's port is closed.
 */
class DistributieIT {
    private static final String SECTION = "distributie";
    private static final Duration LIMIT = Duration.ofSeconds(120);
    private static final String DIGEST = "(sha256:[0-9a-f]{64})";

    @AfterEach
    void nothingLeftBehind() {
        DaemonState.assertNothingLeft(SECTION);
        assertThat(references()).as("names of les/hallo on the daemon").noneMatch(name -> name.contains("les/hallo"));
    }

    @Test
    void anImageTravelsThroughTheRegistryByTagAndByDigestAndTheContainerStaysBehind() throws Exception {
        DockerlesJar.Result result = DockerlesJar.run(LIMIT, Map.of(), "demo", SECTION);
        Outputs.assertCleanRun(result);
        String out = result.out();

        int port = Integer.parseInt(group(out, "\\$ docker run -d --name registry -p 127\\.0\\.0\\.1:(\\d+):5000 registry:2"));
        String repository = "127.0.0.1:" + port + "/les/hallo";
        assertThat(step(out, 2)).contains("HTTP/1.1 200").contains("{\"repositories\":[]}");
        Path workdir = Path.of(group(step(out, 3), "\\$ docker build -t les/hallo (\\S+)"));

        assertThat(step(out, 4)).contains("$ docker tag les/hallo " + repository + ":1.0");
        String first = group(step(out, 5), "1\\.0: digest: " + DIGEST + " size: \\d+");
        // Podman names the tag too ("[…/les/hallo:1.0]") and reports no layers; Docker lists each one.
        assertThat(step(out, 5)).contains("The push refers to repository [" + repository);
        boolean layers = !podman();
        if (layers) {
            assertThat(step(out, 5)).containsPattern("[0-9a-f]{12}: Pushed");
        }

        // The container wrote a file; pushing the image again sends nothing new: the same digest.
        assertThat(step(out, 6)).contains("werkplek is klaar (exitcode 0)");
        String again = group(step(out, 7), "1\\.0: digest: " + DIGEST);
        assertThat(again).isEqualTo(first);
        if (layers) {
            assertThat(step(out, 7)).containsPattern("[0-9a-f]{12}: Layer already exists").doesNotContain(": Pushed");
        }

        // commit moves the tag: a new layer, another digest.
        String moved = group(step(out, 9), "1\\.0: digest: " + DIGEST);
        assertThat(moved).isNotEqualTo(first);
        if (layers) {
            assertThat(step(out, 9)).containsPattern("[0-9a-f]{12}: Pushed");
        }

        assertThat(step(out, 10)).contains("Untagged: " + repository + ":1.0").contains("Deleted: ");
        assertThat(DatabaseIT.flat(step(out, 11))).contains("digest " + moved);
        // The pulled image knows the digest it has in the registry (Docker 20.10 and the containerd store alike).
        assertThat(step(out, 12)).contains("[\"" + repository + "@" + moved + "\"]");
        assertThat(step(out, 13)).contains("$ docker pull " + repository + "@" + first);
        assertThat(DatabaseIT.flat(step(out, 13))).contains("Digest " + first + ": precies de eerste versie");
        String listing = group(step(out, 14), "(?s)\\$ docker run --rm \\S+ ls /\\R(.*?)\\R\\R");
        assertThat(listing.lines()).contains("hallo.txt").doesNotContain("notitie.txt");

        assertThat(DatabaseIT.flat(step(out, 15))).containsPattern("hallo\\.tar is [0-9.,]+ ?[kM]?B");
        assertThat(step(out, 16)).containsPattern("Loaded image: (localhost/)?les/hallo:latest");

        assertThat(Files.exists(workdir)).as(workdir + " removed").isFalse();
        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            }
        }).as("the registry's port is closed").isInstanceOf(java.io.IOException.class);
    }

    private static boolean podman() {
        return DaemonState.podman();
    }

    /** Every tag and digest on the daemon. */
    private static List<String> references() {
        List<String> names = new ArrayList<>();
        for (Image image : DaemonState.client().listImagesCmd().withShowAll(true).exec()) {
            if (image.getRepoTags() != null) {
                names.addAll(List.of(image.getRepoTags()));
            }
            if (image.getRepoDigests() != null) {
                names.addAll(List.of(image.getRepoDigests()));
            }
        }
        return names;
    }
}
