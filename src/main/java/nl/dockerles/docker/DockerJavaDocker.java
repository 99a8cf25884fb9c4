package nl.dockerles.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerResponse;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.Version;
import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.engine.ContainerInfo;
import nl.dockerles.engine.ContainerRow;
import nl.dockerles.engine.ContainerSpec;
import nl.dockerles.engine.DaemonInfo;
import nl.dockerles.engine.Docker;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** {@link Docker} on docker-java: the only place dockerles talks to a daemon. Get one from {@link DockerConnector}. */
public final class DockerJavaDocker implements Docker {
    private final DockerClient client;
    private final String host;
    private final String negotiatedApi;
    private final Set<AttachedTty> sessions = ConcurrentHashMap.newKeySet();

    DockerJavaDocker(DockerClient client, String host, String negotiatedApi) {
        this.client = client;
        this.host = host;
        this.negotiatedApi = negotiatedApi;
    }

    /** For tests in this package that need to look deeper than the interface does. */
    DockerClient dockerClient() {
        return client;
    }

    @Override
    public DaemonInfo daemon() {
        return call(() -> {
            Version version = client.versionCmd().exec();
            Info info = client.infoCmd().exec();
            return new DaemonInfo(host, version.getVersion(), version.getApiVersion(), negotiatedApi,
                    info.getOsType() != null ? info.getOsType() : version.getOperatingSystem(),
                    version.getArch(), info.getOperatingSystem(), version.getKernelVersion());
        });
    }

    @Override
    public List<ContainerRow> listContainers(boolean all, Map<String, String> labels) {
        return call(() -> {
            var cmd = client.listContainersCmd().withShowAll(all);
            if (labels != null && !labels.isEmpty()) {
                cmd.withLabelFilter(labels.entrySet().stream()
                        .map(e -> e.getValue() == null ? e.getKey() : e.getKey() + "=" + e.getValue())
                        .toList());
            }
            return cmd.exec().stream().map(ContainerModels::row).toList();
        });
    }

    @Override
    public Optional<ContainerInfo> inspectContainer(String nameOrId) {
        return call(() -> {
            try {
                return Optional.of(ContainerModels.info(client.inspectContainerCmd(nameOrId).exec()));
            } catch (NotFoundException e) {
                return Optional.empty();
            }
        });
    }

    @Override
    public String createContainer(ContainerSpec spec) {
        return call(() -> {
            try {
                CreateContainerResponse created =
                        ContainerSpecs.apply(spec, client.createContainerCmd(spec.image())).exec();
                return created.getId();
            } catch (NotFoundException e) {
                // create never pulls: a 404 here is the image.
                throw new DockerlesException(ExitCode.IMAGE_MISSING, e, "error.image.missing", spec.image());
            } catch (ConflictException e) {
                throw new DockerlesException(ExitCode.CONFLICT, e, "error.name.taken",
                        String.valueOf(spec.name()), DockerFailures.daemonMessage(e));
            }
        });
    }

    @Override
    public void startContainer(String id) {
        run(() -> {
            try {
                client.startContainerCmd(id).exec();
            } catch (NotModifiedException e) {
                // Already running: that is what was asked.
            } catch (NotFoundException e) {
                throw missing(id, e);
            }
        });
    }

    @Override
    public void stopContainer(String id, Integer timeoutSeconds) {
        run(() -> {
            try {
                var cmd = client.stopContainerCmd(id);
                if (timeoutSeconds != null) {
                    cmd.withTimeout(timeoutSeconds);
                }
                cmd.exec();
            } catch (NotModifiedException e) {
                // Already stopped.
            } catch (NotFoundException e) {
                throw missing(id, e);
            }
        });
    }

    /** Removing is cleanup: a container that is already gone (or going) is fine. */
    @Override
    public void removeContainer(String id, boolean force, boolean volumes) {
        run(() -> {
            try {
                client.removeContainerCmd(id).withForce(force).withRemoveVolumes(volumes).exec();
            } catch (NotFoundException e) {
                // Gone already, e.g. --rm.
            } catch (ConflictException e) {
                if (!DockerFailures.daemonMessage(e).contains("already in progress")) {
                    throw e;
                }
            }
        });
    }

    @Override
    public TtySession startAttached(String id, Consumer<byte[]> output) {
        return call(() -> {
            // The hijacked attach reports a missing container only as "Expected 101, got 404": ask first.
            if (inspectContainer(id).isEmpty()) {
                throw missing(id, null);
            }
            AttachedTty tty = AttachedTty.attach(client, id, output, host);
            try {
                startContainer(id);
            } catch (RuntimeException e) {
                tty.close();
                throw e;
            }
            sessions.add(tty);
            return new Session(tty);
        });
    }

    @Override
    public boolean imageExists(String reference) {
        return call(() -> {
            try {
                client.inspectImageCmd(reference).exec();
                return true;
            } catch (NotFoundException e) {
                return false;
            }
        });
    }

    @Override
    public void pullImage(String reference, Consumer<PullProgress> progress) {
        ImagePuller.pull(client, reference, progress, host);
    }

    /** Empty when it still runs after {@code timeout}, or when it is gone (auto-removed) without a trace. */
    @Override
    public Optional<Integer> waitForExit(String id, Duration timeout) {
        return call(() -> {
            WaitContainerResultCallback callback = new WaitContainerResultCallback();
            try {
                client.waitContainerCmd(id).exec(callback);
                if (!callback.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    return Optional.empty();
                }
                return Optional.of(callback.awaitStatusCode(1, TimeUnit.SECONDS));
            } catch (NotFoundException e) {
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DockerlesException(ExitCode.INTERRUPTED, e, "error.interrupted");
            } finally {
                closeQuietly(callback);
            }
        });
    }

    @Override
    public void close() {
        sessions.forEach(AttachedTty::close);
        sessions.clear();
        try {
            client.close();
        } catch (IOException | RuntimeException ignored) {
            // Closing on the way out: nothing left to tell the user.
        }
    }

    private DockerlesException missing(String id, Exception cause) {
        return new DockerlesException(ExitCode.DOCKER_ERROR, cause, "error.container.missing", id);
    }

    /** Runs a daemon call; whatever docker-java throws leaves as a DockerlesException. */
    private <T> T call(Supplier<T> action) {
        try {
            return action.get();
        } catch (RuntimeException e) {
            throw DockerFailures.translate(e, host);
        }
    }

    private void run(Runnable action) {
        call(() -> {
            action.run();
            return null;
        });
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // Only stops our reading.
        }
    }

    /** Forgets the session in {@link #close()}'s list once it is closed. */
    private final class Session implements TtySession {
        private final AttachedTty tty;

        Session(AttachedTty tty) {
            this.tty = tty;
        }

        @Override
        public void send(byte[] input) {
            tty.send(input);
        }

        @Override
        public boolean awaitEnd(Duration timeout) {
            return tty.awaitEnd(timeout);
        }

        @Override
        public void close() {
            tty.close();
            sessions.remove(tty);
        }
    }
}
