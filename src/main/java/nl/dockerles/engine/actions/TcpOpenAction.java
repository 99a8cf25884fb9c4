package nl.dockerles.engine.actions;

import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.engine.Action;
import nl.dockerles.engine.ActionContext;

import java.io.IOException;
import java.net.SocketAddress;
import java.util.Map;

/**
 * {@code tcp-open}: the daemon also answers on a TCP port of 127.0.0.1, as {@code dockerd -H tcp://127.0.0.1:2375}
 * would make it: a forward from that port to the daemon's own socket, for as long as the section runs (until
 * {@code tcp-close}, and at the latest when dockerles ends). A taken port is replaced by the next free one, and
 * the presenter is told. Only loopback is bound: nobody else on the network can reach it.
 *
 * <p>Settings: {@code port} (default 2375, Docker's port for an unencrypted daemon).
 *
 * <p>Facts: {@code tcp.port}, {@code tcp.host} ("tcp://127.0.0.1:2375"), {@code tcp.target} (the daemon's own
 * address, e.g. "unix:///var/run/docker.sock").
 */
public final class TcpOpenAction implements Action {
    static final int DOCKER_PORT = 2375;

    @Override
    public String name() {
        return "tcp-open";
    }

    @Override
    public String shell(Map<String, String> with) {
        return "socat TCP-LISTEN:" + with.getOrDefault("port", String.valueOf(DOCKER_PORT))
                + ",bind=127.0.0.1,reuseaddr,fork UNIX-CONNECT:"
                + Containers.socket(with) + " &";
    }

    /** By hand, socat forwards to this run's daemon: its own socket (Podman's is not Docker's). */
    @Override
    public Map<String, String> asRun(ActionContext context, Map<String, String> with) {
        return Containers.withSocket(context, with);
    }

    /** socat runs in the background: the next docker -H must not come before it listens (at most 5 s). */
    @Override
    public String shellReady(Map<String, String> with) {
        return "for i in $(seq 100); do curl -sf -o /dev/null http://127.0.0.1:"
                + with.getOrDefault("port", String.valueOf(DOCKER_PORT)) + "/_ping && break; sleep 0.05; done";
    }

    /**
     * The facts later commands use, as the .sh script writes them: {@code {tcp.port}} is the port socat was
     * given.
     */
    @Override
    public Map<String, String> shellFacts(Map<String, String> with) {
        return Map.of("tcp.port", with.getOrDefault("port", String.valueOf(DOCKER_PORT)),
                "tcp.host", "tcp://127.0.0.1:" + with.getOrDefault("port", String.valueOf(DOCKER_PORT)));
    }

    /** True: the forward is dockerles's own (socat is the way by hand); it prints the address, not socat's silence. */
    @Override
    public boolean ownWay() {
        return true;
    }

    @Override
    public String run(ActionContext context, Map<String, String> with) {
        int preferred = Containers.integer(with, "port", DOCKER_PORT);
        String host = context.docker().host();
        SocketAddress target = TcpForward.target(context.docker().endpoint());
        if (target == null) {
            throw new DockerlesException(ExitCode.DOCKER_ERROR, "action.tcp.unsupported", host);
        }
        TcpForward forward;
        try {
            forward = TcpForward.open(preferred, target);
        } catch (IOException e) {
            throw new DockerlesException(ExitCode.DOCKER_ERROR, e, "action.tcp.failed", preferred,
                    String.valueOf(e.getMessage()));
        }
        if (forward == null) {
            throw new DockerlesException(ExitCode.CONFLICT, "error.port.nofree", preferred);
        }
        TcpForward.setCurrent(forward);
        context.workspace().atEnd(docker -> TcpForward.closeCurrent());
        int port = forward.port();
        if (port != preferred) {
            context.console().warn(context.messages().get("action.tcp.moved", preferred, port));
        }
        String address = "tcp://127.0.0.1:" + port;
        context.facts().put("tcp.port", port);
        context.facts().put("tcp.host", address);
        context.facts().put("tcp.target", host);
        String line = address + " → " + host;
        // A narrow window (Podman's socket is longer): the target on a line of its own.
        String output = (line.length() <= context.console().width() ? line : address + "\n  → " + host) + "\n";
        context.console().table(output);
        return output;
    }
}
