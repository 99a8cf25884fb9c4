package nl.dockerles.docker;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static nl.dockerles.docker.DockerContexts.isBlank;

/** Finding the ssh program, and reading why ssh (or the docker command it ran) failed. */
final class SshFailures {
    /** What went wrong, each with its own message and next step ({@code error.docker.ssh.<key>} in the bundles). */
    enum Kind {
        HOSTKEY("error.docker.ssh.hostkey"), AUTH("error.docker.ssh.auth"), RESOLVE("error.docker.ssh.resolve"),
        REFUSED("error.docker.ssh.refused"), NETWORK("error.docker.ssh.network"), NO_DOCKER("error.docker.ssh.nodocker"),
        NO_DIAL_STDIO("error.docker.ssh.nodialstdio"), DAEMON_ACCESS("error.docker.ssh.access"),
        DAEMON_DOWN("error.docker.ssh.daemon"), OTHER("error.docker.ssh.other");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        String messageKey() {
            return key;
        }
    }

    private SshFailures() {
    }

    /** ssh as the shell would find it: the first executable {@code ssh} on PATH. */
    static Optional<Path> findSsh(Map<String, String> env, String osName) {
        for (Path dir : searchPath(env)) {
            for (String name : programNames(osName)) {
                Path candidate = dir.resolve(name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    static List<Path> searchPath(Map<String, String> env) {
        String path = env.get("PATH");
        if (isBlank(path)) {
            path = env.getOrDefault("Path", "/usr/bin:/bin");
        }
        List<Path> dirs = new ArrayList<>();
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isBlank()) {
                try {
                    dirs.add(Path.of(dir));
                } catch (RuntimeException ignored) {
                    // Not a path on this system: the shell would skip it too.
                }
            }
        }
        return dirs;
    }

    private static List<String> programNames(String osName) {
        return osName != null && osName.toLowerCase(Locale.ROOT).startsWith("windows")
                ? List.of("ssh.exe", "ssh") : List.of("ssh");
    }

    /**
     * The kind of failure from what ssh and the remote shell wrote. The remote docker's own words come first: its
     * "permission denied" on the daemon's socket is not ssh's "Permission denied (publickey)".
     */
    static Kind kind(int exitCode, String stderr) {
        String text = stderr == null ? "" : stderr;
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("dial-stdio") && (lower.contains("unknown command") || lower.contains("not a docker command")
                || lower.contains("unknown flag"))) {
            return Kind.NO_DIAL_STDIO;
        }
        if (lower.contains("docker.sock") || lower.contains("docker daemon") || lower.contains("raw stream")) {
            return lower.contains("permission denied") ? Kind.DAEMON_ACCESS : Kind.DAEMON_DOWN;
        }
        if (lower.contains("docker: command not found") || lower.contains("docker: not found")
                || lower.contains("'docker' is not recognized") || (exitCode == 127 && lower.contains("docker"))) {
            return Kind.NO_DOCKER;
        }
        if (lower.contains("host key verification failed") || lower.contains("remote host identification has changed")
                || lower.contains("no matching host key") || lower.contains("host key for")) {
            return Kind.HOSTKEY;
        }
        if (lower.contains("permission denied") || lower.contains("too many authentication failures")) {
            return Kind.AUTH;
        }
        if (lower.contains("could not resolve hostname") || lower.contains("name or service not known")) {
            return Kind.RESOLVE;
        }
        if (lower.contains("connection refused")) {
            return Kind.REFUSED;
        }
        if (lower.contains("timed out") || lower.contains("no route to host") || lower.contains("network is unreachable")
                || lower.contains("connection closed by") || lower.contains("connection reset")) {
            return Kind.NETWORK;
        }
        return Kind.OTHER;
    }

    /** The lines that matter from ssh's stderr, for the message: the last few non-empty ones, without warnings. */
    static String said(String stderr) {
        if (stderr == null || stderr.isBlank()) {
            return "";
        }
        List<String> lines = new ArrayList<>();
        for (String line : stderr.split("\\R")) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("Warning: Permanently added")) {
                lines.add(l);
            }
        }
        int from = Math.max(0, lines.size() - 3);
        return String.join(" / ", lines.subList(from, lines.size()));
    }
}
