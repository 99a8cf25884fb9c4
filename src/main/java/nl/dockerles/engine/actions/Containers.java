package nl.dockerles.engine.actions;

import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.Message;
import nl.dockerles.engine.ActionContext;
import nl.dockerles.daemon.ContainerInfo;

import java.util.Locale;
import java.util.Map;

/**
 * Small things the actions of this package share: the container a step names, seconds as the notes write them,
 * the daemon's socket in a shell line.
 */
final class Containers {
    /** Not a setting of the content: the socket of this run's daemon, put in by {@link #withSocket}. */
    private static final String SOCKET = "socket";

    private Containers() {
    }

    /** {@code with} and the socket of this run's daemon, for a shell line that reaches it by hand (asRun). */
    static Map<String, String> withSocket(ActionContext context, Map<String, String> with) {
        Map<String, String> run = new java.util.HashMap<>(with);
        run.put(SOCKET, nl.dockerles.daemon.DaemonAddress.socketPath(context.docker().host()));
        return run;
    }

    /** The socket for a shell line: this run's daemon's, or Docker's own (demos/&lt;id&gt;.sh). */
    static String socket(Map<String, String> with) {
        return with.getOrDefault(SOCKET, nl.dockerles.daemon.DaemonAddress.DOCKER_SOCKET);
    }

    static String name(Map<String, String> with) {
        String name = with.get("container");
        if (name == null || name.isBlank()) {
            throw new DockerlesException(ExitCode.CONTENT, "error.content.invalid", "with.container",
                    new Message("error.content.absent"));
        }
        return name.strip();
    }

    static ContainerInfo existing(ActionContext context, String name) {
        return context.docker().inspectContainer(name).orElseThrow(
                () -> new DockerlesException(ExitCode.DOCKER_ERROR, "error.container.missing", name));
    }

    static ContainerInfo running(ActionContext context, String name) {
        ContainerInfo container = existing(context, name);
        if (!container.running() || container.pid() <= 0) {
            throw new DockerlesException(ExitCode.DOCKER_ERROR, "error.container.notrunning", name);
        }
        return container;
    }

    /** The program the container runs ({@code .Path} of docker inspect), or null when the daemon does not say. */
    static String path(ActionContext context, String name) {
        return context.docker().inspectContainer(name)
                .map(container -> container.setup().path())
                .map(String::strip)
                .filter(path -> !path.isEmpty())
                .orElse(null);
    }

    /** "2,1" in Dutch, "2.1" in English: one decimal, as the notes write seconds. */
    static String seconds(Locale locale, double seconds) {
        return String.format(locale, "%.1f", seconds);
    }

    static int integer(Map<String, String> with, String key, int fallback) {
        String value = with.get(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new DockerlesException(ExitCode.CONTENT, "error.content.invalid", "with." + key, value);
        }
    }
}
