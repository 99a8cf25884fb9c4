package nl.dockerles.docker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.command.CreateContainerResponse;
import com.github.dockerjava.api.command.ExecCreateCmdResponse;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectExecResponse;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.command.ListVolumesResponse;
import com.github.dockerjava.api.model.ChangeLog;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.Image;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.WaitResponse;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientConfigDelegate;
import com.github.dockerjava.core.command.CreateContainerCmdImpl;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The JSON mapper of every docker-java client of this process, and its warm-up.
 *
 * <p>docker-java gives each client a fresh copy of its mapper, and Jackson builds the reader of a model class
 * the first time it meets one: 30–80 ms for a container list or an inspect, each time on the presenter's path.
 * One shared mapper keeps what the connection check built, and a side thread builds the readers of the calls
 * a section makes first while the main thread shows the title and waits for the daemon.
 */
final class JsonModels {
    /** In the order a section first needs them: preflight, then run, then the rest. */
    private static final List<Class<?>> READ_FIRST = List.of(Container.class, InspectContainerResponse.class,
            Image.class, InspectImageResponse.class, CreateContainerResponse.class, WaitResponse.class,
            ExecCreateCmdResponse.class, InspectExecResponse.class, ChangeLog.class, ListVolumesResponse.class,
            InspectVolumeResponse.class, Event.class, Info.class);

    private static final ObjectMapper SHARED = DockerClientConfig.getDefaultObjectMapper();
    private static final AtomicBoolean WARMING = new AtomicBoolean();

    private JsonModels() {
    }

    static DockerClientConfig sharingTheMapper(DockerClientConfig config) {
        return new DockerClientConfigDelegate(config) {
            @Override
            public ObjectMapper getObjectMapper() {
                return SHARED;
            }
        };
    }

    /**
     * Starts building the readers on a daemon thread, once per process; a reader the main thread needs before
     * this thread got to it, it builds itself.
     */
    static void warmUp() {
        if (!WARMING.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(JsonModels::buildReaders, "dockerles-warmup");
        thread.setDaemon(true);
        thread.start();
    }

    private static void buildReaders() {
        try {
            SHARED.writerFor(CreateContainerCmdImpl.class);
            for (Class<?> model : READ_FIRST) {
                // An empty object is enough: it builds the reader of the class and of everything in it.
                SHARED.readValue("{}", model);
            }
        } catch (Exception | LinkageError e) {
            // Only a head start: whatever was not built here is built on first use, as without it.
        }
    }
}
