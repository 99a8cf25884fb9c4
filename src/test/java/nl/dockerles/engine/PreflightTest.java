package nl.dockerles.engine;

import nl.dockerles.Messages;
import nl.dockerles.content.Section;
import nl.dockerles.content.Step;
import nl.dockerles.content.Text;
import nl.dockerles.daemon.RunIdentity;
import nl.dockerles.testing.FakeDocker;
import nl.dockerles.testing.FakeTime;
import nl.dockerles.ui.Console;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class PreflightTest {

    @Test
    void aTakenPortBehindClusteredDpGetsAFreeOneAndTheCommandShowsIt() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = taken.getLocalPort();
            String command = "docker run -dp 127.0.0.1:" + port + ":80 --name web nginx";
            Section section = new Section("ports", List.of(), Text.of("intro"), List.of(step(command)),
                    Text.of("outro"));
            Facts facts = new Facts();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8), false, 100);

            new Preflight(new FakeDocker(new FakeTime()), console, new Messages(Locale.ENGLISH))
                    .prepare(section, RunIdentity.newRun("ports"), facts);

            String chosen = facts.get("port." + port);
            assertThat(chosen).isNotNull().isNotEqualTo(Integer.toString(port));
            assertThat(out.toString(StandardCharsets.UTF_8)).contains(Integer.toString(port)).contains(chosen);
            assertThat(HostPorts.rewrite(command, facts))
                    .isEqualTo("docker run -dp 127.0.0.1:" + chosen + ":80 --name web nginx");
        }
    }

    private static Step step(String command) {
        return new Step(Text.of("title"), null, command, null, null, null, null, null, null, null);
    }
}
