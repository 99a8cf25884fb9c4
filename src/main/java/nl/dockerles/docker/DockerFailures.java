package nl.dockerles.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.exception.DockerException;
import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Turns docker-java's exceptions into {@link DockerlesException}s with a Dutch message. */
final class DockerFailures {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DockerFailures() {
    }

    /**
     * The general translation, for whatever the caller did not handle itself: a lost connection is
     * DOCKER_UNAVAILABLE, any other failure DOCKER_ERROR with the daemon's own words.
     */
    static DockerlesException translate(Throwable error, String host) {
        if (error instanceof DockerlesException dockerles) {
            return dockerles;
        }
        if (error instanceof DockerException docker) {
            return new DockerlesException(ExitCode.DOCKER_ERROR, error, "error.docker.failed", daemonMessage(docker));
        }
        if (isConnectionProblem(error)) {
            return new DockerlesException(ExitCode.DOCKER_UNAVAILABLE, error, "error.docker.lost", host,
                    rootMessage(error));
        }
        return new DockerlesException(ExitCode.DOCKER_ERROR, error, "error.docker.failed", rootMessage(error));
    }

    /**
     * Podman 4.3 answers a wait or an inspect with 500 "read /proc/N/cgroup: no such process" when the process ends
     * just as it reads the process's cgroup (containers/podman#16383, mended in 4.4; 3 of 14735 inspects of a
     * container that restarts all the time, measured). The process did end: asking again gets the real answer.
     */
    static boolean isPodmanCgroupRace(String daemonMessage) {
        return daemonMessage.matches("read /proc/\\d+/cgroup: no such process");
    }

    static boolean isPodmanCgroupRace(DockerException error) {
        return isPodmanCgroupRace(daemonMessage(error));
    }

    /** The transport wraps IOExceptions in RuntimeExceptions: look down the chain. */
    static boolean isConnectionProblem(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof IOException || t instanceof UncheckedIOException) {
                return true;
            }
        }
        return false;
    }

    /** "Status 409: {"message":"Conflict. ..."}" becomes "Conflict. ...". */
    static String daemonMessage(DockerException error) {
        String text = String.valueOf(error.getMessage());
        String body = text.replaceFirst("^Status \\d+: ", "").trim();
        if (body.startsWith("{")) {
            try {
                JsonNode message = JSON.readTree(body).get("message");
                if (message != null && message.isTextual()) {
                    return message.asText().trim();
                }
            } catch (IOException e) {
                // Not JSON after all: show it as the daemon sent it.
            }
        }
        return body.isEmpty() ? "HTTP " + error.getHttpStatus() : body;
    }

    static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }
}
