package nl.dockerles.docker;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/** A tcp port in front of the daemon's unix socket, that a test can pull the plug on. */
public final class UnixSocketProxy implements AutoCloseable {
    private final ServerSocketChannel server;
    private final Path socket;
    private final List<SocketChannel> open = new CopyOnWriteArrayList<>();
    private final StringBuffer requests = new StringBuffer();
    private final AtomicBoolean failNextWait = new AtomicBoolean();

    public UnixSocketProxy(Path socket) throws IOException {
        this.socket = socket;
        this.server = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread acceptor = new Thread(this::acceptLoop, "test-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public String dockerHost() throws IOException {
        return "tcp://127.0.0.1:" + ((InetSocketAddress) server.getLocalAddress()).getPort();
    }

    /** What the client sent so far (request lines and all), so a test can wait for a call to be under way. */
    public String requests() {
        return requests.toString();
    }

    /**
     * The next wait gets the answer Podman 4.3 gives when the process ends just as it reads the process's cgroup
     * (containers/podman#16383): the daemon's own answer is held back until it tells the exit code, then the
     * client gets a 500 instead.
     */
    public void failNextWaitAsPodman43() {
        failNextWait.set(true);
    }

    private void acceptLoop() {
        try {
            while (true) {
                SocketChannel client = server.accept();
                SocketChannel daemon = SocketChannel.open(UnixDomainSocketAddress.of(socket));
                open.add(client);
                open.add(daemon);
                AtomicBoolean waitOnThisConnection = new AtomicBoolean();
                pump(client, daemon, requests, waitOnThisConnection);
                pump(daemon, client, null, waitOnThisConnection);
            }
        } catch (IOException e) {
            // Closed by the test.
        }
    }

    // Channel reads and writes directly: Channels.newInputStream/newOutputStream share one lock and deadlock.
    private void pump(SocketChannel from, SocketChannel to, StringBuffer log, AtomicBoolean waitOnThisConnection) {
        Thread thread = new Thread(() -> {
            ByteBuffer buffer = ByteBuffer.allocate(8192);
            StringBuilder heldBack = new StringBuilder();
            try {
                while (from.read(buffer) != -1) {
                    buffer.flip();
                    String text = StandardCharsets.ISO_8859_1.decode(buffer.duplicate()).toString();
                    if (log != null) {
                        log.append(text);
                        if (text.startsWith("POST ") && text.contains("/wait") && failNextWait.compareAndSet(true, false)) {
                            waitOnThisConnection.set(true);
                        }
                    } else if (waitOnThisConnection.get()) {
                        heldBack.append(text);
                        if (heldBack.indexOf("StatusCode") >= 0) {
                            to.write(StandardCharsets.ISO_8859_1.encode(PODMAN_43_WAIT_RACE));
                            to.close();
                            from.close();
                            return;
                        }
                        buffer.clear();
                        continue;
                    }
                    while (buffer.hasRemaining()) {
                        to.write(buffer);
                    }
                    buffer.clear();
                }
                to.shutdownOutput(); // pass the end on, as the daemon's own socket would (detach, exit)
            } catch (IOException e) {
                // One side went away.
            }
        }, "test-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static final String PODMAN_43_BODY =
            "{\"cause\":\"no such process\",\"message\":\"read /proc/4242/cgroup: no such process\",\"response\":500}\n";
    private static final String PODMAN_43_WAIT_RACE = "HTTP/1.1 500 Internal Server Error\r\n"
            + "Content-Type: application/json\r\nConnection: close\r\n"
            + "Content-Length: " + PODMAN_43_BODY.length() + "\r\n\r\n" + PODMAN_43_BODY;

    /** Cuts every connection at once, as a daemon that dies would. */
    @Override
    public void close() throws IOException {
        server.close();
        for (SocketChannel channel : open) {
            channel.close();
        }
    }
}
