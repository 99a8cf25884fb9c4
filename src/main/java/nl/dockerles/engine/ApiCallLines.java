package nl.dockerles.engine;

import nl.dockerles.Messages;
import nl.dockerles.daemon.Docker;

import java.time.Duration;
import java.util.List;

/**
 * A step's daemon calls as {@code --api} and the {@code api-calls} action show them, one line each: method, path,
 * status and time ("GET /v1.41/containers/json → 200 (3 ms)"); a stream also shows when it ended.
 */
public final class ApiCallLines {
    /** A body that stays open this much longer than its headers took is a stream (attach, logs, a build). */
    static final Duration STREAM = Duration.ofMillis(10);

    private ApiCallLines() {
    }

    public static String line(Docker.ApiCall call, Messages messages) {
        String status = call.status() == 0 ? "-" : String.valueOf(call.status());
        long took = call.took().toMillis();
        String time = call.open() != null && call.open().minus(call.took()).compareTo(STREAM) >= 0
                ? messages.get("api.call.stream", took, call.open().toMillis())
                : took + " ms";
        return String.format("%s %s → %s (%s)", call.method(), call.path(), status, time);
    }

    /** The lines, and below them how long the step waited for the daemon in all (overlaps counted once). */
    public static List<String> withTotal(List<Docker.ApiCall> calls, Messages messages) {
        List<String> lines = new java.util.ArrayList<>(calls.stream().map(call -> line(call, messages)).toList());
        if (!calls.isEmpty()) {
            lines.add(messages.get("api.busy", Docker.ApiCall.busy(calls).toMillis()));
        }
        return lines;
    }
}
