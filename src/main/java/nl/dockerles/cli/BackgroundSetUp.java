package nl.dockerles.cli;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Something slow to set up that does not depend on the section (the daemon connection, the presenter's
 * terminal), made on a second thread while the command reads its content: each takes 50–70 ms of a start.
 * {@link #get()} gives the result, or its own error as if it had been made on this thread.
 */
final class BackgroundSetUp<T> {
    private final CompletableFuture<T> result = new CompletableFuture<>();

    private BackgroundSetUp() {
    }

    static <T> BackgroundSetUp<T> start(String name, Supplier<T> setUp) {
        BackgroundSetUp<T> background = new BackgroundSetUp<>();
        Thread thread = new Thread(() -> {
            try {
                background.result.complete(setUp.get());
            } catch (Throwable t) {
                background.result.completeExceptionally(t);
            }
        }, "dockerles-" + name);
        thread.setDaemon(true);
        thread.start();
        return background;
    }

    T get() {
        try {
            return result.join();
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

    /** The command stops before it needed this (a typo in the section's name): close it once it is there. */
    void abandon(Consumer<T> close) {
        result.thenAccept(close);
    }
}
