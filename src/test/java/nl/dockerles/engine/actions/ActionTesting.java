package nl.dockerles.engine.actions;

import nl.dockerles.Messages;
import nl.dockerles.engine.ActionContext;
import nl.dockerles.daemon.Docker;
import nl.dockerles.engine.Facts;
import nl.dockerles.daemon.RunIdentity;
import nl.dockerles.engine.Workspace;
import nl.dockerles.testing.FakeTime;
import nl.dockerles.ui.Console;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** An action's context for unit tests of the database, remote and volumes actions: a screen to read back. */
final class ActionTesting {
    final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    final Facts facts = new Facts();
    final FakeTime time = new FakeTime();

    ActionContext context(Docker docker) {
        return context(docker, Messages.dutch());
    }

    ActionContext english(Docker docker) {
        return context(docker, new Messages(Locale.ENGLISH));
    }

    private ActionContext context(Docker docker, Messages messages) {
        Console console = new Console(new PrintStream(screen, true, StandardCharsets.UTF_8), false, 100);
        return new ActionContext(docker, console, facts, RunIdentity.newRun("test"), time, messages, true,
                new Workspace());
    }

    String screen() {
        return screen.toString(StandardCharsets.UTF_8);
    }
}
