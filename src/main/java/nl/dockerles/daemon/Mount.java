package nl.dockerles.daemon;

/**
 * One of a container's mounts ({@code Mounts} of docker inspect).
 *
 * @param type        "volume" or "bind" (also "tmpfs", …)
 * @param name        the volume's name; null for a bind mount
 * @param destination where it is mounted in the container
 */
public record Mount(String type, String name, String destination) {

    /** A named or anonymous volume (a bind mount has no name). */
    public boolean isVolume() {
        return "volume".equals(type) && name != null && !name.isEmpty();
    }
}
