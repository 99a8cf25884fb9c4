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
import java.util.concurrent.atomic.AtomicReference;

/** A tcp port in front of the daemon's unix socket: a test can pull the plug, or have one call fail as on Podman. */
public final class UnixSocketProxy implements AutoCloseable {
    private final ServerSocketChannel server;
    private final Path socket;
    private final List<SocketChannel> open = new CopyOnWriteArrayList<>();
    private final StringBuffer requests = new StringBuffer();
    private final AtomicReference<Fault> nextFault = new AtomicReference<>();

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
        nextFault.set(new Fault("POST ", "/wait", "StatusCode",
                podman43Error("read /proc/4242/cgroup: no such process")));
    }

    /** The next inspect of a container gets the same answer as {@link #failNextWaitAsPodman43()}, at once. */
    public void failNextInspectAsPodman43() {
        nextFault.set(new Fault("GET ", "/json", null, podman43Error("read /proc/4242/cgroup: no such process")));
    }

    /**
     * The next removal gets the answer Podman 4.3 gives when it restarts the container just as it kills it; the
     * daemon does not see that request.
     */
    public void failNextRemoveAsPodman43() {
        nextFault.set(new Fault("DELETE ", "/containers/", null, podman43Error("cannot remove container 4242 as it"
                + " could not be stopped: sending SIGKILL to container 4242: container state improper: stopped")));
    }

    /** A request that gets {@code answer}: at once, or once the daemon's own answer contains {@code holdUntil}. */
    private record Fault(String method, String pathPart, String holdUntil, String answer) {
        boolean matches(String request) {
            return request.startsWith(method) && request.lines().findFirst().orElse("").contains(pathPart);
        }
    }

    private static String podman43Error(String message) {
        String body = "{\"cause\":\"podman\",\"message\":\"" + message + "\",\"response\":500}\n";
        return "HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/json\r\nConnection: close\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body;
    }

    private void acceptLoop() {
        try {
            while (true) {
                SocketChannel client = server.accept();
                SocketChannel daemon = SocketChannel.open(UnixDomainSocketAddress.of(socket));
                open.add(client);
                open.add(daemon);
                if (!server.isOpen()) {
                    // Accepted while close() ran: it may have missed these two, and a dead daemon keeps none.
                    client.close();
                    daemon.close();
                    return;
                }
                AtomicReference<Fault> heldBack = new AtomicReference<>();
                pump(client, daemon, requests, heldBack);
                pump(daemon, client, null, heldBack);
            }
        } catch (IOException e) {
            // Closed by the test.
        }
    }

    // Channel reads and writes directly: Channels.newInputStream/newOutputStream share one lock and deadlock.
    private void pump(SocketChannel from, SocketChannel to, StringBuffer log, AtomicReference<Fault> heldBack) {
        Thread thread = new Thread(() -> {
            ByteBuffer buffer = ByteBuffer.allocate(8192);
            StringBuilder held = new StringBuilder();
            try {
                while (from.read(buffer) != -1) {
                    buffer.flip();
                    String text = StandardCharsets.ISO_8859_1.decode(buffer.duplicate()).toString();
                    Fault fault = nextFault.get();
                    if (log != null) {
                        log.append(text);
                        if (fault != null && fault.matches(text) && nextFault.compareAndSet(fault, null)) {
                            if (fault.holdUntil() == null) {
                                answer(from, to, fault); // the request stays with us: "to" is the daemon
                                return;
                            }
                            heldBack.set(fault);
                        }
                    } else if (heldBack.get() != null) {
                        held.append(text);
                        if (held.indexOf(heldBack.get().holdUntil()) >= 0) {
                            answer(to, from, heldBack.get());
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

    private static void answer(SocketChannel client, SocketChannel daemon, Fault fault) throws IOException {
        client.write(StandardCharsets.ISO_8859_1.encode(fault.answer()));
        client.close();
        daemon.close();
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
