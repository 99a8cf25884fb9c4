package nl.dockerles.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ChangeLog;
import com.github.dockerjava.api.model.ImageHistory;
import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.daemon.Docker.Change;
import nl.dockerles.daemon.Docker.HistoryEntry;
import nl.dockerles.daemon.Docker.ImageRow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Images and file systems: commit, diff, history, inspect as JSON, list and remove. */
final class Images {
    private static final String NO_TAG = "<none>:<none>";
    private final DockerClient client;
    private final RawApi raw;

    Images(DockerClient client, RawApi raw) {
        this.client = client;
        this.raw = raw;
    }

    /**
     * {@code docker commit}. docker-java's commit knows no {@code changes}, so this goes to the API itself:
     * the container's own config (what the docker CLI commits) plus the labels, and the changes as given.
     */
    String commit(String container, String repository, String tag, String message, List<String> changes,
                  Map<String, String> labels) {
        RawApi.Reply inspect = raw.getIfFound("/containers/" + RawApi.segment(container) + "/json")
                .orElseThrow(() -> ContainerStreams.missing(container, null));
        JsonNode found = inspect.json().get("Config");
        ObjectNode body = found instanceof ObjectNode object ? object : RawApi.JSON.createObjectNode();
        if (labels != null && !labels.isEmpty()) {
            ObjectNode merged = body.get("Labels") instanceof ObjectNode existing
                    ? existing : RawApi.JSON.createObjectNode();
            labels.forEach(merged::put);
            body.set("Labels", merged);
        }
        String config = body.toString();
        String query = RawApi.query("container", container, "repo", blankToNull(repository), "tag", blankToNull(tag),
                "comment", message, "changes", changes == null || changes.isEmpty() ? null : changes);
        RawApi.Reply reply = raw.post("/commit" + query, config);
        if (reply.absent()) {
            throw ContainerStreams.missing(container, null);
        }
        if (!reply.ok()) {
            throw new DockerlesException(ExitCode.DOCKER_ERROR, "error.commit.failed", container, reply.message());
        }
        return fullId(reply.json().path("Id").asText());
    }

    List<Change> diff(String id) {
        List<ChangeLog> changes;
        try {
            changes = client.containerDiffCmd(id).exec();
        } catch (NotFoundException e) {
            throw ContainerStreams.missing(id, e);
        }
        return changes == null ? List.of() : changes.stream()
                .map(c -> new Change(kind(c.getKind()), c.getPath()))
                .toList();
    }

    private static char kind(Integer kind) {
        if (kind == null) {
            return '?';
        }
        return switch (kind) {
            case 0 -> 'C';
            case 1 -> 'A';
            case 2 -> 'D';
            default -> '?';
        };
    }

    /** Newest layer first, as the daemon lists them; ids of layers built elsewhere are "&lt;missing&gt;". */
    List<HistoryEntry> history(String image) {
        List<ImageHistory> layers;
        try {
            layers = client.imageHistoryCmd(image).exec();
        } catch (NotFoundException e) {
            throw unknownImage(image, e);
        }
        return layers == null ? List.of() : layers.stream()
                .map(h -> new HistoryEntry(fullId(h.getId()), h.getCreated() == null ? 0 : h.getCreated(),
                        nullToEmpty(h.getCreatedBy()), h.getSize() == null ? 0 : h.getSize(),
                        nullToEmpty(h.getComment())))
                .toList();
    }

    /** The daemon's JSON, byte for byte: a container's, else an image's, else empty. */
    Optional<String> inspectJson(String nameOrId) {
        if (nameOrId == null || nameOrId.isBlank()) {
            return Optional.empty();
        }
        for (String kind : List.of("/containers/", "/images/")) {
            RawApi.Reply reply = raw.get(kind + RawApi.segment(nameOrId) + "/json");
            if (reply.ok()) {
                return Optional.of(reply.body().strip());
            }
            if (!reply.absent()) {
                throw reply.failure();
            }
        }
        return Optional.empty();
    }

