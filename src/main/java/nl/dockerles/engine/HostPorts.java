package nl.dockerles.engine;

import nl.dockerles.cmdline.PublishedPorts;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The port rule's one home. Host ports that a step publishes ({@code -p 127.0.0.1:8080:80}, found in the parsed
 * command by {@link PublishedPorts}): whether one is free on this machine, and the command with a taken port
 * replaced by a free one (fact {@code port.N}; the command shown is the command run). The same fact moves a
 * registry on such a port ({@code 127.0.0.1:5001/les/hallo}) and a URL in an action's line.
 */
public final class HostPorts {
    private HostPorts() {
    }

    public static boolean isFree(String hostIp, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // Bind as the daemon does (Go sets SO_REUSEADDR): a connection of an earlier run that is still in
            // TIME_WAIT does not make a port taken. On Windows SO_REUSEADDR would even bind a port in use.
            socket.setReuseAddress(!System.getProperty("os.name", "").startsWith("Windows"));
            InetAddress address = hostIp == null || hostIp.isEmpty() ? null : InetAddress.getByName(hostIp);
            socket.bind(address == null ? new InetSocketAddress(port) : new InetSocketAddress(address, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The first free port after {@code taken} that is not in {@code claimed} (ports the section uses itself). */
    static int nextFree(String hostIp, int taken, java.util.Set<Integer> claimed) {
        for (int port = taken + 1; port < Math.min(65535, taken + 200); port++) {
            if (!claimed.contains(port) && isFree(hostIp, port)) {
                return port;
            }
        }
        return 0;
    }

    /** Replaces host port N by the fact {@code port.N} when there is one: in a {@code -p} value, and in a registry. */
    static String rewrite(String command, Facts facts) {
        return rewriteRegistries(PublishedPorts.replace(command, port -> chosen(port, facts)), facts);
    }

    /** The port chosen instead of {@code port} ({@link Preflight}), or {@code port} itself. */
    private static int chosen(int port, Facts facts) {
        String replacement = facts.get("port." + port);
        return replacement == null ? port : Integer.parseInt(replacement);
    }

    /** An image of a registry on a published port, {@code 127.0.0.1:5001/les/hallo}: that port moves with it. */
    private static final Pattern LOOPBACK_REGISTRY = Pattern.compile("(?<![\\w.:/])(127\\.0\\.0\\.1:)(\\d+)(/)");

    private static String rewriteRegistries(String command, Facts facts) {
        Matcher m = LOOPBACK_REGISTRY.matcher(command);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = facts.get("port." + m.group(2));
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1)
                    + (replacement != null ? replacement : m.group(2)) + m.group(3)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static final Pattern LOOPBACK_URL = Pattern.compile("(://(?:127\\.0\\.0\\.1|localhost):)(\\d+)");

    /** In an action's shell line ({@code curl -si http://127.0.0.1:8080/}): host port N becomes {@code port.N}. */
    static String rewriteUrls(String line, Facts facts) {
        Matcher m = LOOPBACK_URL.matcher(line);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = facts.get("port." + m.group(2));
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + (replacement != null ? replacement
                    : m.group(2))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The host ports that a command publishes (none when it is not a {@code docker run}). */
    public static List<PublishedPorts.HostPort> published(String command) {
        return PublishedPorts.of(command);
    }
}
