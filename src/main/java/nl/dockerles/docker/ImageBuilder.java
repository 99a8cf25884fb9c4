package nl.dockerles.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageCmd;
import com.github.dockerjava.api.model.BuildResponseItem;
import com.github.dockerjava.api.model.ResponseItem;
import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.Message;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
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
        // The API builds with the classic builder unless asked otherwise ("version=2"); docker-java never asks.
        // forcerm: a failed step leaves no container behind (the CLI keeps it, but nobody wants it here).
        Map<String, String> ours = labels == null ? Map.of() : labels;
        try (BuildImageCmd cmd = client.buildImageCmd(BuildContext.withLabels(context, dockerfile, ours))
                .withDockerfilePath(BuildContext.DOCKERFILE)
                .withPull(false)
                .withRemove(true)
                .withForcerm(true)) {
            if (tag != null && !tag.isBlank()) {
                cmd.withTags(Set.of(tag));
            }
            boolean ended;
            try {
                ended = cmd.exec(lines).await(timeout);
            } finally {
                lines.flush();
            }
            if (!ended) {
                throw new DockerlesException(ExitCode.DOCKER_ERROR, "error.image.build.timeout", name,
                        String.valueOf(Math.max(1, timeout.toMinutes())));
            }
        } catch (com.github.dockerjava.api.exception.DockerClientException e) {
            // docker-java reads the Dockerfile itself first (COPY sources, .dockerignore): its complaint, in our words.
            throw new DockerlesException(ExitCode.DOCKER_ERROR, e, "error.image.build.failed", name,
                    DockerFailures.rootMessage(e));
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

    /** The daemon's "stream" texts, cut into lines; remembers the error and the image the build ended with. */
    private static final class Lines extends StreamCallback<BuildResponseItem> {
        private final Consumer<String> output;
        private final StringBuilder partial = new StringBuilder();
        volatile String error;
        volatile String builtId;

        Lines(Consumer<String> output) {
            this.output = output;
        }

        @Override
        @SuppressWarnings("deprecation") // "error" is deprecated in the API, but older daemons send only that
        public void onNext(BuildResponseItem item) {
            ResponseItem.ErrorDetail detail = item.getErrorDetail();
            if (detail != null && detail.getMessage() != null) {
                error = detail.getMessage().strip();
            } else if (item.getError() != null) {
                error = item.getError().strip();
            }
            if (item.getStream() != null) {
                add(item.getStream());
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
