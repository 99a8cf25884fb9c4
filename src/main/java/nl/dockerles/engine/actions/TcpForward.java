package nl.dockerles.engine.actions;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP port on 127.0.0.1 whose connections go on to the daemon's own socket, byte for byte, as
 * {@code socat TCP-LISTEN:2375,bind=127.0.0.1,fork UNIX-CONNECT:/var/run/docker.sock} does: for the audience it
 * is the daemon listening on TCP ({@code dockerd -H tcp://127.0.0.1:2375}). Only loopback is ever bound.
 * Closing it closes the port and every connection through it.
 */
final class TcpForward implements AutoCloseable {
    /** The one that a section opened and has not closed yet (tcp-open, tcp-close; closed when the JVM ends). */
    private static TcpForward current;
    private static boolean hookAdded;

    private final ServerSocketChannel server;
    private volatile Thread acceptor;
    private final SocketAddress target;
    private final int port;
    private final List<SocketChannel> connections = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private TcpForward(ServerSocketChannel server, SocketAddress target, int port) {
        this.server = server;
        this.target = target;
        this.port = port;
    }

    /** Binds 127.0.0.1:{@code preferred}, or the next free port after it; null when none of 100 is free. */
    static TcpForward open(int preferred, SocketAddress target) throws IOException {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        for (int port = preferred; port < Math.min(65536, preferred + 100); port++) {
            ServerSocketChannel server = ServerSocketChannel.open();
            try {
                server.bind(new InetSocketAddress(loopback, port));
            } catch (IOException taken) {
                server.close();
                continue;
            }
            int bound = ((InetSocketAddress) server.getLocalAddress()).getPort();
            TcpForward forward = new TcpForward(server, target, bound);
            Thread acceptor = new Thread(forward::acceptLoop, "dockerles-tcp-" + bound);
            acceptor.setDaemon(true);
            forward.acceptor = acceptor;
            acceptor.start();
            return forward;
        }
        return null;
    }

    /** Makes {@code forward} the current one, closing an earlier one (a repeated step). */
    static synchronized void setCurrent(TcpForward forward) {
        if (current != null && current != forward) {
            current.close();
        }
        current = forward;
        if (!hookAdded) {
            hookAdded = true;
            Runtime.getRuntime().addShutdownHook(new Thread(TcpForward::closeCurrent, "dockerles-tcp-close"));
        }
    }

    /** Closes the current one; its port, or 0 when none was open. */
    static synchronized int closeCurrent() {
        if (current == null) {
            return 0;
        }
        int port = current.port;
        current.close();
        current = null;
        return port;
    }

    static synchronized TcpForward current() {
        return current;
    }

    /** Where the daemon of a {@code unix://} or {@code tcp://} host is; null for other schemes. */
    static SocketAddress target(String host) {
        if (host.startsWith("unix://")) {
            return UnixDomainSocketAddress.of(host.substring("unix://".length()));
        }
        if (host.startsWith("tcp://")) {
            String rest = host.substring("tcp://".length());
            int slash = rest.indexOf('/');
            rest = slash < 0 ? rest : rest.substring(0, slash);
            int colon = rest.lastIndexOf(':');
            if (colon < 0) {
                return InetSocketAddress.createUnresolved(rest, 2375);
            }
            String name = rest.substring(0, colon).replace("[", "").replace("]", "");
            return new InetSocketAddress(name, Integer.parseInt(rest.substring(colon + 1)));
        }
        return null;
    }

    int port() {
        return port;
    }

    boolean isOpen() {
        return !closed && server.isOpen();
    }

    private void acceptLoop() {
        while (!closed) {
            SocketChannel client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            connections.add(client);
            try {
                // Every piece goes on at once, as it came: with Nagle's algorithm a small second write (the body
                // after the headers) waits for the client's delayed ACK, some 40 ms on loopback.
                client.setOption(StandardSocketOptions.TCP_NODELAY, true);
                SocketChannel daemon = target instanceof UnixDomainSocketAddress
                        ? SocketChannel.open(StandardProtocolFamily.UNIX) : SocketChannel.open();
                daemon.connect(target);
                if (!(target instanceof UnixDomainSocketAddress)) {
                    daemon.setOption(StandardSocketOptions.TCP_NODELAY, true);
                }
                connections.add(daemon);
                java.util.concurrent.atomic.AtomicInteger ended = new java.util.concurrent.atomic.AtomicInteger();
                pump(client, daemon, ended, "in");
                pump(daemon, client, ended, "out");
            } catch (IOException e) {
                connections.remove(client);
                closeQuietly(client);
            }
        }
    }

    /**
     * Copies one direction until its end, then tells the other side that nothing more comes (a half close, as
     * an attach needs); when both directions have ended, the pair is closed.
     */
    private void pump(SocketChannel from, SocketChannel to, java.util.concurrent.atomic.AtomicInteger ended,
                      String direction) {
        Thread thread = new Thread(() -> {
            ByteBuffer buffer = ByteBuffer.allocate(16 * 1024);
            try {
                while (from.read(buffer) >= 0) {
                    buffer.flip();
                    while (buffer.hasRemaining()) {
                        to.write(buffer);
                    }
                    buffer.clear();
                }
                to.shutdownOutput();
            } catch (IOException e) {
                // closed, or reset by one side: end both directions
                ended.incrementAndGet();
            }
            if (ended.incrementAndGet() >= 2) {
                closeQuietly(from);
                closeQuietly(to);
                connections.remove(from);
                connections.remove(to);
            }
        }, "dockerles-tcp-" + port + "-" + direction);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        // The port is really closed only once the thread blocked in accept() has let go of it.
        Thread thread = acceptor;
        if (thread != null && thread != Thread.currentThread()) {
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (SocketChannel connection : connections) {
            closeQuietly(connection);
        }
        connections.clear();
    }

    private static void closeQuietly(java.nio.channels.Channel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing to tell
        }
    }
}
