package nl.dockerles.cli;

import nl.dockerles.engine.Docker;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Connects to the daemon on a second thread while the command reads its content: the two take about 50 ms
 * each and do not depend on each other. {@link #get()} gives the connection, or the connection's own error
 * as if it had been made on this thread.
 */
final class EarlyConnection {
    private final CompletableFuture<Docker> docker = new CompletableFuture<>();

    private EarlyConnection() {
    }

    static EarlyConnection start(AppContext context) {
        EarlyConnection connection = new EarlyConnection();
        Thread thread = new Thread(() -> {
            try {
                connection.docker.complete(context.connect());
            } catch (Throwable t) {
                connection.docker.completeExceptionally(t);
            }
        }, "dockerles-connect");
        thread.setDaemon(true);
        thread.start();
        return connection;
    }

    Docker get() {
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

    /** The command stops before it needed the daemon (a typo in the section's name): close what comes. */
    void abandon() {
        docker.thenAccept(Docker::close);
    }
}
