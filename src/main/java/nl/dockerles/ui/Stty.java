package nl.dockerles.ui;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The terminal's settings through {@code stty} on {@code /dev/tty}: saved and put back exactly. */
final class Stty {
    private static final File TTY = new File("/dev/tty");

    private Stty() {
    }

    /** {@code stty -g}, or null where there is no stty or no terminal. */
    static String save() {
        String out = run("-g");
        return out == null || out.isBlank() ? null : out.strip();
    }

    /** The terminal's columns ({@code stty size}), or 0 where there is no stty or no terminal. */
    static int columns() {
        String out = run("size");
        String[] parts = out == null ? new String[0] : out.strip().split("\\s+");
        try {
            return parts.length == 2 ? Integer.parseInt(parts[1]) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * True when stty ran. On a pseudo-terminal stty reports a failure when the line speed cannot be set as
     * asked, though it set everything else: that is success here.
     */
    static boolean set(String... settings) {
        return run(true, settings) != null;
    }

    private static String run(String... args) {
        return run(false, args);
    }

    private static String run(boolean anyExit, String... args) {
        if (!TTY.exists() || System.getProperty("os.name", "").startsWith("Windows")) {
            return null;
        }
        List<String> command = new ArrayList<>(List.of("stty"));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectInput(TTY)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return null;
            }
            return anyExit || process.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
