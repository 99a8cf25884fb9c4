package nl.dockerles.practice;

import nl.dockerles.testing.FakeTime;
import nl.dockerles.ui.KeySource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Keys and happenings at set moments: every wait for a key lets the fake clock run for that long, does what
 * is due (a container appears) and returns a key that is due. After ten minutes it presses q, so a test that
 * goes wrong ends.
 */
final class ScriptedKeys implements KeySource {
    private final FakeTime time;
    private final boolean canAsk;
    private final List<Due> due = new ArrayList<>();
    private Duration elapsed = Duration.ZERO;
    int waits;

    private record Due(Duration at, Runnable action, int key) {
    }

    ScriptedKeys(FakeTime time, boolean canAsk) {
        this.time = time;
        this.canAsk = canAsk;
    }

    ScriptedKeys at(Duration at, Runnable action) {
        due.add(new Due(at, action, NONE));
        return this;
    }

    ScriptedKeys key(Duration at, char key) {
        due.add(new Due(at, null, key));
        return this;
    }

    Duration elapsed() {
        return elapsed;
    }

    @Override
    public int next(Duration timeout) {
        waits++;
        time.advance(timeout);
        elapsed = elapsed.plus(timeout);
        for (Due d : List.copyOf(due)) {
            if (d.at().compareTo(elapsed) <= 0) {
                due.remove(d);
                if (d.action() != null) {
                    d.action().run();
                } else {
                    return d.key();
                }
            }
        }
        return elapsed.compareTo(Duration.ofMinutes(10)) > 0 ? 'q' : NONE;
    }

    @Override
    public boolean canAsk() {
        return canAsk;
    }
}
