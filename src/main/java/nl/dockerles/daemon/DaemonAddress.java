package nl.dockerles.daemon;

/**
 * What a daemon's address ({@code unix:///var/run/docker.sock}, {@code tcp://10.0.0.5:2375}, {@code ssh://…})
 * says about where it is. The one home of "is the daemon on this machine": the http-get action, {@code oefen}'s
 * port checks, {@code check} and the process view all ask here.
 */
public final class DaemonAddress {
    /** Docker Engine's own socket: where the docker CLI and a shell line for curl or socat look by default. */
    public static final String DOCKER_SOCKET = "/var/run/docker.sock";

    private DaemonAddress() {
    }

    /**
     * The socket file of a {@code unix://} address ("/run/podman/podman.sock" for Podman), for a shell line that
     * reaches the daemon by hand; {@link #DOCKER_SOCKET} for any other address.
     */
    public static String socketPath(String host) {
        return host != null && host.startsWith("unix://") ? host.substring("unix://".length()) : DOCKER_SOCKET;
    }

    /**
     * True for a socket or a loopback address: the daemon (or the VM of Docker Desktop, which forwards its
     * published ports) is on this machine. {@code ssh://…} is another machine, even {@code ssh://127.0.0.1}:
     * dockerles only sees it through ssh.
     */
    public static boolean isLocal(String host) {
        String address = host == null ? "" : host;
        return !address.startsWith("ssh:") && (address.startsWith("unix:") || address.startsWith("npipe:")
                || address.contains("://127.0.0.1") || address.contains("://localhost")
                || address.contains("://[::1]"));
    }
}
