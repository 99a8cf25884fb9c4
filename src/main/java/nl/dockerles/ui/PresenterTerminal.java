package nl.dockerles.ui;

import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** --interactief: the presenter's own terminal, handed to a container's shell for an {@code -it} step. */
public interface PresenterTerminal {

    /**
     * Sends every key to {@code keys} until {@code ended} says the shell is gone (exit, Ctrl-D, or Ctrl-P Ctrl-Q);
     * {@code resize} gets the window's size now and whenever it changes.
     */
    void handOver(Consumer<byte[]> keys, BooleanSupplier ended, BiConsumer<Integer, Integer> resize);
}
