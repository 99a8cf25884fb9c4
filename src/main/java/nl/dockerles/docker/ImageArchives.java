package nl.dockerles.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.github.dockerjava.transport.DockerHttpClient;
import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code docker save} and {@code docker load}, streamed straight to and from a file through the (recorded) http
 * client: docker-java's load says nothing about what it loaded, and a save of several images should not pass
 * through memory.
 */
final class ImageArchives {
    private final RawApi raw;

    ImageArchives(RawApi raw) {
        this.raw = raw;
    }

    /** Writes to a file beside {@code file} first and moves it into place: a failed save leaves no half archive. */
    void save(List<String> references, Path file) {
        Path absolute = file.toAbsolutePath();
        Path partial = absolute.resolveSibling(absolute.getFileName() + ".deel");
        try (DockerHttpClient.Response response = raw.open(DockerHttpClient.Request.Method.GET,
                "/images/get" + RawApi.query("names", references), null, null)) {
            if (response.getStatusCode() != 200) {
                throw new DockerlesException(ExitCode.DOCKER_ERROR, "error.archive.save.failed", file,
                        RawApi.message(response.getStatusCode(), response.getBody()));
            }
            partial.toFile().deleteOnExit(); // Ctrl-C halfway: no half archive left on the stick
            try (InputStream in = response.getBody()) {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new DockerlesException(ExitCode.ERROR, e, "error.archive.save.failed", file, e.getMessage());
        } catch (RuntimeException e) {
            deleteQuietly(partial);
            throw e;
        }
    }

    /** The daemon answers a stream of {"stream": "Loaded image: busybox:latest\n"} or {"error": ...}. */
    List<String> load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DockerlesException(ExitCode.USAGE, "error.archive.load.nofile", file);
        }
        List<String> loaded = new ArrayList<>();
        try (InputStream body = Files.newInputStream(file)) {
            try (DockerHttpClient.Response response = raw.open(DockerHttpClient.Request.Method.POST,
                    "/images/load?quiet=1", "application/x-tar", body);
                 InputStream answer = response.getBody()) {
                if (response.getStatusCode() != 200) {
                    throw new DockerlesException(ExitCode.DOCKER_ERROR, "error.archive.load.failed", file,
                            RawApi.message(response.getStatusCode(), answer));
                }
                MappingIterator<JsonNode> lines = RawApi.JSON.readerFor(JsonNode.class).readValues(answer);
                while (lines.hasNext()) {
                    JsonNode line = lines.next();
                    String error = line.path("errorDetail").path("message").asText(line.path("error").asText(""));
                    if (!error.isEmpty()) {
                        throw new DockerlesException(ExitCode.DOCKER_ERROR, "error.archive.load.failed", file, error);
                    }
                    loaded.addAll(loadedNames(line.path("stream").asText("")));
                }
            }
        } catch (IOException e) {
            throw new DockerlesException(ExitCode.ERROR, e, "error.archive.load.failed", file, e.getMessage());
        }
        return loaded;
    }

    /** "Loaded image: busybox:latest" and "Loaded image ID: sha256:…", a line each. */
    static List<String> loadedNames(String stream) {
        List<String> names = new ArrayList<>();
        for (String line : stream.split("\\R")) {
            String text = line.strip();
            if (text.startsWith("Loaded image ID: ")) {
                names.add(text.substring("Loaded image ID: ".length()).strip());
            } else if (text.startsWith("Loaded image: ")) {
                names.add(Images.shortName(text.substring("Loaded image: ".length()).strip()));
            }
        }
        return names;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException | UncheckedIOException ignored) {
            // Only a leftover partial file; the error that matters is already on its way.
        }
    }
}
