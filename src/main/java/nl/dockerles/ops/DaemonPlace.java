package nl.dockerles.ops;

import nl.dockerles.daemon.DaemonAddress;
import nl.dockerles.daemon.DaemonInfo;
import nl.dockerles.daemon.Docker.DaemonDetails;

import java.util.Locale;

/** Where the daemon runs, seen from this machine: here, in Docker Desktop's VM, in another VM, or elsewhere. */
public enum DaemonPlace {
    /** On this machine, without a VM: its data folder and its published ports are this machine's. */
    LOCAL,
    /** In the Linux VM of Docker Desktop (its OperatingSystem says "Docker Desktop"). */
    DESKTOP,
    /** In a Linux VM of another kind (this machine is no Linux: Colima, Podman machine, Rancher Desktop …). */
    VM,
    /** On another machine (DOCKER_HOST=tcp://… or ssh://…). */
    REMOTE;

    public static DaemonPlace of(DaemonInfo daemon, String osName) {
        if (!DaemonAddress.isLocal(daemon.host())) {
            return REMOTE;
        }
        String operatingSystem = daemon.operatingSystem() == null ? "" : daemon.operatingSystem();
        if (operatingSystem.contains("Docker Desktop")) {
            return DESKTOP;
        }
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        return os.contains("linux") ? LOCAL : VM;
    }

    /** Podman answers the Docker API too, and says so in its version's components ("Podman Engine"). */
    public static boolean isPodman(DaemonDetails details) {
        return details.components().stream().anyMatch(name -> name.toLowerCase(Locale.ROOT).contains("podman"));
    }
}
