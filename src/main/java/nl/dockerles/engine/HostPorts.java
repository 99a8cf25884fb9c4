package nl.dockerles.engine;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Host ports that a step publishes ({@code -p 127.0.0.1:8080:80}): whether one is free on this machine,
 * and the command with a taken port replaced by a free one (the command shown is the command run).
 */
public final class HostPorts {
    private static final Pattern PUBLISH = Pattern.compile("(-p\\s*|--publish[ =])((?:[0-9.]+:)?)(\\d+)(:\\d+)");

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

    /** Replaces host port N by the fact {@code port.N} when there is one. */
    static String rewrite(String command, Facts facts) {
        Matcher m = PUBLISH.matcher(command);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = facts.get("port." + m.group(3));
            String port = replacement != null ? replacement : m.group(3);
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + m.group(2) + port + m.group(4)));
        }
        m.appendTail(out);
        return rewriteRegistries(out.toString(), facts);
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

    /** The published host ports of a command text: [hostIp, port] pairs. */
    public static java.util.List<String[]> published(String command) {
        java.util.List<String[]> ports = new java.util.ArrayList<>();
        Matcher m = PUBLISH.matcher(command);
        while (m.find()) {
            String ip = m.group(2).isEmpty() ? "" : m.group(2).substring(0, m.group(2).length() - 1);
            ports.add(new String[] {ip, m.group(3)});
        }
        return ports;
    }
}
