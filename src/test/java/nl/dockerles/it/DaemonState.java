package nl.dockerles.it;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Event;
import org.testcontainers.DockerClientFactory;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What really happened on the daemon, seen through Testcontainers' own client (never closed: it is shared). */
final class DaemonState {
    static final String MANAGED = "nl.dockerles.managed";

    private DaemonState() {
    }

    static DockerClient client() {
        return DockerClientFactory.instance().client();
    }

    /** dockerles's containers of one section (other tests may run other sections at the same time). */
    /** Podman's Docker API (its version lists the component "Podman Engine"), read from the daemon. */
    static boolean podman() {
        var components = client().versionCmd().exec().getComponents();
        return components != null && components.stream().anyMatch(c -> c.getName().contains("Podman"));
    }

    static List<Container> managedContainers(String section) {
        return client().listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(MANAGED, "true", "nl.dockerles.section", section)).exec();
    }

    static List<com.github.dockerjava.api.model.Image> managedImages(String section) {
        return client().listImagesCmd().withLabelFilter(Map.of(MANAGED, "true", "nl.dockerles.section", section))
                .exec();
    }

    static List<com.github.dockerjava.api.command.InspectVolumeResponse> managedVolumes(String section) {
        var volumes = client().listVolumesCmd()
                .withFilter("label", List.of(MANAGED + "=true", "nl.dockerles.section=" + section)).exec().getVolumes();
        return volumes == null ? List.of() : volumes;
    }

    /** The container events of dockerles's containers of a section between two moments, oldest first. */
    static List<Event> events(String section, Instant since, Instant until) throws InterruptedException {
        var collector = new com.github.dockerjava.api.async.ResultCallback.Adapter<Event>() {
            final List<Event> events = new java.util.concurrent.CopyOnWriteArrayList<>();

            @Override
            public void onNext(Event event) {
                events.add(event);
            }
        };
        client().eventsCmd()
                .withSince(Long.toString(since.getEpochSecond()))
                .withUntil(Long.toString(until.getEpochSecond() + 1))
                .withLabelFilter(Map.of("nl.dockerles.section", section))
                .exec(collector)
                .awaitCompletion(10, java.util.concurrent.TimeUnit.SECONDS);
        return collector.events;
    }

    /** After a run of {@code section}: no container, image or volume with its labels is left. */
    static void assertNothingLeft(String section) {
        org.assertj.core.api.Assertions.assertThat(managedContainers(section))
                .as("containers labelled by dockerles").isEmpty();
        org.assertj.core.api.Assertions.assertThat(managedImages(section)).as("images labelled by dockerles").isEmpty();
        org.assertj.core.api.Assertions.assertThat(managedVolumes(section))
                .as("volumes labelled by dockerles").isEmpty();
    }
}
