package nl.dockerles.docker;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class StdinPipeTest {

    @Test
    void bytesFromThreadsThatHaveEndedAreStillRead() throws Exception {
        // The reason for StdinPipe: PipedInputStream fails once its writing thread has died.
        StdinPipe pipe = new StdinPipe();
        Thread writer = new Thread(() -> pipe.write("echo hallo\n".getBytes(StandardCharsets.UTF_8)));
        writer.start();
        writer.join();
        pipe.write(new byte[] {0x10, 0x11});
        pipe.close();
        assertThat(pipe.readAllBytes()).isEqualTo("echo hallo\n\u0010\u0011".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aReaderWaitsForInputAndEndsOnClose() throws Exception {
        StdinPipe pipe = new StdinPipe();
        CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            byte[] buffer = new byte[3];
            try {
                int n;
                while ((n = pipe.read(buffer, 0, buffer.length)) != -1) {
                    all.write(buffer, 0, n);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return all.toByteArray();
        });
        pipe.write("abcdef".getBytes(StandardCharsets.UTF_8));
        assertThat(read).isNotDone();
        pipe.close();
        assertThat(read.get(2, TimeUnit.SECONDS)).asString(StandardCharsets.UTF_8).isEqualTo("abcdef");
    }

    @Test
    void writesAfterCloseAreRefused() {
        StdinPipe pipe = new StdinPipe();
        pipe.close();
        assertThat(pipe.write(new byte[] {1})).isFalse();
    }

    @Test
    void theCallersArrayIsCopied() throws Exception {
        StdinPipe pipe = new StdinPipe();
        byte[] input = {'a'};
        pipe.write(input);
        input[0] = 'b';
        pipe.close();
        assertThat(pipe.readAllBytes()).containsExactly('a');
    }
}
