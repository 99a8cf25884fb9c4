package nl.dockerles.ui;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The presenter wants out, now: {@code q} or Ctrl-C on the keyboard, or a signal (SIGINT, SIGTERM, SIGHUP when
 * the terminal closes). Whoever runs the demo {@link #supervise() supervises}: it stops the step, cleans up and
 * ends the process. Without a supervisor the signal ends the process at once (nothing was made yet).
 */
public final class StopRequest {
    /** Why the run stops: {@code q} ends with exit code 0, everything else with 130. */
    public enum Reason { QUIT, INTERRUPT }

    private static final StopRequest PROCESS = new StopRequest();

    private final AtomicReference<Reason> reason = new AtomicReference<>();
    private final CountDownLatch requested = new CountDownLatch(1);
    private final AtomicInteger supervisors = new AtomicInteger();
    private final AtomicInteger signals = new AtomicInteger();

    private static volatile Runnable exitNow;

    /**
     * SIGINT, SIGTERM and SIGHUP (the terminal closed) ask the run to stop; {@code exit} ends the process when
     * no run is supervised. Call again after opening a terminal: JLine puts SIGINT back to the default there.
     */
    public static void handleSignals(Runnable exit) {
        exitNow = exit;
        reinstallSignals();
    }

    static void reinstallSignals() {
        Runnable exit = exitNow;
        if (exit == null) {
            return;
        }
        for (String name : new String[] {"INT", "TERM", "HUP"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> {
                    if (PROCESS.signal()) {
                        exit.run();
                    }
                });
            } catch (IllegalArgumentException unavailable) {
                // This platform has no such signal (HUP on Windows): the JVM's default stays.
            }
        }
    }

    /** The one of this process, where the signal handlers and the presenter's keys meet. */
    public static StopRequest process() {
        return PROCESS;
    }

    /** A run that will stop when asked; call {@link #release()} when the run is over. */
    public StopRequest supervise() {
        supervisors.incrementAndGet();
        return this;
    }

    public void release() {
        supervisors.decrementAndGet();
    }

    /** Asks the run to stop; false when nobody runs one (then the caller ends the process itself). */
    public boolean request(Reason why) {
        reason.compareAndSet(null, why);
        requested.countDown();
        return supervisors.get() > 0;
    }

    /**
     * A signal: asks the run to stop. True when the process should end at once: nobody supervises a run, or
     * the presenter pressed Ctrl-C three times while the clean-up hangs.
     */
    public boolean signal() {
        boolean supervised = request(Reason.INTERRUPT);
        return !supervised || signals.incrementAndGet() >= 3;
    }

    public boolean requested() {
        return requested.getCount() == 0;
    }

    /** Null until a stop was requested. */
    public Reason reason() {
        return reason.get();
    }

    /** Waits at most {@code millis} for a stop; true when one was requested. */
    public boolean await(long millis) throws InterruptedException {
        return requested.await(millis, TimeUnit.MILLISECONDS);
    }
}
