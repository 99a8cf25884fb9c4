package nl.dockerles.export;

import nl.dockerles.content.Catalog;
import nl.dockerles.content.SectionEntry;
import nl.dockerles.testing.FakeDocker;
import nl.dockerles.testing.FakeTime;
import nl.dockerles.testing.Golden;
import nl.dockerles.testing.Runs;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** demos/&lt;id&gt;.sh holds the same docker commands as the section; a missing or different one fails;
 * {@code -Dgolden.update=true} rewrites them. */
class ShellScriptTest {
    private final Catalog catalog = new Catalog();

    @Test
    void everyBuiltSectionHasItsScriptBesideIt() throws Exception {
        for (SectionEntry entry : catalog.entries()) {
            if (!catalog.isBuilt(entry.id())) {
                continue;
            }
            String script = ShellScript.of(catalog.section(entry.id()));
            Path file = Path.of("demos", entry.id() + ".sh");
            Golden.assertFile(script, file);
            file.toFile().setExecutable(true);
        }
    }

    /** What a user gets from {@code dockerles handout <id> --format sh} is the file in demos/, byte for byte. */
    @Test
    void theHandoutCommandWritesTheScriptOfDemos() throws Exception {
        for (SectionEntry entry : catalog.entries()) {
            if (!catalog.isBuilt(entry.id())) {
                continue;
            }
            FakeTime time = new FakeTime();
            Runs run = Runs.run(new FakeDocker(time), time, "handout", entry.id(), "--format", "sh");
            assertThat(run.exitCode()).as(entry.id()).isZero();
            assertThat(run.err()).as(entry.id()).isEmpty();
            assertThat(run.out()).as("dockerles handout " + entry.id() + " --format sh")
                    .isEqualTo(Files.readString(Path.of("demos", entry.id() + ".sh"), StandardCharsets.UTF_8));
        }
    }

    @Test
    void typedLinesGoThroughScriptAndTheShellIsLeftAsTheStepSays() {
        String sh = ShellScript.of(catalog.section("lifecycle"));
        assertThat(sh).contains("{ sleep 0.3; printf '%s\\n' 'ps ax'; sleep 0.3; printf '\\020\\021'; }"
                + " | script -qfec 'docker run -it --name demo busybox sh' /dev/null")
                .contains("\ndocker stop demo\n").contains("\ndocker run -d --init --name metinit busybox sleep 300\n")
                .contains("\ndocker rm -v demo zonderinit metinit\n");
    }
}
