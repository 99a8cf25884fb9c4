package nl.dockerles.daemon;

/**
 * The daemon dockerles is connected to: where, which version, which API version we chose, and how it keeps
 * images (for narration, which must say what this daemon does, not what Docker usually does).
 *
 * @param storageDriver   {@code docker info}'s "Storage Driver": overlay2 (Docker), overlayfs (Docker with the
 *                        containerd image store), overlay (Podman), ...
 * @param containerdStore the containerd image store (the default from Docker 29 on): images are containerd's,
 *                        a storage driver is a containerd snapshotter
 * @param podman          Podman's Docker-compatible API rather than Docker Engine
 */
public record DaemonInfo(String host, String serverVersion, String apiVersion, String negotiatedApiVersion,
                         String os, String architecture, String operatingSystem, String kernelVersion,
                         String storageDriver, boolean containerdStore, boolean podman) {

    /** A Docker Engine with the classic image store and overlay2. */
    public DaemonInfo(String host, String serverVersion, String apiVersion, String negotiatedApiVersion,
                      String os, String architecture, String operatingSystem, String kernelVersion) {
        this(host, serverVersion, apiVersion, negotiatedApiVersion, os, architecture, operatingSystem, kernelVersion,
                "overlay2", false, false);
    }

    /** "Docker Engine" or "Podman", as the daemon names itself. */
    public String engine() {
        return engine(podman);
    }

    /** "Docker Engine", or "Podman" for Podman's Docker-compatible API. */
    public static String engine(boolean podman) {
        return podman ? "Podman" : "Docker Engine";
    }
}
