package nl.dockerles.daemon;

/** A published port: host address and port (null when not published) to the container's port. */
public record PortMapping(String hostIp, Integer hostPort, int containerPort, String protocol) {
}
