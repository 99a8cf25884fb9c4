package nl.dockerles.cmdline;

import java.util.List;

/** The subset of the docker CLI that the sections use, parsed from a step's command text. */
public sealed interface DockerCommand {

    /** {@code docker run}: everything from the options, then the image and the container's command. */
    record Run(boolean detach, boolean interactive, boolean tty, String name, boolean remove, List<String> publish,
               List<String> volumes, List<String> env, String restart, String user, boolean init, String image,
               List<String> command, String workdir) implements DockerCommand {

        /** Without {@code -w}. */
        public Run(boolean detach, boolean interactive, boolean tty, String name, boolean remove, List<String> publish,
                   List<String> volumes, List<String> env, String restart, String user, boolean init, String image,
                   List<String> command) {
            this(detach, interactive, tty, name, remove, publish, volumes, env, restart, user, init, image, command,
                    null);
        }
    }

    record Ps(boolean all, boolean quiet, List<String> filters) implements DockerCommand {
    }

    record Stop(Integer time, List<String> containers) implements DockerCommand {
    }

    record Start(boolean attach, boolean interactive, List<String> containers) implements DockerCommand {
    }

    record Rm(boolean force, boolean volumes, List<String> containers) implements DockerCommand {
    }

    record Exec(boolean interactive, boolean tty, String user, String container, List<String> command)
            implements DockerCommand {
    }

    record Logs(Integer tail, String container) implements DockerCommand {
    }

    record Attach(String container) implements DockerCommand {
    }

    record Commit(String message, List<String> changes, String container, String repository)
            implements DockerCommand {
    }

    record Diff(String container) implements DockerCommand {
    }

    record History(boolean noTrunc, String image) implements DockerCommand {
    }

    record Port(String container, String privatePort) implements DockerCommand {
    }

    record Inspect(String format, List<String> names) implements DockerCommand {
    }

    /** {@code docker build -t TAG [-f FILE] PATH}. */
    record Build(List<String> tags, String file, String path) implements DockerCommand {
    }

    record VolumeLs(boolean quiet, List<String> filters) implements DockerCommand {
    }

    /** {@code docker tag SOURCE TARGET}. */
    record Tag(String source, String target) implements DockerCommand {
    }

    record Push(String reference) implements DockerCommand {
    }

    record Pull(String reference) implements DockerCommand {
    }

    record Rmi(List<String> references) implements DockerCommand {
    }

    /** {@code docker save -o FILE IMAGE...}. */
    record Save(String output, List<String> images) implements DockerCommand {
    }

    /** {@code docker load -i FILE}. */
    record Load(String input) implements DockerCommand {
    }
}
