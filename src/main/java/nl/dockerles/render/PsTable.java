package nl.dockerles.render;

import nl.dockerles.daemon.ContainerRow;
import nl.dockerles.daemon.PortMapping;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** {@code docker ps} output, column for column as the docker CLI prints it. */
public final class PsTable {
    private PsTable() {
    }

    public static String render(List<ContainerRow> rows, Instant now) {
        Table table = new Table("CONTAINER ID", "IMAGE", "COMMAND", "CREATED", "STATUS", "PORTS", "NAMES");
        for (ContainerRow row : rows) {
            table.row(shortId(row.id()), row.image(), '"' + ellipsis(row.command(), 20) + '"',
                    HumanDuration.of(Duration.between(Instant.ofEpochSecond(row.createdEpochSeconds()), now))
                            + " ago",
                    row.status(), ports(row.ports()), row.name());
        }
        return table.render();
    }

    public static String shortId(String id) {
        String hex = id.startsWith("sha256:") ? id.substring(7) : id;
        return hex.length() > 12 ? hex.substring(0, 12) : hex;
    }

    public static String ellipsis(String text, int max) {
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
    }

    /** "127.0.0.1:8080->80/tcp", or "80/tcp" when the port is exposed but not published. */
    public static String ports(List<PortMapping> ports) {
        return ports.stream()
                .map(p -> p.hostPort() == null ? p.containerPort() + "/" + p.protocol()
                        : host(p.hostIp()) + ":" + p.hostPort() + "->" + p.containerPort() + "/" + p.protocol())
                .distinct()
                .collect(Collectors.joining(", "));
    }

    private static String host(String ip) {
        if (ip == null || ip.isEmpty()) {
            return "0.0.0.0";
        }
        return ip.contains(":") ? "[" + ip + "]" : ip;
    }
}
