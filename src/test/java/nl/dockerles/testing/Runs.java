package nl.dockerles.testing;

import nl.dockerles.cli.AppContext;
import nl.dockerles.cli.Dockerles;
import nl.dockerles.daemon.Docker;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;

/** Runs dockerles in-process, as a user would from the shell, and keeps what it printed. */
public record Runs(int exitCode, String out, String err) {

    public static Runs run(Docker docker, FakeTime time, String... args) {
        return run(env -> docker, time, Map.of("LANG", "C"), args);
    }

    public static Runs run(Function<Map<String, String>, Docker> docker, nl.dockerles.engine.TimeSource time,
                           Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        AppContext context = new AppContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new ByteArrayInputStream(new byte[0]), env,
                false, docker, time);
        int code = Dockerles.execute(args, context);
        return new Runs(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
