package nl.dockerles.docker;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A daemon over ssh, as the docker CLI reaches one: every connection is a fresh {@code ssh … docker system
 * dial-stdio}, whose stdin and stdout carry the HTTP. docker-java cannot start a process as its connection, so
 * this listens on a unix socket in a private folder of its own and bridges each accepted connection to such a
 * process, byte for byte. docker-java then talks to {@code unix://} that socket as to any local daemon.
 *
 * <p>Closing it (and at the latest the end of the JVM) ends every ssh process and removes the socket and its folder.
 */
final class SshBridge implements AutoCloseable {
    private static final Set<SshBridge> OPEN = ConcurrentHashMap.newKeySet();
    private static final int STDERR_KEPT = 4096;
    /** The name of the Ctrl-C cleanup hook of a section run ({@code nl.dockerles.cli.SectionRun}). */
    static final String CLEANUP_HOOK = "dockerles-cleanup";
    private static boolean hookAdded;

    private final List<String> command;
    private final Map<String, String> env;
    private final Path folder;
    private final Path socket;
    private final ServerSocketChannel server;
    private final Set<Link> links = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile Failure lastFailure;
    private volatile boolean closed;

    /** How an ssh process ended that did not end well: its exit code and the end of what it wrote on stderr. */
    record Failure(int exitCode, String stderr) {
    }

    private SshBridge(List<String> command, Map<String, String> env, Path folder, Path socket,
                      ServerSocketChannel server) {
        this.command = List.copyOf(command);
        this.env = env;
        this.folder = folder;
        this.socket = socket;
        this.server = server;
        this.acceptor = new Thread(this::acceptLoop, "dockerles-ssh-accept");
        this.acceptor.setDaemon(true);
    }

    /**
     * Listens on {@code <tempRoot>/dockerles-ssh-…/docker.sock} (a folder only we may enter) and starts
     * {@code command} for every connection, with {@code env} as its environment.
     */
    static SshBridge open(List<String> command, Map<String, String> env, Path tempRoot) throws IOException {
        Path folder = privateFolder(tempRoot);
        Path socket = folder.resolve("docker.sock");
        ServerSocketChannel server = null;
        try {
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket));
            SshBridge bridge = new SshBridge(command, env, folder, socket, server);
            register(bridge);
            bridge.acceptor.start();
            return bridge;
        } catch (IOException | RuntimeException e) {
            if (server != null) {
                server.close();
            }
            Files.deleteIfExists(socket);
            Files.deleteIfExists(folder);
            throw e;
        }
    }

    private static Path privateFolder(Path tempRoot) throws IOException {
        // A unix socket's path has room for about 100 bytes: a long temporary folder falls back to /tmp.
        Path root = tempRoot.toAbsolutePath().toString().length() > 60 && Files.isDirectory(Path.of("/tmp"))
                ? Path.of("/tmp") : tempRoot;
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempDirectory(root, "dockerles-ssh-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        return Files.createTempDirectory(root, "dockerles-ssh-");
    }

    private static synchronized void register(SshBridge bridge) {
        OPEN.add(bridge);
        if (!hookAdded) {
            hookAdded = true;
            Runtime.getRuntime().addShutdownHook(new Thread(SshBridge::closeAllAfterCleanup, "dockerles-ssh-close"));
        }
    }

    /** Ends every bridge still open: on the way out of the JVM, whatever way that is. */
    static void closeAll() {
        for (SshBridge bridge : List.copyOf(OPEN)) {
            bridge.close();
        }
    }

    /**
     * The JVM runs its shutdown hooks all at once. After Ctrl-C, dockerles's cleanup hook ({@link #CLEANUP_HOOK})
     * still removes the run's containers over these connections: let it finish first (at most a minute).
     */
    private static void closeAllAfterCleanup() {
        if (OPEN.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        long lookUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200); // the hooks start together
        while (System.nanoTime() < deadline) {
            Optional<Thread> cleanup = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> CLEANUP_HOOK.equals(t.getName()) && t.isAlive()).findFirst();
            if (cleanup.isPresent()) {
                try {
                    cleanup.get().join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                } catch (InterruptedException e) {
                    break;
                }
            } else if (System.nanoTime() > lookUntil) {
                break;
            } else {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    break;
                }
            }
        }
        closeAll();
    }

    /** Where docker-java connects: {@code unix:///…/docker.sock}. */
    URI socketUri() {
        return URI.create("unix://" + socket.toAbsolutePath());
    }

    Path socket() {
        return socket;
    }

    /** The number of ssh processes running now. */
    int running() {
        return (int) links.stream().filter(link -> link.process != null && link.process.isAlive()).count();
    }

    /**
     * How the last ssh process that failed ended. A failing process may still be writing its last words when the
     * connection has already broken: wait for one to end, at most {@code waitMillis}.
     */
    Optional<Failure> failure(long waitMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
        while (lastFailure == null && System.nanoTime() < deadline) {
            Optional<Link> busy = links.stream().findFirst();
            if (busy.isEmpty()) {
                break;
            }
            busy.get().awaitEnd(TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
        }
        return Optional.ofNullable(lastFailure);
    }

    private void acceptLoop() {
        while (!closed) {
            SocketChannel channel;
            try {
                channel = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            Link link = new Link(channel);
            links.add(link);
            if (closed) {
                link.kill();
                return;
            }
            link.start();
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        try {
            server.close();
        } catch (IOException ignored) {
            // Closing anyway.
        }
        for (Link link : List.copyOf(links)) {
            link.kill();
        }
        try {
            acceptor.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(socket);
            Files.deleteIfExists(folder);
        } catch (IOException ignored) {
            // Nothing more to do: the folder is private and in the temporary folder.
        }
        OPEN.remove(this);
    }

    /** One accepted connection and the ssh process that carries it. */
    private final class Link {
        private final SocketChannel channel;
        private volatile Process process;
        private final StringBuilder stderr = new StringBuilder();
        private Thread down;
        private Thread errors;

        Link(SocketChannel channel) {
            this.channel = channel;
        }

        void start() {
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().clear();
            builder.environment().putAll(env);
            try {
                process = builder.start();
            } catch (IOException e) {
                lastFailure = new Failure(-1, String.valueOf(e.getMessage()));
                closeChannel();
                links.remove(this);
                return;
            }
            Thread up = thread(this::up, "up");
            down = thread(this::down, "down");
            errors = thread(this::errors, "err");
            up.start();
            errors.start();
            down.start();
        }

        private Thread thread(Runnable body, String name) {
            Thread thread = new Thread(body, "dockerles-ssh-" + name + "-" + process.pid());
            thread.setDaemon(true);
            return thread;
        }

        /** From docker-java to ssh; docker-java closing its side closes ssh's stdin (the remote end sees EOF). */
        private void up() {
            OutputStream toSsh = process.getOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(16 * 1024);
            try {
                while (channel.read(buffer) >= 0) {
                    toSsh.write(buffer.array(), 0, buffer.position());
                    toSsh.flush();
                    buffer.clear();
                }
            } catch (IOException e) {
                // Either side went away: the other direction notices too.
            } finally {
                try {
                    toSsh.close();
                } catch (IOException ignored) {
                    // ssh is gone already.
                }
            }
        }

        /** From ssh to docker-java, until ssh ends; then the connection ends. */
        private void down() {
            InputStream fromSsh = process.getInputStream();
            byte[] buffer = new byte[16 * 1024];
            try {
                int n;
                while ((n = fromSsh.read(buffer)) >= 0) {
                    ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, n);
                    while (bytes.hasRemaining()) {
                        channel.write(bytes);
                    }
                }
                channel.shutdownOutput();
            } catch (IOException e) {
                // docker-java closed the connection while the daemon was still sending (a stream it stopped).
            } finally {
                finish();
            }
        }

        private void errors() {
            try (InputStream in = process.getErrorStream()) {
                byte[] buffer = new byte[1024];
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    synchronized (stderr) {
                        stderr.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                        if (stderr.length() > STDERR_KEPT) {
                            stderr.delete(0, stderr.length() - STDERR_KEPT);
                        }
                    }
                }
            } catch (IOException ignored) {
                // ssh ended.
            }
        }

        private void finish() {
            Process p = process;
            try {
                if (!p.waitFor(2, TimeUnit.SECONDS)) {
                    destroy(p);
                }
                errors.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                destroy(p);
            }
            if (!p.isAlive() && p.exitValue() != 0 && !closed) {
                synchronized (stderr) {
                    lastFailure = new Failure(p.exitValue(), stderr.toString());
                }
            }
            closeChannel();
            links.remove(this);
            synchronized (this) {
                notifyAll();
            }
        }

        synchronized void awaitEnd(long millis) {
            long deadline = System.currentTimeMillis() + Math.max(1, millis);
            while (links.contains(this) && System.currentTimeMillis() < deadline) {
                try {
                    wait(Math.max(1, deadline - System.currentTimeMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        void kill() {
            closeChannel();
            Process p = process;
            if (p != null) {
                destroy(p);
            }
            links.remove(this);
        }

        private void closeChannel() {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Already closed.
            }
        }
    }

    /** SIGTERM to ssh (and anything it started, a ProxyCommand), SIGKILL after a second. */
    private static void destroy(Process process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(1, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(1, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
