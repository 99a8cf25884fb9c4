package nl.dockerles.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.transport.DockerHttpClient;
import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.Message;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plain JSON requests straight through docker-java's (recorded) http client: what docker-java cannot ask
 * (the daemon's own inspect JSON, commit with {@code changes}) and the short calls where its model classes cost
 * more than the call ({@link ContainerApi}). Paths carry the negotiated API version, as docker-java's do.
 */
final class RawApi {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final int GET_TRIES = 5;
    private final DockerHttpClient http;
    private final String prefix;

    record Reply(int status, String body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        /**
         * The daemon does not know the container or image asked for. Docker answers 404; Podman 4.3 answers several
         * calls with 500 instead ("no such container", "image not known"), and a name no image can have with
         * 400 or 500 "invalid reference format". The one place that knows these answers.
         */
        boolean absent() {
            if (status == 404) {
                return true;
            }
            if (status != 400 && status != 500) {
                return false;
            }
            String text = message().toLowerCase(java.util.Locale.ROOT);
            return text.contains("no such container") || text.contains("no such image")
                    || text.contains("no such object") || text.contains("image not known")
                    || text.contains("invalid reference format");
        }

        /** A container name that is taken: Docker answers 409, Podman 4.3 500 "… is already in use …". */
        boolean nameTaken() {
            return status == 409 || (status == 500 && message().contains("already in use"));
        }

        /** The daemon's {"message": ...}, or the body as it came. */
        String message() {
            try {
                JsonNode message = JSON.readTree(body).get("message");
                if (message != null && message.isTextual()) {
                    return message.asText().trim();
                }
            } catch (IOException | RuntimeException e) {
                // Not JSON: show it as it came.
            }
            return body.isBlank() ? "HTTP " + status : body.trim();
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new DockerlesException(ExitCode.DOCKER_ERROR, e, "error.docker.failed",
                        new Message("error.docker.notjson", body.strip()));
            }
        }

        /** An answer we did not expect: DOCKER_ERROR with the daemon's words. */
        DockerlesException failure() {
            return new DockerlesException(ExitCode.DOCKER_ERROR, "error.docker.failed", message());
        }
    }

    RawApi(DockerHttpClient http, String apiVersion) {
        this.http = http;
        this.prefix = apiVersion == null || apiVersion.isBlank() ? "" : "/v" + apiVersion;
    }

    /** A GET is safe to ask again: so it is, when Podman 4.3 answered with its cgroup race (see DockerFailures). */
    Reply get(String path) {
        DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET).path(prefix + path).build();
        Reply reply = send(request);
        for (int tries = 1; tries < GET_TRIES && reply.status() == 500
                && DockerFailures.isPodmanCgroupRace(reply.message()); tries++) {
            reply = send(request);
        }
        return reply;
    }

    /** GET of one thing: empty when the daemon does not know it (404), DOCKER_ERROR on any other failure. */
    Optional<Reply> getIfFound(String path) {
        Reply reply = get(path);
        if (reply.absent()) {
            return Optional.empty();
        }
        if (!reply.ok()) {
            throw reply.failure();
        }
        return Optional.of(reply);
    }

    /** GET that must succeed: its JSON, or DOCKER_ERROR with the daemon's words. */
    JsonNode getJson(String path) {
        Reply reply = get(path);
        if (!reply.ok()) {
            throw reply.failure();
        }
        return reply.json();
    }

    Reply post(String path, String json) {
        return send(DockerHttpClient.Request.builder().method(DockerHttpClient.Request.Method.POST)
                .path(prefix + path)
                .putHeader("content-type", "application/json")
                .bodyBytes(json.getBytes(StandardCharsets.UTF_8))
                .build());
    }

    /** A POST without a body: start, for one, refuses even an empty JSON object. */
    Reply post(String path) {
        return send(DockerHttpClient.Request.builder().method(DockerHttpClient.Request.Method.POST)
                .path(prefix + path).build());
    }

    Reply delete(String path) {
        return send(DockerHttpClient.Request.builder().method(DockerHttpClient.Request.Method.DELETE)
                .path(prefix + path).build());
    }

    /** A call without a body, with headers of its own (X-Registry-Auth for push and pull). */
    Reply send(DockerHttpClient.Request.Method method, String path, Map<String, String> headers) {
        DockerHttpClient.Request.Builder request = DockerHttpClient.Request.builder().method(method)
                .path(prefix + path);
        headers.forEach(request::putHeader);
        return send(request.build());
    }

    /**
     * A call whose request or answer is a stream ({@code docker save}, {@code docker load}): the answer as it comes,
     * for the caller to read and close; {@code body} and {@code contentType} may be null.
     */
    DockerHttpClient.Response open(DockerHttpClient.Request.Method method, String path, String contentType,
                                   InputStream body) {
        DockerHttpClient.Request.Builder request = DockerHttpClient.Request.builder().method(method)
                .path(prefix + path);
        if (contentType != null) {
            request.putHeader("content-type", contentType);
        }
        if (body != null) {
            request.body(body);
        }
        return http.execute(request.build());
    }

    /** What a streamed answer that is not 2xx says: the daemon's {"message": ...}, as {@link Reply#message()}. */
    static String message(int status, InputStream answer) throws IOException {
        return new Reply(status, new String(answer.readAllBytes(), StandardCharsets.UTF_8)).message();
    }

    private Reply send(DockerHttpClient.Request request) {
        try (DockerHttpClient.Response response = http.execute(request)) {
            String body = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
            return new Reply(response.getStatusCode(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A name, id or image reference as one path part: "/" and ":" stay (image references), the rest is escaped. */
    static String segment(String nameOrId) {
        StringBuilder out = new StringBuilder();
        for (byte b : nameOrId.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 128 && (Character.isLetterOrDigit(c) || "._-/:@".indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append(String.format("%%%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    /** A query string, "?a=1&b=2"; null values are left out, a list repeats its name. */
    static String query(Object... namesAndValues) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String name = (String) namesAndValues[i];
            Object value = namesAndValues[i + 1];
            if (value instanceof List<?> list) {
                list.forEach(v -> parts.add(name + "=" + encode(String.valueOf(v))));
            } else if (value != null) {
                parts.add(name + "=" + encode(String.valueOf(value)));
            }
        }
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }

    /** The daemon's {@code filters} parameter, {"label": ["a=1"], …}; null when there is nothing to filter on. */
    static String filters(Map<String, List<String>> filters) {
        ObjectNode json = JSON.createObjectNode();
        filters.forEach((name, values) -> {
            if (!values.isEmpty()) {
                values.forEach(json.withArray(name)::add);
            }
        });
        return json.isEmpty() ? null : json.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
