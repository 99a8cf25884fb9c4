package nl.dockerles.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.core.LocalDirectorySSLConfig;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.transport.SSLConfig;
import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.Message;
import nl.dockerles.daemon.Docker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the Docker daemon (see {@link DaemonCandidates} for the order), negotiates the API version
 * and hands out a {@link Docker}. Gives up within {@link #BUDGET} when nothing answers; a daemon over ssh gets
 * ssh's own connect timeout ({@link SshConnection#BUDGET}).
 */
public final class DockerConnector {
    /** How long finding a daemon may take, all candidates together: under 2 s, class loading included. */
    public static final Duration BUDGET = Duration.ofMillis(1800);
    /** How long an existing unix socket may take to answer /version. */
    static final Duration LOCAL_SOCKET_BUDGET = Duration.ofSeconds(15);
    private static final Set<String> SUPPORTED_SCHEMES = Set.of("unix", "tcp", "npipe");

    private DockerConnector() {
    }

    /**
     * A later step talks to a daemon over plain tcp:// ({@code docker -H tcp://…}): set up what its http client
     * needs now, on a background thread. Without TLS settings the client still builds the system's TLS context,
     * reading every trusted certificate of the JDK (60 ms or more), and that step would wait for it.
     */
    public static void prepareTcp() {
        Thread warmUp = new Thread(() -> {
            QuietLibraries.install();
            try (com.github.dockerjava.transport.DockerHttpClient http =
                         new com.github.dockerjava.httpclient5.ApacheDockerHttpClient.Builder()
                                 .dockerHost(java.net.URI.create("tcp://127.0.0.1:2375")).build()) {
                javax.net.ssl.SSLContext.getDefault(); // what the client just used; nothing is connected
            } catch (Exception | LinkageError e) {
                // only a head start: the step itself connects as usual
            }
        }, "dockerles-tcp-warm-up");
        warmUp.setDaemon(true);
        warmUp.setPriority(Thread.MIN_PRIORITY);
        warmUp.start();
    }

    /**
     * A later step runs {@code docker build}: read a Dockerfile, pack a context as the build sends it, and read
     * a build answer once now, on a background thread, from a folder of its own that it removes again. The
     * first build would otherwise load docker-java's Dockerfile reader, the tar and gzip code and the answer's
     * reader itself while the audience waits. Nothing is sent to the daemon.
     */
    public static void prepareBuild() {
        Thread warmUp = new Thread(() -> {
            Path folder = null;
            try {
                folder = java.nio.file.Files.createTempDirectory("dockerles-warm-up-");
                Path dockerfile = java.nio.file.Files.writeString(folder.resolve(BuildContext.DOCKERFILE),
                        "FROM scratch\n");
                try (var context = BuildContext.withLabels(folder, dockerfile, Map.of("a", "b"))) {
                    context.readAllBytes();
                }
                new com.fasterxml.jackson.databind.ObjectMapper()
                        .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                                false)
                        .readValue("{\"stream\":\"Step 1/1 : FROM scratch\\n\",\"aux\":{\"ID\":\"sha256:0\"}}",
                                com.github.dockerjava.api.model.BuildResponseItem.class);
            } catch (Exception | LinkageError e) {
                // only a head start: the build itself does all of this as usual
            } finally {
                removeQuietly(folder);
            }
        }, "dockerles-build-warm-up");
        warmUp.setDaemon(true);
        warmUp.setPriority(Thread.MIN_PRIORITY);
        warmUp.start();
    }

    private static void removeQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try {
            java.nio.file.Files.deleteIfExists(folder.resolve(BuildContext.DOCKERFILE));
            java.nio.file.Files.deleteIfExists(folder);
        } catch (java.io.IOException ignored) {
            // a folder in the temporary directory, empty but for one line
        }
    }

    /** Connects using the process environment and the user's home directory. */
    public static Docker connect() {
        return connect(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    public static Docker connect(Map<String, String> env, Path home) {
        QuietLibraries.install();
        List<DaemonCandidate> candidates =
                DaemonCandidates.list(env, home, System.getProperty("os.name", ""));
        Path configDir = DockerContexts.configDir(env, home);
        long deadline = System.nanoTime() + BUDGET.toNanos();
        List<Message> tried = new ArrayList<>();
        for (DaemonCandidate candidate : candidates) {
            String scheme = candidate.scheme();
            if (scheme.equals("ssh")) {
                return SshConnection.connect(candidate, env, configDir);
            }
            if (!SUPPORTED_SCHEMES.contains(scheme)) {
                tried.add(line(candidate, new Message("error.docker.reason.scheme", scheme)));
                continue;
            }
            // A socket file that is not there needs no attempt: it saves time and says more.
            if (candidate.isUnixSocket() && !Files.exists(candidate.socketPath())) {
                tried.add(line(candidate, new Message("error.docker.reason.absent")));
                continue;
            }
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            if (left.toMillis() < 50) {
                tried.add(line(candidate, new Message("error.docker.reason.notried")));
                continue;
            }
            SSLConfig ssl = sslConfig(candidate);
            try {
                // A socket that is there and takes the connection is a daemon that answers, if slowly: Podman's
                // service needs seconds for /version on a busy machine (issue 12). Only a hang waits this long.
                Duration budget = candidate.isUnixSocket() && left.compareTo(LOCAL_SOCKET_BUDGET) < 0
                        ? LOCAL_SOCKET_BUDGET : left;
                DaemonProbe.Answer answer = DaemonProbe.probe(candidate, ssl, budget);
                return docker(answer, candidate, candidate.host().toString(), env, configDir, null);
            } catch (DaemonProbe.NoAnswer noAnswer) {
                tried.add(line(candidate, noAnswer.reason()));
            }
        }
        throw new DockerlesException(ExitCode.DOCKER_UNAVAILABLE, "error.docker.unreachable", tried);
    }

    /**
     * The {@link Docker} on a daemon that answered. {@code candidate} is where docker-java connects, {@code host}
     * where the daemon is (they differ over ssh); {@code transport} is closed with it (null: nothing to close).
     */
    static Docker docker(DaemonProbe.Answer answer, DaemonCandidate candidate, String host, Map<String, String> env,
                         Path configDir, AutoCloseable transport) {
        try {
            String api = ApiVersions.choose(answer.apiVersion(), answer.minApiVersion(), env.get("DOCKER_API_VERSION"));
            RecordingHttpClient http = new RecordingHttpClient(answer.http());
            DefaultDockerClientConfig config = config(candidate, configDir, api);
            warmUp(config);
            DockerClient client = DockerClientImpl.getInstance(config, http);
            return new DockerJavaDocker(client, http, host, candidate.host().toString(), api, answer.podman(),
                    transport);
        } catch (RuntimeException e) {
            DaemonProbe.closeQuietly(answer.http());
            throw e;
        }
    }

    /**
     * The answers that docker-java still reads as its own types (a container's exit code, events), read once from
     * a made-up answer on a background thread while the first screen is on: the first step that needs one then
     * finds docker-java's readers built (15 to 30 ms each on first use). Nothing is sent to the daemon.
     */
    private static void warmUp(DefaultDockerClientConfig config) {
        Thread warmUp = new Thread(() -> {
            try {
                var json = config.getObjectMapper();
                json.readValue("{\"StatusCode\":0}", com.github.dockerjava.api.model.WaitResponse.class);
                json.readValue("{\"status\":\"die\",\"id\":\"x\",\"Type\":\"container\",\"Action\":\"die\","
                        + "\"Actor\":{\"ID\":\"x\",\"Attributes\":{\"exitCode\":\"0\"}},\"time\":1,\"timeNano\":1}",
                        com.github.dockerjava.api.model.Event.class);
                madeUpLogs(config);
            } catch (Exception | LinkageError e) {
                // only a head start
            }
        }, "dockerles-warm-up");
        warmUp.setDaemon(true);
        warmUp.setPriority(Thread.MIN_PRIORITY);
        warmUp.start();
    }

    /**
     * One {@code docker logs} through docker-java's streaming path, answered by a made-up client with one frame:
     * the first streamed call of a run (logs, attach, wait, events) then finds that path loaded and initialised
     * (its command builders, Guava's collections, commons-lang's StringUtils, the frame reader). No daemon is asked.
     */
    private static void madeUpLogs(DefaultDockerClientConfig config) throws InterruptedException {
        byte[] frame = {1, 0, 0, 0, 0, 0, 0, 1, '\n'};
        DockerHttpClient answers = new DockerHttpClient() {
            @Override
            public Response execute(Request request) {
                return new Response() {
                    @Override
                    public int getStatusCode() {
                        return 200;
                    }

                    @Override
                    public Map<String, List<String>> getHeaders() {
                        return Map.of("Content-Type", List.of("application/vnd.docker.raw-stream"));
                    }

                    @Override
                    public java.io.InputStream getBody() {
                        return new java.io.ByteArrayInputStream(frame);
                    }

                    @Override
                    public void close() {
                    }
                };
            }

            @Override
            public void close() {
            }
        };
        try (DockerClient client = DockerClientImpl.getInstance(config, answers)) {
            client.logContainerCmd("x").withStdOut(true).withStdErr(true).withTail(5)
                    .exec(new ResultCallback.Adapter<Frame>())
                    .awaitCompletion(2, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.io.IOException ignored) {
            // a made-up client: nothing to close
        }
    }

    private static Message line(DaemonCandidate candidate, Message reason) {
        return new Message("error.docker.tried", candidate.describe(), reason);
    }

    // Built from our own resolution only: docker-java's defaults would read System.getenv() behind our back.
    private static DefaultDockerClientConfig config(DaemonCandidate candidate, Path configDir, String api) {
        DefaultDockerClientConfig.Builder builder = new DefaultDockerClientConfig.Builder()
                .withDockerHost(candidate.host().toString())
                .withDockerConfig(configDir.toString())
                .withDockerContext(DockerContexts.DEFAULT_CONTEXT)
                .withDockerTlsVerify(false)
                .withApiVersion(api);
        try {
            return builder.build();
        } catch (DockerClientException e) {
            throw new DockerlesException(ExitCode.DOCKER_UNAVAILABLE, e, "error.docker.config.invalid",
                    configDir.resolve("config.json").toString(), String.valueOf(e.getMessage()));
        }
    }

    /** TLS for tcp:// when asked for; missing certificates are an error, as in the docker CLI. */
    private static SSLConfig sslConfig(DaemonCandidate candidate) {
        Path certs = candidate.tlsCertPath();
        if (!"tcp".equals(candidate.scheme())) {
            return NoTls.INSTANCE;
        }
        if (certs == null) {
            return null; // plain tcp://: the http client sets up its TLS socket factory all the same
        }
        List<String> missing = new ArrayList<>();
        for (String file : List.of("ca.pem", "cert.pem", "key.pem")) {
            if (!Files.isRegularFile(certs.resolve(file))) {
                missing.add(file);
            }
        }
        if (!missing.isEmpty()) {
            throw new DockerlesException(ExitCode.DOCKER_UNAVAILABLE, "error.docker.tls.certs",
                    certs.toString(), String.join(", ", missing), candidate.describe());
        }
        LocalDirectorySSLConfig ssl = new LocalDirectorySSLConfig(certs.toString());
        try {
            ssl.getSSLContext(); // fail here, with a message, rather than deep inside the http client
        } catch (RuntimeException e) {
            throw new DockerlesException(ExitCode.DOCKER_UNAVAILABLE, e, "error.docker.tls.invalid",
                    certs.toString(), String.valueOf(e.getMessage()));
        }
        return ssl;
    }
}
