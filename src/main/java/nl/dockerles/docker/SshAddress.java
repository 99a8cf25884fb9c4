package nl.dockerles.docker;

import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * A daemon reached over ssh, as the docker CLI reads {@code ssh://[user@]host[:port][/socket]}: ssh logs in and
 * runs {@code docker system dial-stdio} there, whose stdin and stdout are then the connection to that daemon.
 * The user and port may also come from the ssh configuration (~/.ssh/config): ssh reads that itself.
 *
 * @param user   the login name, or null (ssh's own choice: ~/.ssh/config, else the local user name)
 * @param host   the host name as written; ssh may map it to another with HostName in its configuration
 * @param port   the port, or -1 (ssh's own choice)
 * @param socket the daemon's socket on that machine, or null for the docker CLI's default there
 */
record SshAddress(String user, String host, int port, String socket) {
    /** As the docker CLI: ssh must not wait for a password or a question nobody sees; 30 s at most to connect. */
    static final List<String> FIXED_OPTIONS = List.of("-o", "BatchMode=yes", "-o", "ConnectTimeout=30", "-T");

    /** Reads an ssh:// address; what the docker CLI refuses (a password, a query, no host) is refused here too. */
    static SshAddress parse(URI uri) {
        String text = uri.toString();
        if (!"ssh".equalsIgnoreCase(uri.getScheme()) || uri.isOpaque() || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw invalid(text);
        }
        String host = uri.getHost();
        String user = uri.getUserInfo();
        int port = uri.getPort();
        if (host == null && uri.getRawAuthority() != null) {
            // A name URI does not take as a host (an ssh alias such as werk_server): split it ourselves.
            String authority = uri.getRawAuthority();
            int at = authority.lastIndexOf('@');
            user = at < 0 ? null : authority.substring(0, at);
            host = authority.substring(at + 1);
            int colon = host.lastIndexOf(':');
            if (colon >= 0 && !host.endsWith("]")) {
                try {
                    port = Integer.parseInt(host.substring(colon + 1));
                } catch (NumberFormatException e) {
                    throw invalid(text);
                }
                host = host.substring(0, colon);
            }
        }
        if (host == null || host.isBlank() || port == 0 || port > 65535) {
            throw invalid(text);
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (user != null && (user.isEmpty() || user.contains(":"))) {
            throw invalid(text); // a password in the address: ssh asks for it itself, or better, uses a key
        }
        String path = uri.getPath();
        String socket = path == null || path.isEmpty() || path.equals("/") ? null : path;
        if (host.startsWith("-") || (user != null && user.startsWith("-"))) {
            throw invalid(text); // would be read as an option by ssh
        }
        return new SshAddress(user, host, port, socket);
    }

    private static DockerlesException invalid(String text) {
        return new DockerlesException(ExitCode.DOCKER_UNAVAILABLE, "error.docker.ssh.address", text);
    }

    /** The command line, as the docker CLI runs it: {@code ssh [options] [-l user] [-p port] -- host docker …}. */
    List<String> command(String ssh) {
        List<String> command = new ArrayList<>();
        command.add(ssh);
        command.addAll(FIXED_OPTIONS);
        if (user != null) {
            command.add("-l");
            command.add(user);
        }
        if (port != -1) {
            command.add("-p");
            command.add(Integer.toString(port));
        }
        command.add("--");
        command.add(host);
        command.addAll(remoteCommand());
        return command;
    }

    /** What runs on the other machine; ssh hands it to the remote shell as one line. */
    List<String> remoteCommand() {
        List<String> remote = new ArrayList<>();
        remote.add("docker");
        if (socket != null) {
            remote.add("--host=unix://" + socket);
        }
        remote.add("system");
        remote.add("dial-stdio");
        return remote;
    }

    /** How to log in there by hand, to try it out: {@code ssh [-p port] [user@]host}. */
    String loginCommand() {
        return "ssh " + (port == -1 ? "" : "-p " + port + " ") + (user == null ? "" : user + "@")
                + host;
    }

    /** The command line as a person would type it (for messages). */
    String commandLine(String ssh) {
        List<String> words = new ArrayList<>();
        for (String word : command(ssh)) {
            words.add(word.matches("[\\w@%+=:,./-]+") ? word : "'" + word.replace("'", "'\\''") + "'");
        }
        return String.join(" ", words);
    }
}
