package nl.dockerles.engine;

import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.daemon.Docker;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The daemon as the steps see it: once the run stops, a step that winds down can start nothing new (no
 * container created after the clean-up listed what to remove). The clean-up itself uses the daemon directly.
 */
final class StoppableDocker {
    private static final Set<String> ALWAYS = Set.of("close", "daemon", "host", "toString", "hashCode", "equals");

    private StoppableDocker() {
    }

    static Docker of(Docker docker, BooleanSupplier stopped) {
        return (Docker) Proxy.newProxyInstance(Docker.class.getClassLoader(), new Class<?>[] {Docker.class},
                (proxy, method, args) -> {
                    if (stopped.getAsBoolean() && !ALWAYS.contains(method.getName())) {
                        throw new DockerlesException(ExitCode.INTERRUPTED, "error.interrupted");
                    }
                    try {
                        return method.invoke(docker, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
