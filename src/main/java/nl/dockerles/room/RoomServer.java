package nl.dockerles.room;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;

import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves the room's page with the JDK's HTTP server: {@code /TOKEN/} the page, {@code /TOKEN/events} its
 * server-sent events. Everything else, a wrong token included, is a 404; nothing accepts input. Every page
 * has a thread and a bounded queue of its own (see {@link RoomFeed}).
 */
public final class RoomServer implements AutoCloseable {
    /** Pages open at once; more get a 503 rather than another thread. */
    static final int MAX_PAGES = 200;
    private static final String ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";
    private static final long KEEP_ALIVE_SECONDS = 15;

    private final HttpServer server;
    private final ExecutorService threads;
    private final RoomFeed feed;
    private final RoomPage page;
    private final String token;
    private final URI address;
    private final AtomicInteger open = new AtomicInteger();
    private final SecureRandom random = new SecureRandom();

    private RoomServer(HttpServer server, ExecutorService threads, RoomFeed feed, RoomPage page, String token,
                       URI address) {
        this.server = server;
        this.threads = threads;
        this.feed = feed;
        this.page = page;
        this.token = token;
        this.address = address;
    }

    /** Starts listening; the page follows {@code feed}. */
    public static RoomServer start(RoomAddress where, RoomFeed feed, RoomPage page) {
        HttpServer server = bind(where);
        AtomicInteger count = new AtomicInteger();
        ExecutorService threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "dockerles-room-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        String token = token(new SecureRandom());
        URI address = URI.create("http://" + where.shown() + ":" + server.getAddress().getPort() + "/" + token + "/");
        RoomServer room = new RoomServer(server, threads, feed, page, token, address);
        server.createContext("/", room::handle);
        server.setExecutor(threads);
        server.start();
        return room;
    }

    private static HttpServer bind(RoomAddress where) {
        try {
            if (where.port() != 0) {
                return HttpServer.create(new InetSocketAddress(where.bind(), where.port()), 64);
            }
            try {
                return HttpServer.create(new InetSocketAddress(where.bind(), RoomAddress.PREFERRED_PORT), 64);
            } catch (BindException taken) {
                return HttpServer.create(new InetSocketAddress(where.bind(), 0), 64);
            }
        } catch (IOException e) {
            throw new DockerlesException(ExitCode.USAGE, e, "error.room.bind",
                    where.shown() + (where.port() != 0 ? ":" + where.port() : ""), String.valueOf(e.getMessage()));
        }
    }

    static String token(SecureRandom random) {
        StringBuilder token = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            token.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return token.toString();
    }

    /** The address to open, with its token: {@code http://HOST:PORT/TOKEN/}. */
    public URI address() {
        return address;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String method = exchange.getRequestMethod();
            boolean read = method.equals("GET") || method.equals("HEAD");
            String rest = read ? afterToken(path) : null;
            if (rest == null) {
                send(exchange, 404, "text/plain; charset=utf-8", "404\n");
            } else if (rest.isEmpty() || rest.equals("/")) {
                servePage(exchange);
            } else if (rest.equals("/events") && method.equals("GET")) {
                serveEvents(exchange);
            } else {
                send(exchange, 404, "text/plain; charset=utf-8", "404\n");
            }
        } catch (IOException gone) {
            // The browser went away mid-answer: nothing to do.
        }
    }

    /** The path after {@code /TOKEN}, or null when the path does not start with the right token. */
    private String afterToken(String path) {
        if (path == null || !path.startsWith("/")) {
            return null;
        }
        int end = path.indexOf('/', 1);
        String candidate = end < 0 ? path.substring(1) : path.substring(1, end);
        boolean same = MessageDigest.isEqual(candidate.getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
        return same ? (end < 0 ? "" : path.substring(end)) : null;
    }

    private void servePage(HttpExchange exchange) throws IOException {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String nonce = Base64.getEncoder().encodeToString(bytes);
        String html = page.page(feed.snapshot(), "/" + token + "/events", nonce, null);
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Security-Policy", "default-src 'none'; script-src 'nonce-" + nonce + "'; style-src 'nonce-"
                + nonce + "'; connect-src 'self'; img-src data:; base-uri 'none'; form-action 'none'; "
                + "frame-ancestors 'none'");
        send(exchange, 200, "text/html; charset=utf-8", html);
    }

    private void serveEvents(HttpExchange exchange) throws IOException {
        if (open.incrementAndGet() > MAX_PAGES) {
            open.decrementAndGet();
            send(exchange, 503, "text/plain; charset=utf-8", "503\n");
            return;
        }
        RoomFeed.Subscriber subscriber = feed.subscribe(seen(exchange));
        try {
            securityHeaders(exchange.getResponseHeaders());
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            exchange.sendResponseHeaders(200, 0);
            OutputStream body = exchange.getResponseBody();
            body.write("retry: 1000\n\n".getBytes(StandardCharsets.UTF_8));
            for (RoomFeed.Event event : subscriber.backlog) {
                write(body, event);
            }
            body.flush();
            if (endsStream(subscriber.backlog)) {
                return;
            }
            while (true) {
                RoomFeed.Event event = subscriber.queue.poll(KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
                if (event == null) {
                    body.write(":\n\n".getBytes(StandardCharsets.UTF_8));
                }
                // Everything that is waiting goes out in one write.
                for (; event != null; event = subscriber.queue.poll()) {
                    if (event == RoomFeed.DROPPED) {
                        return; // fell behind: the browser reconnects and catches up from its last event
                    }
                    write(body, event);
                    if (event.type().equals("end")) {
                        body.flush();
                        return;
                    }
                }
                body.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            feed.unsubscribe(subscriber);
            synchronized (open) {
                open.decrementAndGet();
                open.notifyAll();
            }
        }
    }

    private static boolean endsStream(java.util.List<RoomFeed.Event> events) {
        return !events.isEmpty() && events.get(events.size() - 1).type().equals("end");
    }

    /** The last event the page saw: the browser's Last-Event-ID when it reconnects, else {@code ?seen=N}. */
    private static long seen(HttpExchange exchange) {
        String last = exchange.getRequestHeaders().getFirst("Last-Event-ID");
        String query = exchange.getRequestURI().getRawQuery();
        String value = last != null ? last
                : query != null && query.startsWith("seen=") ? query.substring("seen=".length()) : "0";
        try {
            return Math.max(0, Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void write(OutputStream body, RoomFeed.Event event) throws IOException {
        StringBuilder text = new StringBuilder(event.data().length() + 32);
        text.append("id: ").append(event.id()).append('\n');
        text.append("event: ").append(event.type()).append('\n');
        for (String line : event.data().split("\r\n|\r|\n", -1)) {
            text.append("data: ").append(line).append('\n');
        }
        text.append('\n');
        body.write(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void securityHeaders(Headers headers) {
        headers.set("Cache-Control", "no-store");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-Frame-Options", "DENY");
    }

    private static void send(HttpExchange exchange, int status, String type, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        securityHeaders(exchange.getResponseHeaders());
        exchange.getResponseHeaders().set("Content-Type", type);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            exchange.getResponseBody().write(bytes);
        }
    }

    /** Tells every page that the demo ended and stops listening (at most a second for pages still writing). */
    @Override
    public void close() {
        feed.close();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        synchronized (open) {
            while (open.get() > 0 && System.nanoTime() < deadline) {
                try {
                    open.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        server.stop(0);
        threads.shutdownNow();
    }
}
