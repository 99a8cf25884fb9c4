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

/** A tcp port in front of the daemon's unix socket, that a test can pull the plug on. */
public final class UnixSocketProxy implements AutoCloseable {
    private final ServerSocketChannel server;
    private final Path socket;
    private final List<SocketChannel> open = new CopyOnWriteArrayList<>();
    private final StringBuffer requests = new StringBuffer();

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

    private void acceptLoop() {
        try {
            while (true) {
                SocketChannel client = server.accept();
                SocketChannel daemon = SocketChannel.open(UnixDomainSocketAddress.of(socket));
                open.add(client);
                open.add(daemon);
                pump(client, daemon, requests);
                pump(daemon, client, null);
            }
        } catch (IOException e) {
            // Closed by the test.
        }
    }

    // Channel reads and writes directly: Channels.newInputStream/newOutputStream share one lock and deadlock.
    private static void pump(SocketChannel from, SocketChannel to, StringBuffer log) {
        Thread thread = new Thread(() -> {
            ByteBuffer buffer = ByteBuffer.allocate(8192);
            try {
                while (from.read(buffer) != -1) {
                    buffer.flip();
                    if (log != null) {
                        log.append(StandardCharsets.ISO_8859_1.decode(buffer.duplicate()));
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

    /** Cuts every connection at once, as a daemon that dies would. */
    @Override
    public void close() throws IOException {
        server.close();
        for (SocketChannel channel : open) {
            channel.close();
        }
    }
}
