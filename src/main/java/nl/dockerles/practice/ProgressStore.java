package nl.dockerles.practice;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * The student's progress in a JSON file: {@code $XDG_DATA_HOME/dockerles/progress.json}; without XDG_DATA_HOME
 * {@code ~/.local/share/dockerles/progress.json}, as the README says (a file an earlier version kept in
 * {@code ~/.dockerles/progress.json} is used while there is no new one). The place comes from the environment given, so tests choose their own.
 */
public final class ProgressStore {
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);
    private final Path file;

    public ProgressStore(Path file) {
        this.file = file;
    }

    public static ProgressStore of(Map<String, String> env) {
        return new ProgressStore(locate(env));
    }

    public static Path locate(Map<String, String> env) {
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "dockerles", "progress.json");
        }
        String home = env.get("HOME");
        Path homeDir = Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"));
        Path file = homeDir.resolve(".local").resolve("share").resolve("dockerles").resolve("progress.json");
        // Progress an earlier version kept in ~/.dockerles stays where it is, until there is a new file.
        Path earlier = homeDir.resolve(".dockerles").resolve("progress.json");
        return !Files.exists(file) && Files.exists(earlier) ? earlier : file;
    }

    public Path file() {
        return file;
    }

    /** The progress so far; none yet is an empty one. */
    public Progress load() {
        if (!Files.exists(file)) {
            return new Progress();
        }
        try {
            Progress progress = JSON.readValue(file.toFile(), Progress.class);
            return progress == null ? new Progress() : progress;
        } catch (IOException | RuntimeException e) {
            throw new DockerlesException(ExitCode.ERROR, e, "oefen.error.progress.unreadable", file,
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst()
                            .orElse(""));
        }
    }

    /** Writes the whole file anew (through a temporary file, so a crash leaves the old one). */
    public void save(Progress progress) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), "progress", ".tmp");
            try {
                JSON.writeValue(temporary.toFile(), progress);
                try {
                    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new DockerlesException(ExitCode.ERROR, e, "oefen.error.progress.unwritable", file, e.getMessage());
        }
    }
}
