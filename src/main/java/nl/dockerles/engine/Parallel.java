package nl.dockerles.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Independent daemon calls at the same time, as {@code docker rm -f a b} does: removing two containers takes
 * as long as removing one. The first failure (in the order of the items) is thrown once all are done.
 */
final class Parallel {
    private Parallel() {
    }

    static <T> void forEach(List<T> items, Consumer<T> action) {
        if (items.size() <= 1) {
            items.forEach(action);
            return;
        }
        List<Thread> threads = new ArrayList<>();
        RuntimeException[] failures = new RuntimeException[items.size()];
        for (int i = 0; i < items.size(); i++) {
            int index = i;
            Thread thread = new Thread(() -> {
                try {
                    action.accept(items.get(index));
                } catch (RuntimeException e) {
                    failures[index] = e;
                }
            }, "dockerles-parallel-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        boolean interrupted = false;
        for (Thread thread : threads) {
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true; // the calls are short and their result matters: wait for them
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        for (RuntimeException failure : failures) {
            if (failure != null) {
                throw failure;
            }
        }
    }
}
