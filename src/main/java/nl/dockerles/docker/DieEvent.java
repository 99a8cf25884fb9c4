package nl.dockerles.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Event;
import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.daemon.ContainerInfo;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The exit code in a container's die event, from its start on (so a die before we asked is seen too). */
final class DieEvent extends StreamCallback<Event> {
    private final CountDownLatch seen = new CountDownLatch(1);
    private final long startedNanos;
    private volatile Integer code;

    private DieEvent(long startedNanos) {
        this.startedNanos = startedNanos;
    }

    static DieEvent follow(DockerClient client, ContainerInfo container) {
        Instant from = container.startedAt() != null && container.startedAt().getEpochSecond() > 0
                ? container.startedAt() : Instant.now();
        // The die of a run before this one (a restart policy) lies before this run's start: not this run's.
        DieEvent events = new DieEvent(from.getEpochSecond() * 1_000_000_000L + from.getNano());
        client.eventsCmd().withContainerFilter(container.id())
                .withSince(EventFollower.since(from.minusSeconds(1))).exec(events);
        return events;
    }

    @Override
    public void onNext(Event event) {
        String action = event.getAction() != null ? event.getAction() : event.getStatus();
        if (!"die".equals(action) && !"died".equals(action)
                || event.getTimeNano() != null && event.getTimeNano() > 0 && event.getTimeNano() < startedNanos) {
            return;
        }
        Map<String, String> attributes = event.getActor() == null || event.getActor().getAttributes() == null
                ? Map.of() : event.getActor().getAttributes();
        String value = attributes.getOrDefault("exitCode", attributes.get("containerExitCode"));
        try {
            code = value == null ? null : Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            code = null;
        }
        seen.countDown();
    }

    Optional<Integer> code(Duration timeout) {
        try {
            seen.await(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DockerlesException(ExitCode.INTERRUPTED, e, "error.interrupted");
        }
        return Optional.ofNullable(code);
    }
}
