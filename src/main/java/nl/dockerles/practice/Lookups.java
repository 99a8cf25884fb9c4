package nl.dockerles.practice;

import nl.dockerles.daemon.Docker;

import java.util.List;
import java.util.OptionalInt;

/**
 * What the checks cannot read from inspect or list, so they look it up on the running thing: an HTTP answer, a
 * file in an image or a volume, a command in a container. (Not to be confused with {@code docker.DaemonProbe},
 * which asks a possible daemon whether it is one.)
 */
public interface Lookups {

    /** An HTTP GET on http://127.0.0.1:port/: the status, or empty when nothing answers. */
    OptionalInt http(int hostPort);

    /** Whether the path exists in the image (a short-lived container of dockerles looks). */
    boolean fileInImage(String imageId, String path);

    /** Whether the path exists in the named volume (a short-lived container of dockerles looks). */
    boolean fileInVolume(String volume, String path);

    /** {@code docker exec}: the command's exit code and output. */
    Docker.ExecResult exec(String containerId, List<String> command);

    /** Something changed on the daemon (an event): answers that can change are asked again. */
    default void changed() {
    }
}
