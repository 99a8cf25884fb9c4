package nl.dockerles.engine.actions;

import nl.dockerles.daemon.DaemonAddress;
import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.Message;
import nl.dockerles.engine.Action;
import nl.dockerles.engine.ActionContext;
import nl.dockerles.daemon.ContainerInfo;
import nl.dockerles.engine.LoopbackHttp;
import nl.dockerles.daemon.PortMapping;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code http-get}: an HTTP GET on the host port where a container's port is published, as
 * {@code curl -si http://127.0.0.1:8080/} does. The host port is looked up on the daemon (inspect), so a port
 * that dockerles replaced because it was taken is followed. Only 127.0.0.1 is ever asked. A freshly started
 * server may not answer yet: it retries briefly, until a deadline.
 *
 * <p>Settings: {@code container} (required), {@code port} (the container's port, default 80), {@code host-port}
 * (the host port of the section's {@code -p}, for the command shown; default: port), {@code path} (default /),
 * {@code timeout} (seconds until it gives up, default 10).
 *
 * <p>Facts: {@code http.status}, {@code http.title}, {@code http.server}, {@code http.port}, {@code http.url},
 * {@code http.bytes}, and the same per container: {@code <container>.http.status}, ...
 */
public final class HttpGetAction implements Action {
    static final String LOOPBACK = "127.0.0.1";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration FIRST_RETRY_PAUSE = Duration.ofMillis(10);
    private static final Duration RETRY_PAUSE = Duration.ofMillis(100);
    private static final int DEFAULT_TIMEOUT_SECONDS = 10;
    private static final List<String> SHOWN_HEADERS = List.of("Server", "Content-Type", "Content-Length");
    private static final Pattern TITLE = Pattern.compile("(?is)<title[^>]*>(.*?)</title>");

    @Override
    public String name() {
        return "http-get";
    }

    @Override
    public String shell(Map<String, String> with) {
        String port = with.getOrDefault("host-port", with.getOrDefault("port", "80"));
        // Like dockerles, the script waits for nginx to answer (it may still be starting).
        return "curl -si --retry 20 --retry-all-errors " + url(port, with.getOrDefault("path", "/"));
    }

    @Override
    public String run(ActionContext context, Map<String, String> with) {
        String container = with.get("container");
        if (container == null || container.isBlank()) {
            throw new DockerlesException(ExitCode.CONTENT, "error.content.invalid", name(),
                    new Message("error.content.absent.with", "container"));
        }
        int containerPort = number(with.getOrDefault("port", "80"), "port");
        String path = with.getOrDefault("path", "/");
        Duration timeout = Duration.ofSeconds(number(with.getOrDefault("timeout",
                String.valueOf(DEFAULT_TIMEOUT_SECONDS)), "timeout"));
        requireLocalDaemon(context, containerPort);

        ContainerInfo info = context.docker().inspectContainer(container).orElseThrow(
                () -> new DockerlesException(ExitCode.DOCKER_ERROR, "error.container.missing", container));
        PortMapping mapping = published(info.ports(), containerPort).orElseThrow(
                () -> new DockerlesException(ExitCode.DOCKER_ERROR, "action.http.notpublished", container,
                        containerPort));
        if (!reachableOnLoopback(mapping.hostIp())) {
            throw new DockerlesException(ExitCode.DOCKER_ERROR, "action.http.notloopback", container, containerPort,
                    mapping.hostIp(), mapping.hostPort());
        }
        int hostPort = mapping.hostPort();
        String url = url(String.valueOf(hostPort), path);
        String shown = with.get("host-port");
        if (shown != null && !shown.equals(String.valueOf(hostPort))) {
            context.console().info(context.messages().get("action.http.moved", container, hostPort, url));
        }

        LoopbackHttp.Response response = getUntilAnswered(url, timeout);
        Answer answer = Answer.of(response);
        boolean body = "true".equals(with.get("body"));
        String output = body ? answer.renderWithBody(response.body()) : answer.render();
        context.console().output(output);
        int rest = answer.bytes() - answer.titleLine().getBytes(StandardCharsets.UTF_8).length;
        if (rest > 0 && !body) {
            context.console().info(context.messages().get("action.http.rest", answer.bytes()));
        }
        for (String prefix : List.of("http", container + ".http")) {
            context.facts().put(prefix + ".status", answer.status());
            context.facts().put(prefix + ".title", answer.title());
            context.facts().put(prefix + ".server", answer.server());
            context.facts().put(prefix + ".port", hostPort);
            context.facts().put(prefix + ".url", url);
            context.facts().put(prefix + ".bytes", answer.bytes());
            if (body) {
                context.facts().put(prefix + ".body", new String(response.body(), StandardCharsets.UTF_8).strip());
            }
        }
        return output;
    }

    static String url(String hostPort, String path) {
        return "http://" + LOOPBACK + ":" + hostPort + (path.startsWith("/") ? path : "/" + path);
    }

    /** The TCP binding of the container's port that has a host port; an IPv4 one first. */
    static Optional<PortMapping> published(List<PortMapping> ports, int containerPort) {
        return ports == null ? Optional.empty() : ports.stream()
                .filter(p -> p.containerPort() == containerPort)
                .filter(p -> p.protocol() == null || p.protocol().equalsIgnoreCase("tcp"))
                .filter(p -> p.hostPort() != null && p.hostPort() > 0)
                .min(Comparator.comparing(p -> p.hostIp() != null && p.hostIp().contains(":")));
    }

    /** 127.0.0.1 reaches a port bound to 127.0.0.1 or to all interfaces; nothing else is asked. */
    static boolean reachableOnLoopback(String hostIp) {
        return hostIp == null || hostIp.isEmpty() || hostIp.equals("0.0.0.0") || hostIp.equals(LOOPBACK)
                || hostIp.equals("::");
    }

    /**
     * On a daemon elsewhere (tcp://other-host) a published port is on that host, not on 127.0.0.1 here.
     * Docker Desktop's socket is local: it forwards published ports to this machine.
     */
    private static void requireLocalDaemon(ActionContext context, int containerPort) {
        String host = context.docker().host();
        if (!DaemonAddress.isLocal(host)) {
            throw new DockerlesException(ExitCode.DOCKER_ERROR, "action.http.remote", host, containerPort);
        }
    }

    /**
     * A server that just started may refuse or drop the first connections (docker-proxy accepts before nginx
     * listens): ask again until it answers, at most {@code timeout}; first after 10 ms, then twice as long each time
     * up to every 100 ms (a server that is almost there answers soon, one that takes long is not asked too often).
     */
    static LoopbackHttp.Response getUntilAnswered(String url, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        IOException last = null;
        long pause = FIRST_RETRY_PAUSE.toMillis();
        try {
            do {
                try {
                    return LoopbackHttp.get(url, "dockerles", CONNECT_TIMEOUT, REQUEST_TIMEOUT);
                } catch (IOException e) {
                    last = e;
                }
                long left = deadline - System.nanoTime();
                if (left > 0) {
                    Thread.sleep(Math.min(pause, Math.max(1, left / 1_000_000)));
                    pause = Math.min(RETRY_PAUSE.toMillis(), pause * 2);
                }
            } while (System.nanoTime() < deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DockerlesException(ExitCode.INTERRUPTED, e, "error.interrupted");
        }
        String reason = last == null ? "" : last.getClass().getSimpleName()
                + (last.getMessage() == null ? "" : ": " + last.getMessage());
        throw new DockerlesException(ExitCode.DOCKER_ERROR, last, "action.http.noanswer", url, timeout.toSeconds(),
                reason);
    }

    private static int number(String text, String setting) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new DockerlesException(ExitCode.CONTENT, "error.content.invalid", "http-get",
                    setting + ": " + text);
        }
    }

    /** What the server said, as far as the audience sees it: status line, a few headers, the title. */
    record Answer(String version, int status, List<String[]> headers, String titleLine, String title, int bytes) {

        static Answer of(LoopbackHttp.Response response) {
            String statusLine = response.statusLine();
            String version = statusLine.startsWith("HTTP/1.0") ? "HTTP/1.0" : "HTTP/1.1";
            List<String[]> headers = new java.util.ArrayList<>();
            for (String name : SHOWN_HEADERS) {
                response.header(name).ifPresent(value -> headers.add(new String[] {name, value}));
            }
            String body = new String(response.body(), StandardCharsets.UTF_8);
            Matcher m = TITLE.matcher(body);
            String titleLine = m.find() ? m.group().strip() : "";
            String title = titleLine.isEmpty() ? "" : m.group(1).replaceAll("\\s+", " ").strip();
            return new Answer(version, response.status(), headers, titleLine, title, response.body().length);
        }

        String server() {
            return headers.stream().filter(h -> h[0].equals("Server")).map(h -> h[1]).findFirst().orElse("");
        }

        /** The head as {@link #render}, then the body itself (a short JSON answer, say), at most 2000 characters. */
        String renderWithBody(byte[] body) {
            StringBuilder out = new StringBuilder();
            out.append(version).append(' ').append(status).append('\n');
            headers.forEach(h -> out.append(h[0]).append(": ").append(h[1]).append('\n'));
            out.append('\n');
            String text = new String(body, StandardCharsets.UTF_8).strip();
            out.append(text.length() > 2000 ? text.substring(0, 2000) + " …" : text).append('\n');
            return out.toString();
        }

        /** As curl -si prints the head of the answer; of the body only the title element. */
        String render() {
            StringBuilder out = new StringBuilder();
            out.append(version).append(' ').append(status).append('\n');
            headers.forEach(h -> out.append(h[0]).append(": ").append(h[1]).append('\n'));
            out.append('\n');
            if (!titleLine.isEmpty()) {
                out.append(titleLine).append('\n');
            }
            return out.toString();
        }
    }
}
