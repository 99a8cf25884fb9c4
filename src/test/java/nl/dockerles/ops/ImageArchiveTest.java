package nl.dockerles.ops;

import nl.dockerles.DockerlesException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageArchiveTest {
    @TempDir
    Path dir;

    /** As docker save lays it out: layers first, manifest.json near the end. */
    private Path archive(String manifest) throws IOException {
        Path file = dir.resolve("workshop.tar");
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(Files.newOutputStream(file))) {
            entry(tar, "0123abcd/layer.tar", new byte[20_000]);
            entry(tar, "0123abcd.json", "{}".getBytes(StandardCharsets.UTF_8));
            if (manifest != null) {
                entry(tar, "manifest.json", manifest.getBytes(StandardCharsets.UTF_8));
            }
            entry(tar, "repositories", "{}".getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    private static void entry(TarArchiveOutputStream tar, String name, byte[] content) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(content.length);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    @Test
    void readsTheTagsFromManifestJson() throws IOException {
        Path file = archive("[{\"Config\":\"a.json\",\"RepoTags\":[\"busybox:latest\"],\"Layers\":[]},"
                + "{\"Config\":\"b.json\",\"RepoTags\":[\"nginx:latest\",\"nginx:1.25\"],\"Layers\":[]}]");

        assertThat(ImageArchive.tags(file)).containsExactly("busybox:latest", "nginx:latest", "nginx:1.25");
        assertThat(ImageArchive.missing(file, List.of("busybox", "docker.io/library/nginx:latest", "postgres:latest")))
                .containsExactly("postgres:latest");
    }

    @Test
    void anArchiveWithoutManifestIsNoDockerSave() throws IOException {
        Path file = archive(null);

        assertThatThrownBy(() -> ImageArchive.tags(file)).isInstanceOf(DockerlesException.class)
                .extracting(e -> ((DockerlesException) e).key()).isEqualTo("error.archive.nomanifest");
    }

    @Test
    void referencesAreWrittenAsDockerSaveNamesThem() {
        assertThat(ImageArchive.normalize("busybox")).isEqualTo("busybox:latest");
        assertThat(ImageArchive.normalize("docker.io/library/postgres:16")).isEqualTo("postgres:16");
        assertThat(ImageArchive.normalize("docker.io/bitnami/redis")).isEqualTo("bitnami/redis:latest");
        assertThat(ImageArchive.normalize("localhost:5000/app")).isEqualTo("localhost:5000/app:latest");
        assertThat(ImageArchive.normalize("ghcr.io/x/y:2")).isEqualTo("ghcr.io/x/y:2");
    }
}
