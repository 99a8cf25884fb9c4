package nl.dockerles.cli;

import nl.dockerles.docker.DockerConnector;
import nl.dockerles.daemon.Docker;
import nl.dockerles.engine.TimeSource;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * What a command may use from the outside world. Tests pass their own: a fake Docker, captured output,
 * an environment without DOCKER_HOST.
 *
 * @param terminal whether stdin and stdout are a terminal (then dockerles waits and uses colour)
 */
public record AppContext(PrintStream out, PrintStream err, InputStream in, Map<String, String> env,
                         boolean terminal, Function<Map<String, String>, Docker> docker, TimeSource time) {

    public static AppContext system() {
        Path home = Path.of(System.getProperty("user.home"));
        return new AppContext(System.out, System.err, System.in, System.getenv(), System.console() != null,
                env -> DockerConnector.connect(env, home), TimeSource.SYSTEM);
    }

    public Docker connect() {
        return docker.apply(env);
    }
}
