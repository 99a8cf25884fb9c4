package nl.dockerles.engine.actions;

import nl.dockerles.DockerlesException;
import nl.dockerles.Messages;
import nl.dockerles.testing.FakeDocker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** list-owners prints what ls -ln prints, and picks a remark that is true for who runs dockerles. */
class ListOwnersActionTest {
    private static final Messages NL = Messages.dutch();
    private static final Messages EN = new Messages(Locale.ENGLISH);
    private final ActionTesting testing = new ActionTesting();
    private final ListOwnersAction action = new ListOwnersAction();
    @TempDir
    Path dir;

    @Test
    void listsTheFilesWithTheirNumericOwnersAsTheKernelGivesThem() throws Exception {
        Path file = Files.writeString(dir.resolve("vanmij"), "hallo");
        Files.createDirectory(dir.resolve("vol"));
        Files.createFile(dir.resolve(".verborgen"));
        int uid = (Integer) Files.getAttribute(file, "unix:uid");
        int gid = (Integer) Files.getAttribute(file, "unix:gid");
        Files.setLastModifiedTime(file, FileTime.from(testing.time.now().minusSeconds(60)));

        String output = action.run(testing.context(new FakeDocker(testing.time)),
                Map.of("path", dir.toString(), "file", "vanmij", "by", "me"));

        List<String> lines = output.lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).matches("-rw-r--r-- 1 " + uid + " " + gid + " +5 \\w{3} [ \\d]\\d \\d\\d:59 vanmij");
        assertThat(lines.get(1)).matches("drwxr-xr-x 2 " + uid + " " + gid + " +\\d+ \\w{3} [ \\d]\\d +[\\d:]+ vol");
        assertThat(testing.facts.asMap()).containsEntry("vanmij.uid", String.valueOf(uid))
                .containsEntry("vanmij.gid", String.valueOf(gid)).containsEntry("owner.uid", String.valueOf(uid))
                .containsKey("owner.remark");
        assertThat(testing.facts.get("owner.remark"))
                .isEqualTo(ListOwnersAction.remark(NL, uid, uid, "me"));
    }

    @Test
    void aFileThatIsNotThereIsAClearError() {
        assertThatThrownBy(() -> action.run(testing.context(new FakeDocker(testing.time)),
                Map.of("path", dir.toString(), "file", "vanroot")))
                .isInstanceOfSatisfying(DockerlesException.class, e -> assertThat(NL.of(e))
                        .startsWith("In " + dir + " staat geen vanroot"));
    }

    @Test
    void theRemarkIsTrueForRootAndForAnOrdinaryUser() {
        // An ordinary user: the container's root made a root file; --user made one of the user.
        assertThat(ListOwnersAction.remark(NL, 0, 1000, "root")).startsWith("Het bestand is van root (uid 0), "
                + "niet van jou (uid 1000)");
        assertThat(ListOwnersAction.remark(NL, 1000, 1000, "me")).startsWith("Het bestand is van jou (uid 1000)");
        // dockerles itself as root (CI): both files are root's, and the remark says why.
        assertThat(ListOwnersAction.remark(NL, 0, 0, "root")).contains("je draait dockerles zelf als root");
        assertThat(ListOwnersAction.remark(NL, 0, 0, "me")).contains("--user 0:0 is gewoon root");
        // Rootless Docker or Docker Desktop: the container's root comes out as the user.
        assertThat(ListOwnersAction.remark(NL, 1000, 1000, "root")).contains("rootless");
        assertThat(ListOwnersAction.remark(NL, 999, 1000, null)).isEqualTo(
                "Het bestand is van uid 999, en jij bent uid 1000: het is niet van jou.");
        assertThat(ListOwnersAction.remark(EN, 0, 1000, "root")).startsWith("The file belongs to root (uid 0)");
        assertThat(ListOwnersAction.remark(EN, 0, 0, "me")).contains("--user 0:0 is plain root");
    }

    @Test
    void modesAreWrittenAsLsWritesThem() {
        assertThat(ListOwnersAction.Entry.permissions(0100644)).isEqualTo("-rw-r--r--");
        assertThat(ListOwnersAction.Entry.permissions(040755)).isEqualTo("drwxr-xr-x");
        assertThat(ListOwnersAction.Entry.permissions(041777)).isEqualTo("drwxrwxrwt");
        assertThat(ListOwnersAction.Entry.permissions(0104755)).isEqualTo("-rwsr-xr-x");
        assertThat(ListOwnersAction.Entry.permissions(0120777)).isEqualTo("lrwxrwxrwx");
    }

    @Test
    void numberColumnsAreRightAlignedAndOldFilesShowTheYear() {
        Instant now = Instant.parse("2026-11-27T10:00:00Z");
        var entries = List.of(
                new ListOwnersAction.Entry("a", 0100644, 1, 0, 0, 5, now.minusSeconds(60)),
                new ListOwnersAction.Entry("b", 0100644, 1, 1000, 1000, 12345, Instant.parse("2025-01-02T10:00:00Z")));
        String[] lines = ListOwnersAction.render(entries, now).split("\n");
        assertThat(lines[0]).startsWith("-rw-r--r-- 1    0    0     5 Nov 27 ").endsWith(" a");
        assertThat(lines[1]).isEqualTo("-rw-r--r-- 1 1000 1000 12345 Jan  2  2025 b");
    }

    @Test
    void theShellEquivalentIsLsLn() {
        assertThat(action.shell(Map.of("path", "{workdir}"))).isEqualTo("ls -ln \"{workdir}\"");
    }
}
