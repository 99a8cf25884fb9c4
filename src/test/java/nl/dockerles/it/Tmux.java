package nl.dockerles.it;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The tmux command of the terminal tests: runs it, returns what it printed (stdout and stderr together). The
 * tests have a tmux server of their own (a socket named after this JVM): someone's {@code tmux kill-server} on
 * this machine, by hand or in another run, does not close their windows.
 */
final class Tmux {
    private static final String SOCKET = "dockerles-it-" + ProcessHandle.current().pid();

    private Tmux() {
    }

    static String tmux(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", SOCKET));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(10, TimeUnit.SECONDS);
        return out;
    }
}
