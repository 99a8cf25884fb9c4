package nl.dockerles.daemon;

import java.util.List;
import java.util.Map;

/**
 * Everything {@code docker run} asks of the daemon when it creates a container.
 *
 * @param init {@code --init}: a small init process (docker-init) runs as PID 1 and passes signals on
 */
public record ContainerSpec(String image, List<String> command, String name, boolean tty, boolean stdinOpen,
                            boolean autoRemove, List<PortMapping> ports, List<String> binds,
                            List<String> env, String restartPolicy, String user, Map<String, String> labels,
                            String workingDir, boolean init) {

    /** Without a working folder (the image's own) and without {@code --init}. */
    public ContainerSpec(String image, List<String> command, String name, boolean tty, boolean stdinOpen,
                         boolean autoRemove, List<PortMapping> ports, List<String> binds, List<String> env,
                         String restartPolicy, String user, Map<String, String> labels) {
        this(image, command, name, tty, stdinOpen, autoRemove, ports, binds, env, restartPolicy, user, labels, null,
                false);
    }
}
