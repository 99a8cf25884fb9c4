package nl.dockerles.engine.actions;

import java.time.Duration;
import java.util.List;

/**
 * What a daemon's restart policy did, from the measured waits between a die and the next start: {@code growing}
 * (Docker Engine: 100 ms, doubling, up to a minute), {@code immediate} (Podman: at once, every time) or
 * {@code unknown} (too few restarts seen to tell).
 */
final class RestartBehaviour {
    /** Below this every wait counts as "at once". */
    private static final Duration AT_ONCE = Duration.ofMillis(400);

    private RestartBehaviour() {
    }

    static String of(List<Duration> waits) {
        if (waits.size() < 3) {
            return "unknown";
        }
        Duration first = waits.get(0);
        // The longest, not the last: Docker goes back to 100 ms after a run of 10 s (a busy machine).
        Duration longest = waits.stream().max(Duration::compareTo).orElse(first);
        boolean allQuick = waits.stream().allMatch(w -> w.compareTo(AT_ONCE) < 0);
        if (allQuick) {
            return "immediate";
        }
        return longest.toNanos() >= 2 * Math.max(first.toNanos(), 1) ? "growing" : "steady";
    }
}
