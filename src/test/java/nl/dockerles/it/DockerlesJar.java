package nl.dockerles.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the built jar as a user would: a separate process, no terminal, its own environment. */
final class DockerlesJar {
    private final Process process;
    private final Path out;
    private final Path err;

    private DockerlesJar(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    static DockerlesJar start(Map<String, String> env, String... args) throws IOException {
        String jar = System.getProperty("dockerles.jar", "target/dockerles.jar");
        assertThat(Path.of(jar)).as("the jar is built before the integration tests").exists();
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar", jar));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("dockerles-out", ".txt");
        Path err = Files.createTempFile("dockerles-err", ".txt");
        // The tests leave nothing behind: not even these files when a test never awaits the process.
        out.toFile().deleteOnExit();
        err.toFile().deleteOnExit();
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(env);
        return new DockerlesJar(builder.start(), out, err);
    }

    static Result run(Duration timeout, Map<String, String> env, String... args) throws Exception {
        return start(env, args).await(timeout);
    }

    Result await(Duration timeout) throws Exception {
        boolean ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!ended) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(ended).as("dockerles ended within " + timeout + "; output so far:\n" + out()).isTrue();
        Result result = new Result(process.exitValue(), out(), Files.readString(err, StandardCharsets.UTF_8));
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
        return result;
    }

    /** Waits until the output contains {@code text} (a wrapped line counts), at most {@code timeout}. */
    boolean awaitOutput(String text, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            if (outContains(text)) {
                return true;
            }
            process.waitFor(50, TimeUnit.MILLISECONDS);
        }
        return outContains(text);
    }

    private boolean outContains(String text) throws IOException {
        return out().replaceAll("\\s+", " ").contains(text.replaceAll("\\s+", " "));
    }

    /** Ctrl-C, as the terminal sends it. */
    void interrupt() throws Exception {
        new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start().waitFor();
    }

    String out() throws IOException {
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    record Result(int exitCode, String out, String err) {
        private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("\\{[\\w.]+}");

        /** The notes (from "→ " to the next blank line): where dockerles fills in real values. */
        String notes() {
            StringBuilder notes = new StringBuilder();
            boolean inNote = false;
            for (String line : out.split("\n")) {
                inNote = line.startsWith("→ ") || (inNote && !line.isBlank());
                if (inNote) {
                    notes.append(line).append('\n');
                }
            }
            return notes.toString();
        }

        /** Placeholders that stayed unfilled in the notes, e.g. "{demo.status}". */
        java.util.List<String> unfilled() {
            return PLACEHOLDER.matcher(notes()).results().map(java.util.regex.MatchResult::group).toList();
        }
    }
}
