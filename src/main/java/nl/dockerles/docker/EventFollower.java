package nl.dockerles.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.daemon.Docker.ContainerEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** {@code docker events --filter type=container --filter label=...}, from now on, until closed. */
final class EventFollower {
    /** How long the daemon may take to start sending; it answers at once when it is there. */
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);
    private final DockerClient client;

    EventFollower(DockerClient client) {
        this.client = client;
    }

    /**
     * Returns once the daemon streams, so what happens after this call is seen; "since" {@code since} (at the
     * latest the moment of the call), so nothing between the call and the daemon's answer is missed.
     */
    AutoCloseable follow(Map<String, String> labels, Instant since, Consumer<ContainerEvent> sink) {
        Events events = new Events(sink);
        Instant now = Instant.now();
        var cmd = client.eventsCmd().withEventTypeFilter(EventType.CONTAINER)
                .withSince(since(since.isBefore(now) ? since : now));
        List<String> filters = Labels.filters(labels);
        if (!filters.isEmpty()) {
            cmd.withLabelFilter(filters.toArray(String[]::new));
        }
        cmd.exec(events);
        boolean answered;
        try {
            answered = events.awaitAnswer(ANSWER_TIMEOUT);
        } catch (RuntimeException e) {
            events.stopQuietly();
            throw e;
        }
        if (!answered) {
            // A failure that ended the stream before it began (a lost daemon, a refusal) says more: thrown here.
            events.await(Duration.ofMillis(1));
            throw new DockerlesException(ExitCode.DOCKER_ERROR, "error.events.failed",
                    String.valueOf(ANSWER_TIMEOUT.toSeconds()));
        }
        return events::stopQuietly;
    }

    /** The API's "seconds.nanoseconds". */
    static String since(Instant moment) {
        return moment.getEpochSecond() + "." + String.format("%09d", moment.getNano());
    }

    static ContainerEvent event(Event e) {
        Map<String, String> attributes = e.getActor() == null ? Map.of() : Labels.copy(e.getActor().getAttributes());
        String action = e.getAction() != null ? e.getAction() : e.getStatus();
        String id = e.getId() != null ? e.getId() : e.getActor() == null ? null : e.getActor().getId();
        long nanos = e.getTimeNano() != null ? e.getTimeNano() : e.getTime() == null ? 0 : e.getTime() * 1_000_000_000L;
        return new ContainerEvent(action, id, attributes.get("name"), nanos, attributes);
    }

    private static final class Events extends StreamCallback<Event> {
        private final Consumer<ContainerEvent> sink;

        Events(Consumer<ContainerEvent> sink) {
            this.sink = sink;
        }

        @Override
        public void onNext(Event event) {
            try {
                sink.accept(event(event));
            } catch (RuntimeException e) {
                // The sink's trouble must not end the stream for the events after this one.
            }
        }
    }
}
