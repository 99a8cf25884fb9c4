package nl.dockerles.docker;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps library chatter off the audience's screen. SLF4J goes to slf4j-nop; this covers the rest:
 * java.util.logging (JNA logs through it) and stack traces of docker-java's own threads (the stdin
 * pump of an attach throws when the daemon has already closed the connection after a detach).
 */
final class QuietLibraries {
    private static final List<String> JUL_LOGGERS =
            List.of("com.github.dockerjava", "com.sun.jna", "org.apache.hc", "org.bouncycastle", "com.google");
    // JUL keeps loggers weakly: hold them, or the level is forgotten.
    private static final List<Logger> SILENCED = new java.util.ArrayList<>();
    private static boolean installed;

    private QuietLibraries() {
    }

    static synchronized void install() {
        if (installed) {
            return;
        }
        installed = true;
        // A plain call, not Logger::getLogger: a method reference to this caller-sensitive method makes the JVM
        // spin a dozen classes at run time, which the start-up archive cannot hold (about 5 ms of connecting).
        for (String name : JUL_LOGGERS) {
            Logger logger = Logger.getLogger(name);
            logger.setLevel(Level.OFF);
            SILENCED.add(logger);
        }
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            if (isLibraryThread(thread)) {
                return;
            }
            if (previous != null) {
                previous.uncaughtException(thread, error);
            } else {
                // What the JDK prints when there is no handler.
                System.err.print("Exception in thread \"" + thread.getName() + "\" ");
                error.printStackTrace(System.err);
            }
        });
    }

    static boolean isLibraryThread(Thread thread) {
        return thread.getName().startsWith("docker-java-");
    }
}
