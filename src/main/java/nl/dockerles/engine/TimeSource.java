package nl.dockerles.engine;

import java.time.Instant;

/** Wall clock and a monotonic ticker; tests replace both to get golden output. */
public interface TimeSource {
    Instant now();

    long nanoTime();

    TimeSource SYSTEM = new TimeSource() {
        @Override
        public Instant now() {
            return Instant.now();
        }

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }
    };
}
