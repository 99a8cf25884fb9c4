package nl.dockerles;

import nl.dockerles.cli.AppContext;
import nl.dockerles.cli.Dockerles;

/** The only place dockerles exits the JVM. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(Dockerles.execute(args, AppContext.system()));
    }
}
