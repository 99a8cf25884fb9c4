package nl.dockerles.engine;

import java.util.List;
import java.util.Map;

/** Everything {@code docker run} asks of the daemon when it creates a container. */
public record ContainerSpec(String image, List<String> command, String name, boolean tty, boolean stdinOpen,
                            boolean autoRemove, List<PortMapping> ports, List<String> binds,
                            List<String> env, String restartPolicy, String user, Map<String, String> labels) {
}
