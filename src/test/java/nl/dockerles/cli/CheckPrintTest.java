package nl.dockerles.cli;

import nl.dockerles.ops.Marks;
import nl.dockerles.ops.WorkshopCheck;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The advice under a line of check: one column for every line, short or long; long ones wrap under their text. */
class CheckPrintTest {

    @Test
    void adviceLinesStartInOneColumnWhateverTheirLength() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CheckCommand.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), new Marks(false),
                60, new WorkshopCheck.Line(WorkshopCheck.Status.FAILED, "Docker daemon: niet bereikbaar", List.of(
                        "Wat nu:",
                        "  - Linux: sudo systemctl start docker.",
                        "  - Mac of Windows: start Docker Desktop en wacht tot het zegt dat Docker draait.",
                        "Controleer daarna met: docker version")));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out.substring(out.indexOf('\n') + 1)).isEqualTo("""
                    Wat nu:
                      - Linux: sudo systemctl start docker.
                      - Mac of Windows: start Docker Desktop en wacht tot
                        het zegt dat Docker draait.
                    Controleer daarna met: docker version
                """);
    }
}
