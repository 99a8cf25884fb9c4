package nl.dockerles.testing;

import nl.dockerles.cli.AppContext;
import nl.dockerles.cli.Dockerles;
import nl.dockerles.docker.DockerConnector;
import nl.dockerles.engine.TimeSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The training run for the start-up archive, made at build time with no Docker daemon: {@code mvn package} runs
 * this with {@code -XX:DumpLoadedClassList} and then dumps the archive from the classes it loaded, found in the jar
 * only (these test classes are not in it).
 *
 * <p>Two kinds of run: every section against the in-memory {@link FakeDocker} (the presenter, the actions, the
 * renderers, the messages), and a few commands through the real connector and docker-java's transport against a
 * small HTTP daemon on a unix socket that answers the first calls of a run (/_ping, /version, /info, empty lists)
 * and 404 to the rest (the connection, the JSON readers, the error path).
 */
public final class CdsTraining {
    /** The sections; restart waits for events that the fake daemon does not send. */
    private static final List<String> SECTIONS = List.of("lifecycle", "isolation", "run", "ports", "snapshots",
            "layers", "database", "remote", "volumes");

    private CdsTraining() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("dockerles-cds");
        Path socket = dir.resolve("docker.sock");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (TrainingDaemon daemon = new TrainingDaemon(socket)) {
            for (String[] command : List.of(
                    new String[] {"--version"},
                    new String[] {"list"},
                    new String[] {"--help"},
                    new String[] {"demo", "--help"})) {
                fake(log, command);
            }
            for (String section : args.length > 0 ? List.of(args) : SECTIONS) {
                fake(log, "demo", section, "--auto");
            }
            fake(log, "handout", "isolation", "--format", "sh");
            new nl.dockerles.practice.Course().find("ports"); // oefen reads its exercises with Jackson's YAML
            Map<String, String> env = Map.of("DOCKER_HOST", "unix://" + socket, "LANG", "C");
            for (String[] command : List.of(
                    new String[] {"demo", "isolation", "--auto", "--prefix", "dockerles-cds"},
                    new String[] {"check"})) {
                real(log, env, command);
            }
        } finally {
            Files.deleteIfExists(socket);
            Files.deleteIfExists(dir);
        }
        System.out.print(log.toString(StandardCharsets.UTF_8));
        System.exit(0); // threads of the runs (readers, the daemon's) must not keep the training alive
    }

    private static void fake(ByteArrayOutputStream log, String... args) {
        FakeTime time = new FakeTime();
        try {
            Runs run = Runs.run(env -> new FakeDocker(time), time, Map.of("LANG", "C"), args);
            log.writeBytes(("$ dockerles " + String.join(" ", args) + " -> " + run.exitCode() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            log.writeBytes(("$ dockerles " + String.join(" ", args) + " -> " + e + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void real(ByteArrayOutputStream log, Map<String, String> env, String... args) {
        PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);
        out.println("$ dockerles " + String.join(" ", args) + " (training daemon)");
        AppContext context = new AppContext(out, out, InputStream.nullInputStream(), env, false,
                e -> DockerConnector.connect(e, Path.of(System.getProperty("user.home"))), TimeSource.SYSTEM);
        out.println("-> " + Dockerles.execute(args, context));
    }

    /** Answers like a Docker 20.10 daemon with nothing on it; 404 for everything it does not know. */
    static final class TrainingDaemon implements AutoCloseable {
        private static final String ID = "7d0c5a9e3f1b".repeat(5) + "7d0c";
        private static final Map<String, String> FIXED = Map.of(
                "GET /_ping", "OK",
                "GET /version", "{\"Version\":\"20.10.24\",\"ApiVersion\":\"1.41\",\"MinAPIVersion\":\"1.12\","
                        + "\"Os\":\"linux\",\"Arch\":\"amd64\",\"KernelVersion\":\"6.1.0\",\"GitCommit\":\"5d6db84\"}",
                "GET /info", "{\"ID\":\"training\",\"Name\":\"training\",\"ServerVersion\":\"20.10.24\","
                        + "\"OperatingSystem\":\"Debian GNU/Linux 12 (bookworm)\",\"OSType\":\"linux\","
                        + "\"Architecture\":\"x86_64\",\"KernelVersion\":\"6.1.0\",\"Driver\":\"overlay2\","
                        + "\"DockerRootDir\":\"/var/lib/docker\",\"NCPU\":2,\"MemTotal\":25000000000}",
                "GET /containers/json", "[]",
                "GET /images/json", "[]",
                "GET /networks", "[]",
                "GET /volumes", "{\"Volumes\":[],\"Warnings\":null}");
        private final ServerSocketChannel server;

        TrainingDaemon(Path socket) throws IOException {
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX).bind(UnixDomainSocketAddress.of(socket));
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        SocketChannel client = server.accept();
                        Thread serve = new Thread(() -> serve(client), "training-daemon");
                        serve.setDaemon(true);
                        serve.start();
                    }
                } catch (IOException e) {
                    // closed
                }
            }, "training-daemon-accept");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        private static void serve(SocketChannel client) {
            try (client) {
                ByteBuffer in = ByteBuffer.allocate(1 << 16);
                while (true) {
                    int end;
                    while ((end = headerEnd(in)) < 0) {
                        if (client.read(in) < 0) {
                            return;
                        }
                    }
                    String head = new String(in.array(), 0, end, StandardCharsets.ISO_8859_1);
                    int length = contentLength(head);
                    while (in.position() < end + 4 + length) {
                        if (client.read(in) < 0) {
                            return;
                        }
                    }
                    int used = end + 4 + length;
                    in.flip();
                    in.position(used);
                    in.compact();
                    String[] line = head.substring(0, head.indexOf("\r\n")).split(" ");
                    write(client, answer(line[0], line[1]));
                }
            } catch (IOException e) {
                // the client went away
            }
        }

        private static int headerEnd(ByteBuffer in) {
            byte[] b = in.array();
            for (int i = 0; i + 3 < in.position(); i++) {
                if (b[i] == '\r' && b[i + 1] == '\n' && b[i + 2] == '\r' && b[i + 3] == '\n') {
                    return i;
                }
            }
            return -1;
        }

        private static int contentLength(String head) {
            for (String header : head.split("\r\n")) {
                if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                    return Integer.parseInt(header.substring(15).trim());
                }
            }
            return 0;
        }

        private static String[] answer(String method, String target) {
            String path = target.replaceFirst("^/v1\\.[0-9]+", "").replaceFirst("\\?.*", "");
            String key = method + " " + path;
            String body = FIXED.get(key);
            if (body != null) {
                return new String[] {"200 OK", body};
            }
            if (method.equals("GET") && path.startsWith("/images/") && path.endsWith("/json")) {
                String ref = path.substring(8, path.length() - 5);
                return new String[] {"200 OK", "{\"Id\":\"sha256:" + ID + "\",\"RepoTags\":[\"" + ref + "\"],"
                        + "\"Created\":\"2024-01-01T00:00:00Z\",\"Size\":4270000,\"Config\":{\"Cmd\":[\"sh\"]},"
                        + "\"RootFS\":{\"Type\":\"layers\",\"Layers\":[\"sha256:" + ID + "\"]}}"};
            }
            if (key.equals("POST /containers/create")) {
                return new String[] {"201 Created", "{\"Id\":\"" + ID + "\",\"Warnings\":[]}"};
            }
            if (path.startsWith("/containers/" + ID)) {
                String rest = path.substring(12 + ID.length());
                if (method.equals("GET") && rest.equals("/json")) {
                    return new String[] {"200 OK", "{\"Id\":\"" + ID + "\",\"Name\":\"/training\","
                            + "\"State\":{\"Status\":\"running\",\"Running\":true,\"ExitCode\":0,\"Pid\":4242,"
                            + "\"StartedAt\":\"2026-12-01T10:00:00.000000000Z\"},\"RestartCount\":0,"
                            + "\"Config\":{\"Image\":\"busybox:latest\",\"Hostname\":\"training\",\"Labels\":{}},"
                            + "\"NetworkSettings\":{\"Ports\":{}}}"};
                }
                if (!rest.equals("/exec")) {
                    return new String[] {"204 No Content", ""}; // start, stop, kill, wait, delete
                }
            }
            return new String[] {"404 Not Found", "{\"message\":\"not in the training daemon: " + key + "\"}"};
        }

        private static void write(SocketChannel client, String[] answer) throws IOException {
            byte[] body = answer[1].getBytes(StandardCharsets.UTF_8);
            String type = answer[1].startsWith("{") || answer[1].startsWith("[") ? "application/json" : "text/plain";
            String head = "HTTP/1.1 " + answer[0] + "\r\nApi-Version: 1.41\r\nContent-Type: " + type
                    + "\r\nContent-Length: " + body.length + "\r\n\r\n";
            ByteBuffer out = ByteBuffer.allocate(head.length() + body.length);
            out.put(head.getBytes(StandardCharsets.ISO_8859_1)).put(body).flip();
            while (out.hasRemaining()) {
                client.write(out);
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
