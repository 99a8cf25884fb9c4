package nl.dockerles.docker;

import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.Message;
import nl.dockerles.daemon.Docker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static nl.dockerles.docker.DockerContexts.isBlank;

/**
 * {@code DOCKER_HOST=ssh://user@host} or a context with such a host: the daemon over ssh, as the docker CLI
 * reaches it ({@code ssh … -- host docker system dial-stdio}, see {@link SshAddress} and {@link SshBridge}).
 * ssh itself reads ~/.ssh/config, known_hosts and the agent; dockerles adds only BatchMode (no password prompt
 * nobody sees) and a connect timeout.
 */
final class SshConnection {
    /** ssh gets 30 s to connect (as in the docker CLI); the daemon's answer a little more. */
    static final Duration BUDGET = Duration.ofSeconds(35);

    private SshConnection() {
    }

    static Docker connect(DaemonCandidate candidate, Map<String, String> env, Path configDir) {
        SshAddress address = SshAddress.parse(candidate.host());
        String osName = System.getProperty("os.name", "");
        Optional<Path> ssh = SshFailures.findSsh(env, osName);
        if (ssh.isEmpty()) {
            throw new DockerlesException(ExitCode.DOCKER_UNAVAILABLE, "error.docker.ssh.missing", candidate.describe(),
                    String.valueOf(env.getOrDefault("PATH", "")));
        }
        String command = address.commandLine("ssh");
        SshBridge bridge;
        try {
            bridge = SshBridge.open(withoutCtrlC(address.command(ssh.get().toString()), osName), env, tempRoot(env));
        } catch (IOException e) {
            throw new DockerlesException(ExitCode.DOCKER_UNAVAILABLE, e, "error.docker.ssh.socket",
                    candidate.describe(), String.valueOf(e.getMessage()));
        }
        DaemonCandidate local = new DaemonCandidate(bridge.socketUri(), candidate.source(), null);
        try {
            DaemonProbe.Answer answer = DaemonProbe.probe(local, NoTls.INSTANCE, BUDGET);
            return DockerConnector.docker(answer, local, candidate.host().toString(), env, configDir, bridge);
        } catch (DaemonProbe.NoAnswer noAnswer) {
            Optional<SshBridge.Failure> failure = bridge.failure(3000);
            bridge.close();
            throw failed(candidate, address, command, failure, noAnswer.reason());
        } catch (RuntimeException e) {
            bridge.close();
            throw e;
        }
    }

    private static DockerlesException failed(DaemonCandidate candidate, SshAddress address, String command,
                                             Optional<SshBridge.Failure> failure, Message noAnswer) {
        String login = address.loginCommand();
        if (failure.isEmpty()) {
            return new DockerlesException(ExitCode.DOCKER_UNAVAILABLE, "error.docker.ssh.noanswer", candidate.describe(),
                    command, noAnswer, login);
        }
        SshBridge.Failure f = failure.get();
        SshFailures.Kind kind = SshFailures.kind(f.exitCode(), f.stderr());
        String said = SshFailures.said(f.stderr());
        return new DockerlesException(ExitCode.DOCKER_UNAVAILABLE, kind.messageKey(), candidate.describe(),
                command, said.isEmpty() ? "exit " + f.exitCode() : said, address.host(), login);
    }

    /**
     * Ctrl-C in a terminal goes to every process of the foreground group, ssh too: then the connections would be
     * gone before dockerles cleans up over them. As the docker CLI keeps ssh out of that group, this starts ssh
     * with SIGINT ignored (which ssh keeps, and which exec passes on); dockerles ends ssh itself when it is done.
     */
    static List<String> withoutCtrlC(List<String> command, String osName) {
        if (osName.toLowerCase(java.util.Locale.ROOT).startsWith("windows") || !Files.isExecutable(Path.of("/bin/sh"))) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("/bin/sh", "-c", "trap '' INT; exec \"$0\" \"$@\""));
        wrapped.addAll(command);
        return wrapped;
    }

    /** $TMPDIR when it is a folder (as ssh and mktemp take it), else Java's temporary folder. */
    static Path tempRoot(Map<String, String> env) {
        String tmp = env.get("TMPDIR");
        if (!isBlank(tmp) && Files.isDirectory(Path.of(tmp))) {
            return Path.of(tmp);
        }
        return Path.of(System.getProperty("java.io.tmpdir"));
    }
}
