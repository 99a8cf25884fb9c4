package nl.dockerles.docker;

import nl.dockerles.daemon.Docker.TtySession;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The TTY sessions and event streams a Docker has open, so that closing it ends them all. */
final class OpenStreams {
    private final Set<AutoCloseable> open = ConcurrentHashMap.newKeySet();

    TtySession track(AttachedTty tty) {
        open.add(tty);
        return new Session(tty);
    }

    /** The stream, closed at most once, and forgotten here when it is. */
    AutoCloseable track(AutoCloseable stream) {
        AutoCloseable[] self = new AutoCloseable[1];
        self[0] = () -> {
            if (open.remove(self[0])) {
                closeQuietly(stream);
            }
        };
        open.add(self[0]);
        return self[0];
    }

    void closeAll() {
        for (AutoCloseable stream : Set.copyOf(open)) {
            closeQuietly(stream);
            open.remove(stream);
        }
    }

    static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // Only stops our reading.
        }
    }

    /** Forgets the session once it is closed. */
    private final class Session implements TtySession {
        private final AttachedTty tty;

        Session(AttachedTty tty) {
            this.tty = tty;
        }

        @Override
        public void send(byte[] input) {
            tty.send(input);
        }

        @Override
        public boolean awaitEnd(Duration timeout) {
            return tty.awaitEnd(timeout);
        }

        @Override
        public void close() {
            tty.close();
            open.remove(tty);
        }
    }
}
