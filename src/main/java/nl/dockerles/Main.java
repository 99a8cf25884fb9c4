package nl.dockerles;

import nl.dockerles.cli.AppContext;
import nl.dockerles.cli.Dockerles;

/** The only place dockerles exits the JVM. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (System.getProperty("os.name", "").startsWith("Windows") && System.console() != null) {
            // Colour on the Windows console: jansi switches on its ANSI processing.
            org.fusesource.jansi.AnsiConsole.systemInstall();
        }
        // Ctrl-C, kill and a closed terminal stop the run through its clean-up; before a run starts, at once.
        nl.dockerles.ui.StopRequest.handleSignals(() -> System.exit(nl.dockerles.ExitCode.INTERRUPTED.code));
        System.exit(Dockerles.execute(args, AppContext.system()));
    }
}
