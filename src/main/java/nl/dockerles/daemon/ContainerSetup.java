package nl.dockerles.daemon;

import java.util.List;

/**
 * How a container was made, as docker inspect tells it ({@code Path}, {@code Config}, {@code HostConfig},
 * {@code Mounts}), as far as dockerles needs it. What the daemon does not say is empty, false or 0.
 *
 * @param imageId           the image's id ({@code Image}); null when unknown
 * @param path              the program the container runs ({@code Path}); null when unknown
 * @param user              {@code Config.User}; "" for the image's (mostly root)
 * @param attached          started without {@code -d}: {@code Config.AttachStdout} or {@code AttachStderr}
 * @param init              {@code HostConfig.Init} ({@code --init})
 * @param memory            {@code HostConfig.Memory} in bytes; 0 for no limit
 * @param pidMode           {@code HostConfig.PidMode} ("host", "container:db"); "" for its own namespace
 * @param restartPolicy     {@code HostConfig.RestartPolicy.Name}; "" for none
 * @param maximumRetryCount {@code HostConfig.RestartPolicy.MaximumRetryCount}
 * @param mounts            {@code Mounts}, in the daemon's order
 */
public record ContainerSetup(String imageId, String path, String user, boolean attached, boolean init, long memory,
                             String pidMode, String restartPolicy, int maximumRetryCount, List<Mount> mounts) {

    /** Nothing known (a fake that does not say). */
    public static final ContainerSetup UNKNOWN = new ContainerSetup(null, null, "", false, false, 0, "", "", 0,
            List.of());

    public ContainerSetup {
        user = user == null ? "" : user;
        pidMode = pidMode == null ? "" : pidMode;
        restartPolicy = restartPolicy == null ? "" : restartPolicy;
        mounts = mounts == null ? List.of() : List.copyOf(mounts);
    }

    /** The volumes among the mounts, in the daemon's order. */
    public List<Mount> volumes() {
        return mounts.stream().filter(Mount::isVolume).toList();
    }
}
