package nl.dockerles.docker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.github.dockerjava.transport.DockerHttpClient;
import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.Message;
import nl.dockerles.docker.RawApi.Reply;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code docker tag}, {@code docker push}, {@code docker pull} of a registry and {@code docker rmi} as the docker
 * CLI prints them, as plain JSON over the (recorded) http client. A registry on this machine (127.0.0.1,
 * localhost) is asked without TLS: Docker does so by itself, Podman only when told ({@code tlsVerify=false}).
 */
final class Registries {
    /** No credentials: the daemon wants the header all the same (an empty one is "no login"). */
    private static final String NO_AUTH = Base64.getUrlEncoder().encodeToString("{}".getBytes(StandardCharsets.UTF_8));
    private final RawApi raw;

    Registries(RawApi raw) {
        this.raw = raw;
    }

    void tag(String source, String target) {
        String[] repoTag = splitTag(target);
        Reply reply = send("POST", "/images/" + RawApi.segment(source) + "/tag"
                + RawApi.query("repo", repoTag[0], "tag", repoTag[1]), null);
        if (reply.absent()) {
            throw Images.unknownImage(source, null);
        }
        if (reply.status() >= 300) {
            throw reply.failure();
        }
    }

    /**
     * Pushes one tag and passes on each line as the docker CLI prints it at the end: the repository, each layer
     * with its last status, the digest. Returns the digest ("sha256:…").
     */
    String push(String reference, Consumer<String> lines) {
        String[] repoTag = splitTag(reference);
        Reply reply = send("POST", "/images/" + RawApi.segment(repoTag[0]) + "/push"
                + RawApi.query("tag", repoTag[1], "tlsVerify", local(reference) ? "false" : null), NO_AUTH);
        if (reply.absent()) {
            throw Images.unknownImage(reference, null);
        }
        Progress progress = new Progress(reply, lines);
        if (progress.error != null) {
            throw new DockerlesException(ExitCode.DOCKER_ERROR, "error.image.push.failed", reference, progress.error);
        }
        if (progress.digest == null) {
            throw new DockerlesException(ExitCode.DOCKER_ERROR, "error.image.push.failed", reference,
                    new Message("error.image.push.nodigest"));
        }
        return progress.digest;
    }

    /** {@code docker pull} of a registry, printed as the docker CLI does; returns the digest it names. */
    String pull(String reference, Consumer<String> lines) {
        String image = reference;
        String tag = null;
        int at = reference.indexOf('@');
        if (at < 0) {
            String[] repoTag = splitTag(reference);
            image = repoTag[0];
            tag = repoTag[1];
        }
        Reply reply = send("POST", "/images/create" + RawApi.query("fromImage", image, "tag", tag,
                "tlsVerify", local(reference) ? "false" : null), NO_AUTH);
        if (local(reference) && reply.body().contains("server gave HTTP response to HTTPS client")) {
            return podmanPull(reference, lines);
        }
        Progress progress = new Progress(reply, lines);
        if (progress.error != null) {
            throw new DockerlesException(ExitCode.IMAGE_MISSING, "error.image.pull.failed", reference, progress.error);
        }
        lines.accept(reference.contains("/") ? reference : "docker.io/library/" + reference);
        return progress.digest;
    }

    /**
     * Podman's Docker API ignores tlsVerify on a pull and asks a registry on 127.0.0.1 for HTTPS; its own API
     * ({@code /libpod/images/pull}) does take it. It names no digest in its answer: the image says which it has.
     */
    private String podmanPull(String reference, Consumer<String> lines) {
        Reply reply = send("POST", "/libpod/images/pull" + RawApi.query("reference", reference, "tlsVerify", "false",
                "quiet", "false"), NO_AUTH);
        String error = null;
        try (MappingIterator<JsonNode> items = RawApi.JSON.readerFor(JsonNode.class).readValues(reply.body())) {
            while (items.hasNextValue()) {
                JsonNode item = items.nextValue();
                if (item.hasNonNull("error") && !item.path("error").asText().isEmpty()) {
                    error = item.path("error").asText();
                }
                String stream = item.path("stream").asText("").strip();
                if (!stream.isEmpty()) {
                    stream.lines().forEach(lines);
                }
            }
        } catch (IOException e) {
            error = reply.message();
        }
        if (error != null || reply.status() >= 300) {
            throw new DockerlesException(ExitCode.IMAGE_MISSING, "error.image.pull.failed", reference,
                    error != null ? error : reply.message());
        }
        int at = reference.indexOf('@');
        if (at > 0) {
            return reference.substring(at + 1);
        }
        Reply inspect = send("GET", "/images/" + RawApi.segment(reference) + "/json", null);
        String repository = splitTag(reference)[0];
        try {
            for (JsonNode digest : RawApi.JSON.readTree(inspect.body()).path("RepoDigests")) {
                String text = digest.asText();
                if (text.startsWith(repository + "@")) {
                    return text.substring(text.indexOf('@') + 1);
                }
            }
        } catch (JsonProcessingException e) {
            // no digest to name
        }
        return null;
    }

