package nl.dockerles.docker;

import com.fasterxml.jackson.databind.JsonNode;
import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.daemon.ContainerInfo;
import nl.dockerles.daemon.ContainerRow;
import nl.dockerles.daemon.ContainerSpec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The container calls every section makes (list, inspect, create, start, remove) and the image check, as
 * plain JSON over docker-java's transport.
 *
 * <p>Why not docker-java's commands here: it maps every answer onto its model classes, and Jackson builds the
 * reader of such a class on first use, 30–80 ms each (an inspect reads some forty classes). In a process that
 * lives for one section, that was a fifth of a short section's time. A JSON tree costs nothing to set up.
 */
final class ContainerApi {
    private static final Duration REMOVE_RETRY = Duration.ofSeconds(10);
    private final RawApi api;

    ContainerApi(RawApi api) {
        this.api = api;
    }

    List<ContainerRow> list(boolean all, Map<String, String> labels) {
        String filters = RawApi.filters(Map.of("label", Labels.filters(labels)));
        List<ContainerRow> rows = new ArrayList<>();
        api.getJson("/containers/json" + RawApi.query("all", all ? "1" : null, "filters", filters))
                .forEach(row -> rows.add(ContainerModels.row(row)));
        return List.copyOf(rows);
    }

    Optional<ContainerInfo> inspect(String nameOrId) {
        return api.getIfFound("/containers/" + RawApi.segment(nameOrId) + "/json")
                .map(reply -> ContainerModels.info(reply.json()));
    }

    String create(ContainerSpec spec) {
        RawApi.Reply reply = api.post("/containers/create" + RawApi.query("name", blankToNull(spec.name())),
                ContainerSpecs.body(spec).toString());
        if (reply.absent()) {
            // create never pulls: a 404 here is the image.
            throw new DockerlesException(ExitCode.IMAGE_MISSING, "error.image.missing", spec.image());
        }
        if (reply.nameTaken()) {
            throw new DockerlesException(ExitCode.CONFLICT, "error.name.taken", String.valueOf(spec.name()),
                    reply.message());
        }
        if (!reply.ok()) {
            throw reply.failure();
        }
        JsonNode id = reply.json().get("Id");
        if (id == null || id.asText().isBlank()) {
            throw reply.failure();
        }
        return id.asText();
    }

    /** Already running is what was asked: fine (304). */
    void start(String id) {
        RawApi.Reply reply = api.post("/containers/" + RawApi.segment(id) + "/start");
        if (reply.absent()) {
            throw ContainerStreams.missing(id, null);
        }
        if (!reply.ok() && reply.status() != 304) {
            throw reply.failure();
        }
    }

    /**
     * Removing is cleanup: a container that is already gone (--rm) or going is fine. Podman 4.3 cannot kill a
     * container in the moment it restarts it ("container state improper", 2 of 30 {@code docker rm -f} of a
     * container with --restart always, measured): a next try can, so it tries again for at most 10 s.
     */
    void remove(String id, boolean force, boolean volumes) {
        String path = "/containers/" + RawApi.segment(id)
                + RawApi.query("force", force ? "1" : null, "v", volumes ? "1" : null);
        long deadline = System.nanoTime() + REMOVE_RETRY.toNanos();
        while (true) {
            RawApi.Reply reply = api.delete(path);
            if (reply.ok() || reply.absent()) {
                return;
            }
            if (reply.status() == 409 && reply.message().contains("already in progress")) {
                return;
            }
            if (!force || !reply.message().contains("container state improper") || System.nanoTime() > deadline) {
                throw reply.failure();
            }
            ContainerStreams.pause(100);
        }
    }

    boolean imageExists(String reference) {
        return api.getIfFound("/images/" + RawApi.segment(reference) + "/json").isPresent();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
