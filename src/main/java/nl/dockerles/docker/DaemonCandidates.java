package nl.dockerles.docker;

import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static nl.dockerles.docker.DockerContexts.isBlank;

/**
 * Where to look for the daemon, in the docker CLI's order: DOCKER_HOST; else the current context;
 * else the usual sockets (Docker Engine, Docker Desktop, rootless, Podman).
 */
public final class DaemonCandidates {
    static final String WINDOWS_PIPE = "npipe:////./pipe/docker_engine";

    private DaemonCandidates() {
    }

    public static List<DaemonCandidate> list(Map<String, String> env, Path home, String osName) {
        Path configDir = DockerContexts.configDir(env, home);
        String dockerHost = env.get("DOCKER_HOST");
        if (!isBlank(dockerHost)) {
            return List.of(fromDockerHost(dockerHost.trim(), env, configDir));
        }
        Optional<String> context = DockerContexts.currentContext(env, configDir);
        if (context.isPresent()) {
            DockerContexts.Endpoint endpoint = DockerContexts.endpoint(configDir, context.get());
            URI host = withDefaultPort(parse(endpoint.host()), endpoint.tlsDir() != null);
            return List.of(new DaemonCandidate(host, "context " + context.get(), endpoint.tlsDir()));
        }
        return defaultSockets(env, home, osName);
    }

    private static DaemonCandidate fromDockerHost(String value, Map<String, String> env, Path configDir) {
        boolean tls = tlsVerify(env);
        URI host = withDefaultPort(parse(value), tls);
        Path certPath = null;
        if (tls) {
            String certs = env.get("DOCKER_CERT_PATH");
            certPath = isBlank(certs) ? configDir : Path.of(certs);
        }
        return new DaemonCandidate(host, "DOCKER_HOST", certPath);
    }

    private static List<DaemonCandidate> defaultSockets(Map<String, String> env, Path home, String osName) {
        if (osName != null && osName.toLowerCase(Locale.ROOT).startsWith("windows")) {
            return List.of(new DaemonCandidate(URI.create(WINDOWS_PIPE), "socket", null));
        }
        List<Path> sockets = new ArrayList<>();
        sockets.add(Path.of("/var/run/docker.sock"));
        sockets.add(home.resolve(".docker/run/docker.sock"));      // Docker Desktop (Mac)
        sockets.add(home.resolve(".docker/desktop/docker.sock"));  // Docker Desktop (Linux)
        String runtimeDir = env.get("XDG_RUNTIME_DIR");
        if (!isBlank(runtimeDir)) {
            sockets.add(Path.of(runtimeDir, "docker.sock"));        // rootless Docker
            sockets.add(Path.of(runtimeDir, "podman", "podman.sock"));
        }
        sockets.add(Path.of("/run/podman/podman.sock"));
        return sockets.stream()
                .map(p -> new DaemonCandidate(URI.create("unix://" + p.toAbsolutePath()), "socket", null))
                .toList();
    }

    /** The docker CLI turns TLS on for any non-empty DOCKER_TLS_VERIFY; we also accept "0"/"false" as off. */
    static boolean tlsVerify(Map<String, String> env) {
        String value = env.get("DOCKER_TLS_VERIFY");
        if (isBlank(value)) {
            return false;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        return !v.equals("0") && !v.equals("false");
    }

    private static URI parse(String host) {
        try {
            URI uri = URI.create(host);
            if (uri.getScheme() == null) {
                throw new IllegalArgumentException("no scheme");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new DockerlesException(ExitCode.DOCKER_UNAVAILABLE, e, "error.docker.host.invalid", host);
        }
    }

    // tcp://host without a port means 2375, or 2376 with TLS, as in the docker CLI.
    private static URI withDefaultPort(URI uri, boolean tls) {
        if (!"tcp".equalsIgnoreCase(uri.getScheme()) || uri.getPort() != -1 || uri.getHost() == null) {
            return uri;
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return URI.create("tcp://" + uri.getHost() + ":" + (tls ? 2376 : 2375) + path);
    }
}
