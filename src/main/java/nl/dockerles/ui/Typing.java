package nl.dockerles.ui;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** --typen: a command appears letter by letter, as if typed live. */
final class Typing {
    private Typing() {
    }

    /**
     * Prints {@code command} a letter at a time, {@code charsPerSecond} letters a second. The {@code lock} is held
     * for each letter and let go between letters, so that a stop ({@code stopped}) silences the rest at once.
     */
    static void type(String command, int charsPerSecond, Object lock, BooleanSupplier stopped,
            Consumer<String> letter) {
        long pause = 1000L / charsPerSecond;
        for (int i = 0; i < command.length(); i++) {
            synchronized (lock) {
                if (stopped.getAsBoolean()) {
                    return;
                }
                letter.accept(String.valueOf(command.charAt(i)));
            }
            try {
                Thread.sleep(pause); // pacing for the audience, not waiting for state
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
