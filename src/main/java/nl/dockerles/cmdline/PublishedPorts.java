package nl.dockerles.cmdline;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * The host ports a {@code docker run} publishes, from its parsed {@code -p} values (so every spelling the docker
 * CLI accepts counts: {@code -p 8080:80}, {@code -p8080:80}, {@code -dp 8080:80}, {@code --publish=8080:80}), and
 * the same command text with a host port replaced in its own word, the rest as written.
 */
public final class PublishedPorts {
    private PublishedPorts() {
    }

    /** A host port: {@code -p 127.0.0.1:8080:80} is 127.0.0.1 and 8080; ip "" is every address. */
    public record HostPort(String ip, int port) {
    }

    /**
     * The host ports the command publishes, in order; none for a command that is not a {@code docker run}, that
     * lets Docker choose ({@code -p 80}), or that does not parse (the step says so when it runs).
     */
    public static List<HostPort> of(String commandLine) {
        List<HostPort> ports = new ArrayList<>();
        for (DockerCli.Publish publish : publishes(commandLine)) {
            Spec spec = Spec.of(publish.value());
            if (spec != null) {
                ports.add(new HostPort(spec.ip, spec.port));
            }
        }
        return ports;
    }

    /** The command with each host port N replaced by {@code port.applyAsInt(N)}; every other character stays. */
    public static String replace(String commandLine, IntUnaryOperator port) {
        StringBuilder out = new StringBuilder(commandLine);
        List<DockerCli.Publish> publishes = publishes(commandLine);
        // From the end, so that the places of the earlier words still hold.
        for (int i = publishes.size() - 1; i >= 0; i--) {
            DockerCli.Publish publish = publishes.get(i);
            Spec spec = Spec.of(publish.value());
            if (spec == null || port.applyAsInt(spec.port) == spec.port) {
                continue;
            }
            String value = spec.with(port.applyAsInt(spec.port));
            ShellWords.Word word = publish.word();
            String written = commandLine.substring(word.start(), word.end());
            int at = written.lastIndexOf(publish.value());
            String replaced = at >= 0
                    ? written.substring(0, at) + value + written.substring(at + publish.value().length())
                    : ShellWords.quote(word.text().substring(0, word.text().length() - publish.value().length())
                    + value);
            out.replace(word.start(), word.end(), replaced);
        }
        return out.toString();
    }

    private static List<DockerCli.Publish> publishes(String commandLine) {
        try {
            return DockerCli.invocation(commandLine).publishes();
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    /** A {@code -p} value with a fixed host port: {@code [ip:]port:containerPort[/protocol]}. */
    private record Spec(String ip, int port, String containerPart) {
        static Spec of(String value) {
            int colon = value.lastIndexOf(':');
            if (colon < 0) {
                return null; // -p 80: Docker chooses the host port
            }
            String host = value.substring(0, colon);
            int ipColon = host.lastIndexOf(':');
            String ip = ipColon < 0 ? "" : host.substring(0, ipColon);
            String port = host.substring(ipColon + 1);
            if (!port.matches("\\d{1,5}")) {
                return null; // -p :80, a range or a placeholder
            }
            return new Spec(ip, Integer.parseInt(port), value.substring(colon));
        }

        String with(int newPort) {
            return (ip.isEmpty() ? "" : ip + ":") + newPort + containerPart;
        }
    }
}