    /** {@code docker rmi REFERENCE}: "Untagged: …" and "Deleted: …" as the daemon reports them. */
    List<String> remove(String reference) {
        Reply reply = send("DELETE", "/images/" + RawApi.segment(reference), null);
        if (reply.absent()) {
            throw Images.unknownImage(reference, null);
        }
        if (reply.status() == 409) {
            throw new DockerlesException(ExitCode.DOCKER_ERROR, "error.image.inuse", reference,
                    reply.message());
        }
        if (reply.status() >= 300) {
            throw reply.failure();
        }
        List<String> out = new ArrayList<>();
        try {
            for (JsonNode item : RawApi.JSON.readTree(reply.body())) {
                item.fields().forEachRemaining(field -> out.add(field.getKey() + ": " + field.getValue().asText()));
            }
        } catch (JsonProcessingException e) {
            throw new DockerlesException(ExitCode.DOCKER_ERROR, e, "error.docker.failed", reply.body());
        }
        return out;
    }

    /** A registry on this machine: the daemon talks to it without TLS. */
    static boolean local(String reference) {
        return reference.startsWith("127.") || reference.startsWith("localhost:")
                || reference.startsWith("localhost/");
    }

    /** "127.0.0.1:5001/les/hallo:1.0" → [repository, tag]; no tag is "latest". */
    static String[] splitTag(String reference) {
        int slash = reference.lastIndexOf('/');
        int colon = reference.lastIndexOf(':');
        if (colon > slash) {
            return new String[] {reference.substring(0, colon), reference.substring(colon + 1)};
        }
        return new String[] {reference, "latest"};
    }

    private Reply send(String method, String path, String auth) {
        return raw.send(DockerHttpClient.Request.Method.valueOf(method), path,
                auth == null ? Map.of() : Map.of("X-Registry-Auth", auth));
    }

    /**
     * The daemon's stream of JSON progress messages, as the docker CLI leaves it on the screen: lines without a
     * layer in order, and each layer once, with its last status.
     */
    private static final class Progress {
        String error;
        String digest;

        Progress(Reply reply, Consumer<String> lines) {
            Map<String, Integer> layerAt = new LinkedHashMap<>();
            List<String> shown = new ArrayList<>();
            try (MappingIterator<JsonNode> items = RawApi.JSON.readerFor(JsonNode.class).readValues(reply.body())) {
                while (items.hasNextValue()) {
                    JsonNode item = items.nextValue();
                    if (item.hasNonNull("errorDetail") || item.hasNonNull("error")) {
                        error = item.path("errorDetail").path("message").asText(item.path("error").asText());
                        continue;
                    }
                    String digestNow = item.path("aux").path("Digest").asText(null);
                    if (digestNow != null) {
                        digest = digestNow;
                    }
                    String status = item.path("status").asText("");
                    if (status.isEmpty()) {
                        continue;
                    }
                    java.util.regex.Matcher named = java.util.regex.Pattern
                            .compile("[Dd]igest: (sha256:[0-9a-f]{64})").matcher(status);
                    if (named.find() && digest == null) {
                        digest = named.group(1);
                    }
                    String id = item.path("id").asText("");
                    if (id.isEmpty() || status.startsWith(id)) {
                        shown.add(status);
                    } else if (layerAt.containsKey(id)) {
                        shown.set(layerAt.get(id), id + ": " + status);
                    } else {
                        layerAt.put(id, shown.size());
                        shown.add(id + ": " + status);
                    }
                }
            } catch (IOException e) {
                if (reply.status() >= 300) {
                    error = reply.message();
                    return;
                }
                throw new UncheckedIOException(e);
            }
            if (error == null && reply.status() >= 300) {
                error = reply.message();
            }
            shown.forEach(lines);
        }
    }
}
