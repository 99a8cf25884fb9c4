package nl.dockerles.testing;

import nl.dockerles.engine.TimeSource;

import java.time.Duration;
import java.time.Instant;

/** A clock that moves only when told: golden output needs the same times on every run. */
public final class FakeTime implements TimeSource {
    private Instant now = Instant.parse("2026-11-27T10:00:00Z");
    private long nanos;

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public synchronized long nanoTime() {
        return nanos;
    }

    public synchronized void advance(Duration duration) {
        now = now.plus(duration);
        nanos += duration.toNanos();
    }
}
