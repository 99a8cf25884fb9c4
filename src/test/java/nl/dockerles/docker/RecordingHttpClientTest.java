package nl.dockerles.docker;

import com.github.dockerjava.transport.DockerHttpClient;
import nl.dockerles.daemon.Docker.ApiCall;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class RecordingHttpClientTest {

    private static DockerHttpClient answering(int status) {
        return new DockerHttpClient() {
            @Override
            public Response execute(Request request) {
                if (request.path().contains("kapot")) {
                    throw new RuntimeException(new java.io.IOException("Connection refused"));
                }
                return new Response() {
                    @Override
                    public int getStatusCode() {
                        return status;
                    }

                    @Override
                    public Map<String, List<String>> getHeaders() {
                        return Map.of();
                    }

                    @Override
                    public InputStream getBody() {
                        return new ByteArrayInputStream(new byte[0]);
                    }

                    @Override
                    public void close() {
                    }
                };
            }

            @Override
            public void close() {
            }
        };
    }

    private static DockerHttpClient.Request get(String path) {
        return DockerHttpClient.Request.builder().method(DockerHttpClient.Request.Method.GET).path(path).build();
    }

    @Test
    void keepsMethodPathAndStatusAndForgetsOnTake() {
        RecordingHttpClient http = new RecordingHttpClient(answering(404));
        http.execute(get("/v1.41/containers/x/json?size=1")).close();

        List<ApiCall> calls = http.take();
        assertThat(calls).singleElement().satisfies(call -> {
            assertThat(call.method()).isEqualTo("GET");
            assertThat(call.path()).isEqualTo("/v1.41/containers/x/json?size=1");
            assertThat(call.status()).isEqualTo(404);
            assertThat(call.took().isNegative()).isFalse();
        });
        assertThat(http.take()).isEmpty();
    }

    @Test
    void aCallWithoutAnswerIsStatusZero() {
        RecordingHttpClient http = new RecordingHttpClient(answering(200));
        assertThat(catchThrowable(() -> http.execute(get("/kapot")))).isInstanceOf(RuntimeException.class);
        assertThat(http.take()).singleElement().extracting(ApiCall::status).isEqualTo(0);
    }

    @Test
    void aBodyIsOpenUntilReadToItsEndOrClosedAndStillOpenWhenTakenBefore() throws Exception {
        RecordingHttpClient http = new RecordingHttpClient(answering(200));
        DockerHttpClient.Response stream = http.execute(get("/v1.41/containers/x/attach"));
        assertThat(http.take()).singleElement().extracting(ApiCall::open).isNull(); // still open
        try (InputStream body = stream.getBody()) {
            assertThat(body.read()).isEqualTo(-1); // the end of the stream
        }
        DockerHttpClient.Response closed = http.execute(get("/v1.41/containers/x/logs"));
        closed.close();

        List<ApiCall> calls = http.take();
        assertThat(calls).hasSize(1); // the first was taken already: its end is no longer recorded anywhere
        ApiCall logs = calls.get(0);
        assertThat(logs.open()).isNotNull();
        assertThat(logs.open()).isGreaterThanOrEqualTo(logs.took());
        assertThat(logs.waited()).isEqualTo(logs.open());
    }

    @Test
    void callsAskedAheadOnAThreadOfTheirOwnBelongToNoStep() throws Exception {
        RecordingHttpClient http = new RecordingHttpClient(answering(200));
        Thread ahead = new Thread(() -> http.unrecorded(() -> {
            http.execute(get("/v1.41/info")).close();
            return null;
        }));
        ahead.start();
        ahead.join(5000);
        http.execute(get("/v1.41/containers/json")).close();

        assertThat(http.take()).extracting(ApiCall::path).containsExactly("/v1.41/containers/json");
    }

    @Test
    void keepsOnlyTheLastTwoHundred() {
        RecordingHttpClient http = new RecordingHttpClient(answering(200));
        for (int i = 0; i < 250; i++) {
            http.execute(get("/_ping?n=" + i)).close();
        }
        List<ApiCall> calls = http.take();
        assertThat(calls).hasSize(RecordingHttpClient.KEEP);
        assertThat(calls.get(0).path()).isEqualTo("/_ping?n=50");
        assertThat(calls.get(199).path()).isEqualTo("/_ping?n=249");
    }
}
