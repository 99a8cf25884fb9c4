package nl.dockerles.engine.actions;

import nl.dockerles.Messages;
import nl.dockerles.ui.Console;

import java.time.Duration;

/**
 * With --lange-wachttijden: from the daemon's die event to its next start, how long Docker still waits by its
 * schedule. On a terminal one line, redrawn every second; piped, a plain line at the start and every ten seconds.
 * Short waits get no countdown: they are over before anyone could read it.
 */
final class RestartCountdown {
    static final Duration SHOWN_FROM = Duration.ofSeconds(3);
    private static final long PLAIN_EVERY = 10;
    private static final long SECOND = 1_000_000_000L;
    private final Console console;
    private final Messages messages;
    private Duration wait;
    private long diedAt;
    private long lastShown = -1;
    private boolean active;

    RestartCountdown(Console console, Messages messages) {
        this.console = console;
        this.messages = messages;
    }

    /** The container died at {@code now} (the clock's nanos); by the schedule Docker waits {@code wait}. */
    void start(Duration wait, long now) {
        end();
        if (wait.compareTo(SHOWN_FROM) < 0) {
            return;
        }
        this.wait = wait;
        this.diedAt = now;
        this.lastShown = -1;
        this.active = true;
        tick(now);
    }

    boolean active() {
        return active;
    }

    /** Seconds still to wait by the schedule, rounded (51,2 s shows as 51); 0 in its last half second. */
    long left(long now) {
        long leftNanos = wait.toNanos() - (now - diedAt);
        return leftNanos <= 0 ? 0 : (leftNanos + SECOND / 2) / SECOND;
    }

    void tick(long now) {
        if (!active) {
            return;
        }
        long left = left(now);
        boolean show = console.redraws() ? left != lastShown : lastShown < 0 || lastShown - left >= PLAIN_EVERY;
        if (show) {
            lastShown = left;
            String waits = RestartTimetable.seconds(messages.locale(), wait);
            console.status(left > 0 ? messages.get("restartwatch.countdown", waits, left)
                    : messages.get("restartwatch.countdown.now", waits));
        }
    }

    /** The next start came (or the watch ends): the line goes. */
    void end() {
        if (active) {
            console.endStatus();
        }
        active = false;
    }
}
