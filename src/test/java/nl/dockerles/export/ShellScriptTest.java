package nl.dockerles.export;

import nl.dockerles.content.Catalog;
import nl.dockerles.content.SectionEntry;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** demos/&lt;id&gt;.sh holds the same docker commands as the section; -Dgolden.update=true rewrites them. */
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
            if (Boolean.getBoolean("golden.update") || !Files.exists(file)) {
                Files.writeString(file, script, StandardCharsets.UTF_8);
                file.toFile().setExecutable(true);
            }
            assertThat(Files.readString(file, StandardCharsets.UTF_8)).as(file.toString()).isEqualTo(script);
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
