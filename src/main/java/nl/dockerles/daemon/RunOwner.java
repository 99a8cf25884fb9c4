package nl.dockerles.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Which process made a thing: {@code host/pid/start} in the label {@code nl.dockerles.owner}. Leftovers of a
 * run are removed only when that run is provably gone: its process no longer exists on this machine, or a
 * process with that number started at another time. A run on another machine, or one that still lives, is
 * never touched.
 */
public final class RunOwner {
    public static final String LABEL = "nl.dockerles.owner";
    private static final String CURRENT = describe(ProcessHandle.current());

    private RunOwner() {
    }

    /** This process, as written into the labels of what it makes. */
    public static String current() {
        return CURRENT;
    }

    /** The process id in a label ("" when the label is from an older dockerles). */
    public static String pid(Map<String, String> labels) {
        String owner = labels == null ? null : labels.get(LABEL);
        String[] parts = owner == null ? new String[0] : owner.split("/");
        return parts.length == 3 ? parts[1] : "";
    }

    /** The machine in a label. */
    public static String host(Map<String, String> labels) {
        String owner = labels == null ? null : labels.get(LABEL);
        String[] parts = owner == null ? new String[0] : owner.split("/");
        return parts.length == 3 ? parts[0] : "";
    }

    /** The label value for {@code process} (tests: a live or finished process of their own). */
    public static String of(ProcessHandle process) {
        return describe(process);
    }

    /** True when the label names this machine (its processes can be looked at), false for another or none. */
    public static boolean onThisMachine(Map<String, String> labels) {
        return hostname().equals(host(labels));
    }

    /** True when the label names the process that asks: it is no demo of someone else's. */
    public static boolean isCurrent(Map<String, String> labels) {
        return labels != null && CURRENT.equals(labels.get(LABEL));
    }

    /** True unless the run that made it is provably gone. Things without the label are from before: gone. */
    public static boolean alive(Map<String, String> labels) {
        String owner = labels == null ? null : labels.get(LABEL);
        if (owner == null) {
            return false;
        }
        String[] parts = owner.split("/");
        if (parts.length != 3 || !parts[0].equals(hostname())) {
            return true; // another machine: we cannot see its processes
        }
        if (owner.equals(CURRENT)) {
            return true;
        }
        try {
            Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(parts[1]));
            if (process.isEmpty() || !process.get().isAlive()) {
                return false;
            }
            return process.get().info().startInstant()
                    .map(start -> Long.toString(start.toEpochMilli() / 1000).equals(parts[2]))
                    .orElse(true);
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private static String describe(ProcessHandle process) {
        String start = process.info().startInstant().map(s -> Long.toString(s.toEpochMilli() / 1000)).orElse("0");
        return hostname() + "/" + process.pid() + "/" + start;
    }

    private static String hostname() {
        String name = System.getenv("HOSTNAME");
        if (name == null || name.isBlank()) {
            name = System.getenv("COMPUTERNAME");
        }
        if (name == null || name.isBlank()) {
            try {
                name = Files.readString(Path.of("/etc/hostname")).strip();
            } catch (IOException | RuntimeException e) {
                name = "";
            }
        }
        return name.isBlank() ? "localhost" : name.replace('/', '_');
    }
}
