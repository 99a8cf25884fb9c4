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

    /**
     * This context with the connection to the daemon already on its way, on a thread of its own: for a command that
     * connects first thing ({@code demo --auto}), started before picocli reads the command line (50 to 70 ms). Its first
     * {@link #connect()} takes that connection (or its error); another one connects anew.
     */
    AppContext connectingAhead() {
        BackgroundSetUp<Docker> ahead = BackgroundSetUp.start("connect-ahead", this::connect);
        java.util.concurrent.atomic.AtomicBoolean taken = new java.util.concurrent.atomic.AtomicBoolean();
        return new AppContext(out, err, in, env, terminal,
                asked -> asked == env && taken.compareAndSet(false, true) ? ahead.get() : docker.apply(asked), time);
    }
}
