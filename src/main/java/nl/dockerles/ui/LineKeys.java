package nl.dockerles.ui;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Keys from input that is no terminal: a line "h", "s" or "q" (then Enter) is that key. When the input ends
 * (/dev/null, a closed pipe), dockerles just keeps watching; it never asks questions here.
 */
public final class LineKeys implements KeySource {
    private final BlockingQueue<Integer> keys = new LinkedBlockingQueue<>();

    public LineKeys(InputStream in) {
        Thread reader = new Thread(() -> read(in), "dockerles-keys");
        reader.setDaemon(true);
        reader.start();
    }

    private void read(InputStream in) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String key = line.strip();
                keys.add(key.isEmpty() ? (int) '\n' : (int) key.charAt(0));
            }
        } catch (IOException ignored) {
            // No more keys; watching goes on.
        }
    }

    @Override
    public int next(Duration timeout) {
        try {
            Integer key = keys.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return key == null ? NONE : key;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 'q';
        }
    }

    @Override
    public boolean canAsk() {
        return false;
    }
}
