package nl.dockerles.engine.actions;

import nl.dockerles.daemon.DaemonAddress;
import nl.dockerles.daemon.DaemonInfo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * This machine as the host of the daemon's processes: is the daemon local (its containers' processes are in
 * our /proc), in a Linux VM (Docker Desktop, or this machine is no Linux), or on another machine? And what
 * /proc says about one process, as {@code ps -p PID -o pid,user,cmd} shows it.
 */
final class HostView {
    enum Where { LOCAL, VM, REMOTE }

    private final Path proc;
    private final Path passwd;
    private final String osName;

    HostView(Path proc, Path passwd, String osName) {
        this.proc = proc;
        this.passwd = passwd;
        this.osName = osName == null ? "" : osName;
    }

    static HostView system() {
        return new HostView(Path.of("/proc"), Path.of("/etc/passwd"), System.getProperty("os.name"));
    }

    /** Where the daemon's container processes live, seen from here. */
    Where where(DaemonInfo daemon) {
        String host = daemon.host() == null ? "" : daemon.host();
        if (host.startsWith("ssh:")) {
            return Where.REMOTE; // whatever machine it names: its processes are seen through ssh, not in our /proc
        }
        String operatingSystem = daemon.operatingSystem() == null ? "" : daemon.operatingSystem();
        if (operatingSystem.contains("Docker Desktop") || !osName.toLowerCase(Locale.ROOT).contains("linux")
                || !Files.isDirectory(proc)) {
            return Where.VM;
        }
        if (DaemonAddress.isLocal(host)) {
            return Where.LOCAL;
        }
        return Where.REMOTE;
    }

    /** A process in this machine's /proc: what {@code ps} would show of it. */
    record Process(int pid, String user, String name, List<String> args, int parentPid, String parentName) {

        /** The CMD column of ps: the arguments, or [name] for a process without any (a kernel thread). */
        String command() {
            return args.isEmpty() ? "[" + name + "]" : String.join(" ", args);
        }

        /** Is this the process that runs {@code path} (the container's Path from inspect)? */
        boolean runs(String path) {
            String wanted = baseName(path);
            return !wanted.isEmpty() && (wanted.equals(name) || args.stream().anyMatch(a -> baseName(a).equals(wanted)));
        }
    }

    Optional<Process> process(int pid) {
        if (pid <= 0) {
            return Optional.empty();
        }
        Path dir = proc.resolve(Integer.toString(pid));
        try {
            String status = Files.readString(dir.resolve("status"), StandardCharsets.UTF_8);
            byte[] cmdline = Files.readAllBytes(dir.resolve("cmdline"));
            int parent = (int) number(field(status, "PPid"));
            String parentName = "";
            if (parent > 0) {
                try {
                    parentName = field(Files.readString(proc.resolve(parent + "/status"), StandardCharsets.UTF_8),
                            "Name");
                } catch (IOException e) {
                    // The parent may be gone already, or hidden: then only its number.
                }
            }
            String[] uids = field(status, "Uid").split("\\s+");
            long uid = uids.length > 1 ? number(uids[1]) : number(uids[0]);
            return Optional.of(new Process(pid, userName(uid), field(status, "Name"), args(cmdline), parent,
                    parentName));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** This machine's own namespace of a kind, as /proc/self/ns/KIND links to it ("pid:[4026531836]"). */
    Optional<String> ownNamespace(String kind) {
        return link(proc.resolve("self/ns/" + kind));
    }

    /** The namespace of a kind of a process; empty when we may not read it (someone else's process). */
    Optional<String> namespace(int pid, String kind) {
        return link(proc.resolve(pid + "/ns/" + kind));
    }

    /** ps's header and line for {@code -o pid,user,cmd}: PID as wide as the largest PID, USER 8 wide. */
    String psLines(Process process) {
        int width = pidWidth();
        return String.format("%" + width + "s %-8s %s%n", "PID", "USER", "CMD")
                + String.format("%" + width + "d %-8s %s%n", process.pid(), process.user(), process.command());
    }

    private int pidWidth() {
        try {
            String max = Files.readString(proc.resolve("sys/kernel/pid_max")).strip();
            return Math.max(5, Integer.toString(Integer.parseInt(max) - 1).length());
        } catch (IOException | RuntimeException e) {
            return 7;
        }
    }

    /** ps shows the name of the effective user, or the number when the name is longer than 8. */
    String userName(long uid) {
        try {
            for (String line : Files.readAllLines(passwd, StandardCharsets.UTF_8)) {
                String[] fields = line.split(":");
                if (fields.length > 2 && fields[2].equals(Long.toString(uid))) {
                    return fields[0].length() > 8 ? Long.toString(uid) : fields[0];
                }
            }
        } catch (IOException | RuntimeException e) {
            // No passwd to read: the number, as ps does for an unknown user.
        }
        return Long.toString(uid);
    }

    private static Optional<String> link(Path path) {
        try {
            return Optional.of(Files.readSymbolicLink(path).toString());
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return Optional.empty();
        }
    }

    static List<String> args(byte[] cmdline) {
        List<String> args = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= cmdline.length; i++) {
            if (i == cmdline.length || cmdline[i] == 0) {
                if (i > start) {
                    args.add(new String(cmdline, start, i - start, StandardCharsets.UTF_8));
                }
                start = i + 1;
            }
        }
        return args;
    }

    static String field(String status, String name) {
        for (String line : status.split("\n")) {
            if (line.startsWith(name + ":")) {
                return line.substring(name.length() + 1).strip();
            }
        }
        return "";
    }

    private static long number(String text) {
        return Long.parseLong(text.strip());
    }

    static String baseName(String path) {
        String p = path == null ? "" : path.strip();
        int slash = p.lastIndexOf('/');
        return slash >= 0 ? p.substring(slash + 1) : p;
    }
}
