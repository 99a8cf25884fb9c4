package nl.dockerles.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.transport.SSLConfig;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import nl.dockerles.Message;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Asks one candidate for /version (unversioned, so any daemon answers), bounded in time: the unix
 * socket client has no read timeout of its own, so the call runs on a daemon thread we stop waiting for.
 */
final class DaemonProbe {

    /** A daemon that answered: keep its http client, it is reused for everything after. */
    record Answer(DockerHttpClient http, String apiVersion, String minApiVersion, boolean podman) {
    }

    /** /version's answer was not a daemon's: some other HTTP server listens there. */
    static final class NotADaemon extends RuntimeException {
        final int status;

        NotADaemon(int status) {
            super("HTTP " + status, null, false, false);
            this.status = status;
        }
    }

    /** Why a candidate did not answer, as a text for the failure list. */
    static final class NoAnswer extends Exception {
        private final transient Message reason;

        NoAnswer(Message reason) {
            super(reason.toString(), null, false, false);
            this.reason = reason;
        }

        Message reason() {
            return reason;
        }
    }

    private DaemonProbe() {
    }

    static Answer probe(DaemonCandidate candidate, SSLConfig ssl, Duration budget) throws NoAnswer {
        DockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(candidate.host())
                .sslConfig(ssl)
                .connectionTimeout(budget)
                .build();
        CompletableFuture<Answer> call = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                call.complete(answer(http, new RawApi(http, null).get("/version")));
            } catch (Throwable t) {
                call.completeExceptionally(t);
            }
        }, "dockerles-probe");
        thread.setDaemon(true);
        thread.start();
        try {
            return call.get(budget.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            closeQuietly(http);
            throw new NoAnswer(new Message("error.docker.reason.timeout", seconds(budget)));
        } catch (ExecutionException e) {
            closeQuietly(http);
            throw new NoAnswer(reason(e.getCause(), budget));
        } catch (InterruptedException e) {
            closeQuietly(http);
            Thread.currentThread().interrupt();
            throw new NoAnswer(new Message("error.docker.reason.interrupted"));
        }
    }

    /** A daemon's /version names its API versions; anything else is some other HTTP server. */
    private static Answer answer(DockerHttpClient http, RawApi.Reply reply) {
        JsonNode version;
        try {
            version = reply.ok() ? RawApi.JSON.readTree(reply.body()) : RawApi.JSON.missingNode();
        } catch (java.io.IOException notJson) {
            throw new NotADaemon(reply.status());
        }
        if (!version.path("ApiVersion").isTextual()) {
            throw new NotADaemon(reply.status());
        }
        JsonNode min = version.path("MinAPIVersion");
        return new Answer(http, version.get("ApiVersion").asText(), min.isTextual() ? min.asText() : null,
                DaemonKind.podman(version));
    }

    /** A short reason for a failed connection attempt. */
    static Message reason(Throwable error, Duration budget) {
        if (error instanceof NotADaemon notADaemon) {
            return new Message("error.docker.reason.notdaemon", String.valueOf(notADaemon.status));
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage();
            if (message.contains("Permission denied") || t instanceof java.nio.file.AccessDeniedException) {
                return new Message("error.docker.reason.denied");
            }
            if (message.contains("No such file")) {
                return new Message("error.docker.reason.absent");
            }
            if (t instanceof ConnectException || message.contains("Connection refused")) {
                return new Message("error.docker.reason.refused");
            }
            if (t instanceof SocketTimeoutException || message.contains("timed out")) {
                return new Message("error.docker.reason.timeout", seconds(budget));
            }
            if (t instanceof UnknownHostException) {
                return new Message("error.docker.reason.unknownhost", message);
            }
            if (t instanceof SSLException) {
                return new Message("error.docker.reason.tls", message);
            }
        }
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return new Message("error.docker.reason.other",
                root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage()));
    }

    private static String seconds(Duration budget) {
        return String.format(java.util.Locale.ROOT, "%.1f s", budget.toMillis() / 1000.0);
    }

    static void closeQuietly(DockerHttpClient http) {
        try {
            http.close();
        } catch (IOException | RuntimeException ignored) {
            // Nothing to tell: this candidate is abandoned anyway.
        }
    }
}
