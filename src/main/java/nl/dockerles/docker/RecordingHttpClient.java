package nl.dockerles.docker;

import com.github.dockerjava.transport.DockerHttpClient;
import nl.dockerles.daemon.Docker.ApiCall;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The http client docker-java talks through, wrapped to remember each request: method, path with query,
 * status and how long until the answer came (for streams and hijacked calls: until the response headers
 * arrived, not until the stream ended). Status 0 means no answer (the connection failed).
 */
final class RecordingHttpClient implements DockerHttpClient {
    static final int KEEP = 200;
    private final DockerHttpClient delegate;
    private final ArrayDeque<ApiCall> calls = new ArrayDeque<>();

    RecordingHttpClient(DockerHttpClient delegate) {
        this.delegate = delegate;
    }

    @Override
    public Response execute(Request request) {
        long start = System.nanoTime();
        int status = 0;
        try {
            Response response = delegate.execute(request);
            status = response.getStatusCode();
            return response;
        } finally {
            record(new ApiCall(request.method(), request.path(), status, Duration.ofNanos(System.nanoTime() - start)));
        }
    }

    private synchronized void record(ApiCall call) {
        if (calls.size() == KEEP) {
            calls.removeFirst();
        }
        calls.addLast(call);
    }

    /** The calls since the last take, oldest first (at most the last {@link #KEEP}); forgets them. */
    synchronized List<ApiCall> take() {
        List<ApiCall> taken = List.copyOf(calls);
        calls.clear();
        return taken;
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }
}
