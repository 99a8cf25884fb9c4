package nl.dockerles.engine.actions;

import nl.dockerles.Messages;
import nl.dockerles.engine.ActionContext;
import nl.dockerles.daemon.Docker;
import nl.dockerles.engine.Facts;
import nl.dockerles.daemon.RunIdentity;
import nl.dockerles.engine.TimeSource;
import nl.dockerles.engine.Workspace;
import nl.dockerles.testing.FakeTime;
import nl.dockerles.ui.Console;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The surroundings of the isolation, run and restart actions in unit tests: a screen to read back, facts,
 * a clock, and a fake /proc to look at.
 */
final class ProcessActionTesting {
    final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    final Facts facts = new Facts();
    final FakeTime time = new FakeTime();

    ActionContext context(Docker docker, String section, boolean auto) {
        return context(docker, section, auto, Messages.dutch());
    }

    ActionContext context(Docker docker, String section, boolean auto, Messages messages) {
        return context(docker, section, auto, messages, time);
    }

    ActionContext context(Docker docker, String section, boolean auto, Messages messages, TimeSource clock) {
        Console console = new Console(new PrintStream(screen, true, StandardCharsets.UTF_8), false, 100);
        return new ActionContext(docker, console, facts, RunIdentity.newRun(section), clock, messages, auto,
                new Workspace());
    }

    static Messages english() {
        return new Messages(Locale.ENGLISH);
    }

    String screen() {
        return screen.toString(StandardCharsets.UTF_8);
    }

    /** A /proc with one container process (sh, PID 4242, parent containerd-shim 4200) and namespaces. */
    static Path fakeProc(Path root) throws IOException {
        Path proc = root.resolve("proc");
        write(proc.resolve("4242/status"), "Name:\tsh\nUmask:\t0022\nState:\tS (sleeping)\nPid:\t4242\nPPid:\t4200\n"
                + "Uid:\t0\t0\t0\t0\nGid:\t0\t0\t0\t0\n");
        Files.write(proc.resolve("4242/cmdline"), "sh\0".getBytes(StandardCharsets.UTF_8));
        write(proc.resolve("4200/status"), "Name:\tcontainerd-shim\nPPid:\t1\nUid:\t0\t0\t0\t0\n");
        write(proc.resolve("sys/kernel/pid_max"), "32768\n");
        for (String kind : NamespacesAction.KINDS) {
            boolean shared = kind.equals("user") || kind.equals("cgroup");
            String own = kind + ":[40265318" + kind.length() + "0]";
            link(proc.resolve("self/ns/" + kind), own);
            link(proc.resolve("4242/ns/" + kind), shared ? own : kind + ":[40265322" + kind.length() + "5]");
        }
        write(root.resolve("passwd"), "root:x:0:0:root:/root:/bin/bash\nnobody:x:65534:65534::/:/usr/sbin/nologin\n");
        return proc;
    }

    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    static void link(Path link, String target) throws IOException {
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, Path.of(target));
    }
}
