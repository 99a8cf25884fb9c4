package nl.dockerles.docker;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class BuildContextTest {

    @Test
    void allLabelsOnOneSortedLineQuotedOnlyWhereNeeded() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("nl.dockerles.section", "layers");
        labels.put("nl.dockerles.managed", "true");
        labels.put("nl.dockerles.prefix", "");
        labels.put("nl.dockerles.note", "a \"b\" $HOME");

        assertThat(BuildContext.labelLine(labels)).isEqualTo("LABEL nl.dockerles.managed=true"
                + " nl.dockerles.note=\"a \\\"b\\\" \\$HOME\" nl.dockerles.prefix=\"\" nl.dockerles.section=layers");
    }

    @Test
    void theLineComesAfterTheLastInstructionWithOrWithoutAFinalNewline() {
        Map<String, String> labels = Map.of("a", "1");
        assertThat(BuildContext.withLabelLine("FROM busybox\n", labels)).isEqualTo("FROM busybox\nLABEL a=1\n");
        assertThat(BuildContext.withLabelLine("FROM busybox", labels)).isEqualTo("FROM busybox\nLABEL a=1\n");
    }

    @Test
    void theContextKeepsItsFilesHonoursDockerignoreAndOnlyTheDockerfileChanges(@TempDir Path folder)
            throws IOException {
        Files.writeString(folder.resolve("Dockerfile"), "FROM busybox\nCOPY . /app\n");
        Files.writeString(folder.resolve("groet.sh"), "echo hallo\n");
        Files.createDirectories(folder.resolve("sub"));
        Files.writeString(folder.resolve("sub/data.txt"), "data\n");
        Files.writeString(folder.resolve("geheim.txt"), "niet meesturen\n");
        Files.writeString(folder.resolve(".dockerignore"), "geheim.txt\n");

        Map<String, String> files = read(BuildContext.withLabels(folder, folder.resolve("Dockerfile"),
                Map.of("nl.dockerles.managed", "true")));

        assertThat(files).containsEntry("Dockerfile", "FROM busybox\nCOPY . /app\nLABEL nl.dockerles.managed=true\n")
                .containsEntry("groet.sh", "echo hallo\n")
                .containsEntry("sub/data.txt", "data\n")
                .doesNotContainKey("geheim.txt");
    }

    private static Map<String, String> read(InputStream tar) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(tar)) {
            for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.isFile()) {
                    files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return files;
    }
}
