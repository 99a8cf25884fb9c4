package nl.dockerles.engine.actions;

import nl.dockerles.engine.Action;
import nl.dockerles.engine.ActionContext;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;

/**
 * {@code tcp-close}: closes the port that {@code tcp-open} opened, and shows that it is closed: a new connection
 * to it is refused, as the kernel says.
 *
 * <p>Facts: {@code tcp.closed} (what connecting now gives, e.g. "Connection refused").
 */
public final class TcpCloseAction implements Action {
    private static final int CONNECT_TIMEOUT_MS = 1000;

    @Override
    public String name() {
        return "tcp-close";
    }

    @Override
    public String shell(Map<String, String> with) {
        return "kill $!";
    }

    /** True: it closes its own forward and shows that the port refuses; kill $! is the way by hand. */
    @Override
    public boolean ownWay() {
        return true;
    }

    @Override
    public String run(ActionContext context, Map<String, String> with) {
        String known = context.facts().get("tcp.port");
        int closed = TcpForward.closeCurrent();
        int port = closed != 0 ? closed : known == null ? TcpOpenAction.DOCKER_PORT : Integer.parseInt(known);
        String answer = tryConnect(port);
        context.facts().put("tcp.closed", answer);
        String output = "127.0.0.1:" + port + ": " + answer + "\n";
        context.console().table(output);
        return output;
    }

    /** What a client that tries the port now gets: "Connection refused", or "open" when something answers. */
    static String tryConnect(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), CONNECT_TIMEOUT_MS);
            return "open";
        } catch (IOException e) {
            String message = e.getMessage();
            if (message == null) {
                return e.getClass().getSimpleName();
            }
            // "Connection refused (Connection refused)" on some JDKs: once is enough.
            int paren = message.indexOf(" (");
            return paren > 0 ? message.substring(0, paren) : message;
        }
    }
}
