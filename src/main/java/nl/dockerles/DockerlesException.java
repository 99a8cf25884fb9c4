package nl.dockerles;

import java.util.List;

/**
 * A failure the user can act on: an exit code and a message key in {@code Messages*.properties}
 * (a Dutch sentence with a next step). The command line prints it; the cause only with --debug.
 */
public class DockerlesException extends RuntimeException {
    private final ExitCode exitCode;
    private final String key;
    private final transient List<Object> args;

    public DockerlesException(ExitCode exitCode, String key, Object... args) {
        this(exitCode, null, key, args);
    }

    public DockerlesException(ExitCode exitCode, Throwable cause, String key, Object... args) {
        super(key, cause);
        this.exitCode = exitCode;
        this.key = key;
        this.args = List.of(args);
    }

    public ExitCode exitCode() {
        return exitCode;
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return args.toArray();
    }
}
