package nl.dockerles.docker;

import com.github.dockerjava.transport.DockerHttpClient;
import nl.dockerles.daemon.Docker.ApiCall;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;

/**
 * The http client docker-java talks through, wrapped to remember each request: method, path with query,
 * status, how long until the answer's headers came and how long until its body ended (for a stream: attach, logs,
 * a build, when the daemon ended it or we closed it). Status 0 means no answer (the connection failed).
 */
final class RecordingHttpClient implements DockerHttpClient {
    static final int KEEP = 200;
    private final DockerHttpClient delegate;
    private final ArrayDeque<Entry> calls = new ArrayDeque<>();
    /** Set on a thread that asks for none of the steps (the daemon's facts, asked ahead). */
    private final ThreadLocal<Boolean> quiet = ThreadLocal.withInitial(() -> false);

    RecordingHttpClient(DockerHttpClient delegate) {
        this.delegate = delegate;
    }

    /** A call as it goes: its body may still be open when the calls are taken. */
    private static final class Entry {
        private final String method;
        private final String path;
        private final long sent;
        private volatile int status;
        private volatile long headers;
        private volatile long ended;

        Entry(String method, String path, long sent) {
            this.method = method;
            this.path = path;
            this.sent = sent;
        }

        void end() {
            if (ended == 0) {
                ended = System.nanoTime();
            }
        }

        ApiCall call() {
            long end = ended;
            return new ApiCall(method, path, status, Duration.ofNanos(headers - sent),
                    end == 0 ? null : Duration.ofNanos(end - sent), sent);
        }
    }

    @Override
    public Response execute(Request request) {
        Entry entry = new Entry(request.method(), request.path(), System.nanoTime());
        try {
            Response response = delegate.execute(request);
            entry.status = response.getStatusCode();
            entry.headers = System.nanoTime();
            return new Recorded(response, entry);
        } catch (RuntimeException | Error e) {
            entry.headers = System.nanoTime();
            entry.end();
            throw e;
        } finally {
            if (!quiet.get()) {
                record(entry);
            }
        }
    }

    /** {@code work}'s calls, made on this thread, are not recorded. */
    <T> T unrecorded(java.util.function.Supplier<T> work) {
        quiet.set(true);
        try {
            return work.get();
        } finally {
            quiet.remove();
        }
    }

    private synchronized void record(Entry entry) {
        if (calls.size() == KEEP) {
            calls.removeFirst();
        }
        calls.addLast(entry);
    }

    /** The calls since the last take, oldest first (at most the last {@link #KEEP}); forgets them. */
    synchronized List<ApiCall> take() {
        List<ApiCall> taken = calls.stream().map(Entry::call).toList();
        calls.clear();
        return taken;
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }

    /** The answer, noting when its body ends: read to the end, or closed. */
    private record Recorded(Response response, Entry entry) implements Response {
        @Override
        public int getStatusCode() {
            return response.getStatusCode();
        }

        @Override
        public Map<String, List<String>> getHeaders() {
            return response.getHeaders();
        }

        @Override
        public String getHeader(String name) {
            return response.getHeader(name);
        }

        @Override
        public InputStream getBody() {
            InputStream body = response.getBody();
            return body == null ? null : new FilterInputStream(body) {
                @Override
                public int read() throws IOException {
                    return ended(super.read());
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return ended(super.read(b, off, len));
                }

                private int ended(int read) {
                    if (read < 0) {
                        entry.end();
                    }
                    return read;
                }

                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        entry.end();
                    }
                }
            };
        }

        @Override
        public void close() {
            try {
                response.close();
            } finally {
                entry.end();
            }
        }
    }
}
