package nl.dockerles.docker;

import com.github.dockerjava.api.DockerClient;
import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.Message;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code docker build} with the classic builder: its output line by line, bounded in time. */
final class ImageBuilder {
    static final Duration BUILD_TIMEOUT = Duration.ofMinutes(10);
    private static final Pattern BUILT = Pattern.compile("^Successfully built ([0-9a-f]+)\\s*$");
    private final DockerClient client;
    private final RawApi raw;

    ImageBuilder(DockerClient client, RawApi raw) {
        this.client = client;
        this.raw = raw;
    }

    String build(Path context, String tag, Map<String, String> labels, Consumer<String> output) {
        return build(context, tag, labels, output, BUILD_TIMEOUT);
    }

    String build(Path context, String tag, Map<String, String> labels, Consumer<String> output, Duration timeout) {
        Path dockerfile = context.resolve("Dockerfile");
        if (!Files.isRegularFile(dockerfile)) {
            throw new DockerlesException(ExitCode.CONTENT, "error.image.build.nodockerfile", context.toString());
        }
        String name = tag == null || tag.isBlank() ? context.getFileName().toString() : tag;
        Lines lines = new Lines(output);
        // The API builds with the classic builder unless asked otherwise ("version=2"), as docker-java did.
        // forcerm: a failed step leaves no container behind (the CLI keeps it, but nobody wants it here).
        // The output is read here, line by line, not by docker-java: its types cost the first build 0,1 s.
        Map<String, String> ours = labels == null ? Map.of() : labels;
        byte[] tar;
        try {
            tar = BuildContext.tar(context, dockerfile, ours);
        } catch (com.github.dockerjava.api.exception.DockerClientException e) {
            // docker-java reads the Dockerfile itself first (COPY sources, .dockerignore): its complaint, in our words.
            throw new DockerlesException(ExitCode.DOCKER_ERROR, e, "error.image.build.failed", name,
                    DockerFailures.rootMessage(e));
        }
        String query = RawApi.query("t", tag == null || tag.isBlank() ? null : tag,
                "dockerfile", BuildContext.DOCKERFILE, "rm", "1", "forcerm", "1");
        boolean ended = stream(raw.postStreaming("/build" + query, "application/x-tar", tar), lines, timeout);
        if (!ended) {
            throw new DockerlesException(ExitCode.DOCKER_ERROR, "error.image.build.timeout", name,
                    String.valueOf(Math.max(1, timeout.toMinutes())));
        }
        if (lines.error != null) {
            throw new DockerlesException(ExitCode.DOCKER_ERROR, "error.image.build.failed", name, lines.error);
        }
        if (lines.builtId == null) {
            throw new DockerlesException(ExitCode.DOCKER_ERROR, "error.image.build.failed", name,
                    new Message("error.image.build.noimage"));
        }
        // "Successfully built" names the short id: the full one, as commit gives it.
        return Images.fullId(raw.getJson("/images/" + RawApi.segment(lines.builtId) + "/json").path("Id").asText());
    }

    /**
     * Reads the build's answer on a thread of its own, so that this thread can give up (the timeout, a stop:
     * an interrupt) and end the stream by closing it. True when the answer ended in time.
     */
    private static boolean stream(com.github.dockerjava.transport.DockerHttpClient.Response response, Lines lines,
                                  Duration timeout) {
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicReference<RuntimeException> failed =
                new java.util.concurrent.atomic.AtomicReference<>();
        Thread reader = new Thread(() -> {
            try (response) {
                if (response.getStatusCode() / 100 != 2) {
                    failed.set(new RawApi.Reply(response.getStatusCode(),
                            new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)).failure());
                    return;
                }
                java.io.BufferedReader in = new java.io.BufferedReader(
                        new java.io.InputStreamReader(response.getBody(), StandardCharsets.UTF_8));
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (!line.isBlank()) {
                        lines.onJson(RawApi.JSON.readTree(line));
                    }
                }
            } catch (java.io.IOException | RuntimeException e) {
                failed.compareAndSet(null, e instanceof RuntimeException r ? r : new java.io.UncheckedIOException(
                        (java.io.IOException) e));
            } finally {
                done.countDown();
            }
        }, "dockerles-build");
        reader.setDaemon(true);
        reader.start();
        try {
            boolean ended = done.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            if (!ended) {
                closeQuietly(response);
                return false;
            }
        } catch (InterruptedException e) {
            closeQuietly(response);
            Thread.currentThread().interrupt();
            throw new DockerlesException(ExitCode.INTERRUPTED, e, "error.interrupted");
        } finally {
            lines.flush();
        }
        if (failed.get() != null) {
            throw failed.get();
        }
        return true;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // ending it is all we wanted
        }
    }

    /** The daemon's "stream" texts, cut into lines; remembers the error and the image the build ended with. */
    private static final class Lines {
        private final Consumer<String> output;
        private final StringBuilder partial = new StringBuilder();
        volatile String error;
        volatile String builtId;

        Lines(Consumer<String> output) {
            this.output = output;
        }

        /** One JSON message of the build ("error" is deprecated in the API, but older daemons send only that). */
        void onJson(com.fasterxml.jackson.databind.JsonNode item) {
            String detail = item.path("errorDetail").path("message").asText(null);
            if (detail != null) {
                error = detail.strip();
            } else if (item.hasNonNull("error")) {
                error = item.get("error").asText().strip();
            }
            if (item.hasNonNull("stream")) {
                add(item.get("stream").asText());
            }
        }

        private synchronized void add(String text) {
            partial.append(text);
            int newline;
            while ((newline = partial.indexOf("\n")) >= 0) {
                emit(partial.substring(0, newline));
                partial.delete(0, newline + 1);
            }
        }

        synchronized void flush() {
            if (partial.length() > 0) {
                emit(partial.toString());
                partial.setLength(0);
            }
        }

        private void emit(String line) {
            String clean = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            Matcher built = BUILT.matcher(clean);
            if (built.matches()) {
                builtId = built.group(1);
            }
            output.accept(clean);
        }
    }
}
