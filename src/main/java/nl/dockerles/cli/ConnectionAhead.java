package nl.dockerles.cli;

import nl.dockerles.engine.Docker;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Connects to the daemon on a second thread from the first moment, when the command line names a command
 * that needs the daemon: reading the command line and the content take about 0.2 s of a start, connecting
 * about 0.1 s, and the machine has more than one core. The command's first connection with the same
 * environment gets this one, or its error, as if it had been made on the command's own thread.
 */
final class ConnectionAhead implements Function<Map<String, String>, Docker> {
    private static final Set<String> DAEMON_COMMANDS = Set.of("demo", "handout", "oefen", "check", "prepare",
            "cleanup");
    private static final Set<String> OPTIONS_WITH_VALUE = Set.of("--lang", "--prefix");

    private final Function<Map<String, String>, Docker> connect;
    private final Map<String, String> env;
    private final CompletableFuture<Docker> docker = new CompletableFuture<>();
    private final AtomicBoolean taken = new AtomicBoolean();

    private ConnectionAhead(Function<Map<String, String>, Docker> connect, Map<String, String> env) {
        this.connect = connect;
        this.env = env;
    }

    /** The context to run {@code args} with: connecting already when the command will need the daemon. */
    static AppContext forCommandLine(AppContext context, String[] args) {
        if (!DAEMON_COMMANDS.contains(commandName(args)) || List.of(args).contains("--help")) {
            return context;
        }
        ConnectionAhead ahead = new ConnectionAhead(context.docker(), context.env());
        Thread thread = new Thread(ahead::connectNow, "dockerles-connect");
        thread.setDaemon(true);
        thread.start();
        return new AppContext(context.out(), context.err(), context.in(), context.env(), context.terminal(), ahead,
                context.time());
    }

    /** The first word that is neither an option nor the value of one: picocli decides, this only guesses. */
    static String commandName(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (OPTIONS_WITH_VALUE.contains(args[i])) {
                i++;
            } else if (!args[i].startsWith("-")) {
                return args[i];
            }
        }
        return "";
    }

    private void connectNow() {
        try {
            docker.complete(connect.apply(env));
        } catch (Throwable t) {
            docker.completeExceptionally(t);
        }
    }

    @Override
    public Docker apply(Map<String, String> asked) {
        if (!asked.equals(env) || !taken.compareAndSet(false, true)) {
            return connect.apply(asked);
        }
        try {
            return docker.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
