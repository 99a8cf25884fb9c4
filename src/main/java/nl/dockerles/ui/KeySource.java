package nl.dockerles.ui;

import java.time.Duration;

/** The student's keys while dockerles watches: h (hint), s (skip), q (quit); and y/j to a question. */
public interface KeySource extends AutoCloseable {
    /** No key came within the timeout. */
    int NONE = -2;

    /** The next key (a character), or {@link #NONE} when none came within {@code timeout}. */
    int next(Duration timeout);

    /** Whether someone can answer a question here (a terminal): else dockerles never asks, and never removes. */
    boolean canAsk();

    @Override
    default void close() {
    }
}
