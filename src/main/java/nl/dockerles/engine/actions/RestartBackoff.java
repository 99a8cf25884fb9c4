package nl.dockerles.engine.actions;

import java.time.Duration;

/**
 * Docker's wait before restarting a container with a restart policy (moby's restartmanager): 100 ms, doubled
 * at every restart, at most a minute; back to 100 ms when the container had run for 10 s or more.
 */
final class RestartBackoff {
    static final Duration FIRST = Duration.ofMillis(100);
    static final Duration MAX = Duration.ofMinutes(1);
    static final Duration RESET_AFTER = Duration.ofSeconds(10);
    private Duration timeout = Duration.ZERO;

    /** The wait before the next restart, after a run of {@code ran}. */
    Duration next(Duration ran) {
        if (ran != null && ran.compareTo(RESET_AFTER) >= 0) {
            timeout = Duration.ZERO;
        }
        if (timeout.isZero()) {
            timeout = FIRST;
        } else if (timeout.compareTo(MAX) < 0) {
            timeout = timeout.multipliedBy(2);
        }
        if (timeout.compareTo(MAX) > 0) {
            timeout = MAX;
        }
        return timeout;
    }

    /** A copy in the same state: to look ahead without changing this one. */
    RestartBackoff copy() {
        RestartBackoff copy = new RestartBackoff();
        copy.timeout = timeout;
        return copy;
    }
}