    /** RootFS.Layers of the image, the base image's first; empty when the daemon does not know the image. */
    List<String> layers(String image) {
        if (image == null || image.isBlank()) {
            return List.of();
        }
        return raw.getIfFound("/images/" + RawApi.segment(image) + "/json").map(reply -> {
            List<String> layers = new java.util.ArrayList<>();
            reply.json().path("RootFS").path("Layers").forEach(l -> layers.add(l.asText()));
            return List.copyOf(layers);
        }).orElse(List.of());
    }

    List<ImageRow> list(Map<String, String> labels) {
        return matching(list(Map.of("label", firstLabel(labels)), false), labels);
    }

    /**
     * Podman 4.3 answers [] to /images/json with more than one label filter (even when an image has them all):
     * the daemon filters on one label, we on the others.
     */
    private static List<String> firstLabel(Map<String, String> labels) {
        List<String> all = Labels.filters(labels);
        return all.isEmpty() ? all : all.stream()
                .filter(f -> f.startsWith(nl.dockerles.daemon.RunIdentity.MANAGED)).findFirst()
                .map(List::of).orElse(List.of(all.get(0)));
    }

    private static List<ImageRow> matching(List<ImageRow> rows, Map<String, String> labels) {
        if (labels == null || labels.isEmpty()) {
            return rows;
        }
        return rows.stream().filter(row -> labels.entrySet().stream().allMatch(wanted -> wanted.getValue() == null
                ? row.labels().containsKey(wanted.getKey())
                : wanted.getValue().equals(row.labels().get(wanted.getKey())))).toList();
    }

    /**
     * Untagged images carrying all of {@code labels}, also those {@code docker images} hides (-a): with the
     * containerd image store the classic builder's intermediate images stay behind as such, with the labels
     * of the image they were built from.
     */
    List<ImageRow> listDangling(Map<String, String> labels) {
        return matching(list(Map.of("dangling", List.of("true")), true), labels);
    }

    private List<ImageRow> list(Map<String, List<String>> filters, boolean all) {
        List<ImageRow> rows = new ArrayList<>();
        for (JsonNode image : raw.getJson("/images/json"
                + RawApi.query("all", all ? "true" : null, "filters", RawApi.filters(filters)))) {
            List<String> tags = new ArrayList<>();
            image.path("RepoTags").forEach(tag -> {
                if (!NO_TAG.equals(tag.asText())) {
                    tags.add(shortName(tag.asText()));
                }
            });
            rows.add(new ImageRow(fullId(image.path("Id").asText()), List.copyOf(tags), image.path("Size").asLong(),
                    Labels.of(image.path("Labels"))));
        }
        return List.copyOf(rows);
    }

    /** An image id as Docker gives it, "sha256:…": Podman leaves "sha256:" out in some answers (commit, history). */
    static String fullId(String id) {
        return id != null && id.matches("[0-9a-f]{64}") ? "sha256:" + id : id;
    }

    /**
     * A tag as the docker CLI shows it. Podman names what it builds or commits "localhost/metfoo:latest" and what
     * it pulls "docker.io/library/busybox:latest"; Docker says "metfoo:latest" and "busybox:latest".
     */
    static String shortName(String tag) {
        if (tag.startsWith("docker.io/library/")) {
            return tag.substring("docker.io/library/".length());
        }
        if (tag.startsWith("docker.io/") && tag.indexOf('/', "docker.io/".length()) > 0) {
            return tag.substring("docker.io/".length()); // "docker.io/les/hallo:latest": Docker says "les/hallo:latest"
        }
        if (tag.startsWith("localhost/") && tag.indexOf('/', "localhost/".length()) < 0) {
            return tag.substring("localhost/".length());
        }
        return tag;
    }

    /** Like {@code docker rmi} without -f; an image that is not there is fine (this is cleanup). */
    void remove(String idOrReference) {
        try {
            client.removeImageCmd(idOrReference).withForce(false).exec();
        } catch (NotFoundException e) {
            // Gone already.
        } catch (ConflictException e) {
            throw new DockerlesException(ExitCode.DOCKER_ERROR, e, "error.image.inuse", idOrReference,
                    DockerFailures.daemonMessage(e));
        }
    }

    static DockerlesException unknownImage(String image, Exception cause) {
        return new DockerlesException(ExitCode.DOCKER_ERROR, cause, "error.image.unknown", image);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
