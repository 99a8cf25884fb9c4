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

    /** Podman's Docker API (its version lists the component "Podman Engine"), read from the daemon. */
    static boolean podman() {
        var components = client().versionCmd().exec().getComponents();
        return components != null && components.stream().anyMatch(c -> c.getName().contains("Podman"));
    }

    /** dockerles's containers of one section (other tests may run other sections at the same time). */
    static List<Container> managedContainers(String section) {
        return client().listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(MANAGED, "true", "nl.dockerles.section", section)).exec();
    }

    /**
     * Asked with one label filter and the section matched here: Podman 4.3 answers [] to /images/json with two
     * label filters, which made this list empty there whatever was left.
     */
    /** The section's container named {@code name}, inspected; an AssertionError when there is none. */
    static com.github.dockerjava.api.command.InspectContainerResponse inspect(String section, String name) {
        Container container = managedContainers(section).stream()
                .filter(c -> List.of(c.getNames()).contains("/" + name)).findFirst()
                .orElseThrow(() -> new AssertionError("no container " + name + " of " + section));
        return client().inspectContainerCmd(container.getId()).exec();
    }

    /** Waits until the section's container {@code name} no longer runs (its process ended), at most {@code timeout}. */
    static void awaitExited(String section, String name, java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!Boolean.TRUE.equals(inspect(section, name).getState().getRunning())) {
                return;
            }
            java.util.concurrent.TimeUnit.MILLISECONDS.sleep(200); // polling the daemon, bounded by the deadline
        }
        throw new AssertionError(name + " still runs after " + timeout);
    }

    static List<com.github.dockerjava.api.model.Image> managedImages(String section) {
        return client().listImagesCmd().withShowAll(true).withLabelFilter(Map.of(MANAGED, "true")).exec().stream()
                .filter(image -> image.getLabels() != null
                        && section.equals(image.getLabels().get("nl.dockerles.section")))
                .toList();
    }

    /** The names of the volumes no container uses, labelled or not. */
    static java.util.Set<String> danglingVolumes() {
        var volumes = client().listVolumesCmd().withDanglingFilter(true).exec().getVolumes();
        return volumes == null ? java.util.Set.of() : volumes.stream()
                .map(com.github.dockerjava.api.command.InspectVolumeResponse::getName)
                .collect(java.util.stream.Collectors.toSet());
    }

    static List<com.github.dockerjava.api.command.InspectVolumeResponse> managedVolumes(String section) {
        var volumes = client().listVolumesCmd()
                .withFilter("label", List.of(MANAGED + "=true", "nl.dockerles.section=" + section)).exec().getVolumes();
        return volumes == null ? List.of() : volumes;
    }

    /**
     * The container events of dockerles's containers of a section between two moments, oldest first. Asked up
     * to a moment still to come and filtered here on the label: Podman 4.3 answered nothing at all to some
     * queries whose end lay in the past.
     */
    static List<Event> events(String section, Instant since, Instant until) throws InterruptedException {
        var collector = new com.github.dockerjava.api.async.ResultCallback.Adapter<Event>() {
            final List<Event> events = new java.util.concurrent.CopyOnWriteArrayList<>();

            @Override
            public void onNext(Event event) {
                events.add(event);
            }
        };
        long last = until.getEpochSecond() + 1;
        client().eventsCmd()
                .withSince(Long.toString(since.getEpochSecond()))
                .withUntil(Long.toString(Math.max(last, Instant.now().getEpochSecond() + 2)))
                .exec(collector)
                .awaitCompletion(15, java.util.concurrent.TimeUnit.SECONDS);
        return collector.events.stream()
                .filter(e -> "container".equals(e.getType() == null ? "container" : e.getType().getValue()))
                .filter(e -> e.getActor() != null && e.getActor().getAttributes() != null
                        && section.equals(e.getActor().getAttributes().get("nl.dockerles.section")))
                .filter(e -> e.getTime() == null || e.getTime() <= last)
                .toList();
    }

    /** The daemon's unix socket the tests reach: DOCKER_HOST's (Podman under .ci/with-daemon), else the default. */
    static java.nio.file.Path socket() {
        String host = System.getenv("DOCKER_HOST");
        return java.nio.file.Path.of(host != null && host.startsWith("unix://") ? host.substring("unix://".length())
                : "/var/run/docker.sock");
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
