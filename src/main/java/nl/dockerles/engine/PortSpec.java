package nl.dockerles.engine;

import nl.dockerles.daemon.PortMapping;

/** Parses docker's {@code -p} syntax: {@code 8080:80}, {@code 127.0.0.1:8080:80}, {@code 80/udp}, {@code :80}. */
final class PortSpec {
    private PortSpec() {
    }

    static PortMapping parse(String publish) {
        String protocol = "tcp";
        String spec = publish;
        int slash = spec.lastIndexOf('/');
        if (slash >= 0) {
            protocol = spec.substring(slash + 1);
            spec = spec.substring(0, slash);
        }
        String[] parts = spec.split(":");
        try {
            return switch (parts.length) {
                case 1 -> new PortMapping(null, 0, Integer.parseInt(parts[0]), protocol);
                case 2 -> new PortMapping(null, port(parts[0]), Integer.parseInt(parts[1]), protocol);
                case 3 -> new PortMapping(parts[0], port(parts[1]), Integer.parseInt(parts[2]), protocol);
                default -> throw new IllegalArgumentException("not a port: " + publish);
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a port: " + publish, e);
        }
    }

    /** Host port 0 ("-p 80", "-p :80") lets Docker choose a free one. */
    private static Integer port(String text) {
        return text.isEmpty() ? 0 : Integer.parseInt(text);
    }
}
