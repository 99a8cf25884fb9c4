package nl.dockerles.ui;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the presenter's answer as a line: Enter goes on, q quits, r repeats the step, s skips it. */
public final class LinePrompter implements Prompter {
    private final BufferedReader in;
    private final Console console;

    public LinePrompter(InputStream in, Console console) {
        this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        this.console = console;
    }

    @Override
    public Key await(String label) {
        console.prompt(label);
        String line;
        try {
            line = in.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (line == null) {
            return Key.QUIT;
        }
        return switch (line.strip().toLowerCase()) {
            case "q" -> Key.QUIT;
            case "r" -> Key.REPEAT;
            case "s" -> Key.SKIP;
            default -> Key.NEXT;
        };
    }
}
