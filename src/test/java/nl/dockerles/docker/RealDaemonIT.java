package nl.dockerles.docker;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import java.nio.file.Path;

/** The real daemon for this package's integration tests: one connection, and what each test made removed. */
abstract class RealDaemonIT {
    static DockerJavaDocker docker;
    Leftovers made;

    @BeforeAll
    static void connect() {
        docker = (DockerJavaDocker) DockerConnector.connect(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    @AfterAll
    static void disconnect() {
        docker.close();
    }

    @BeforeEach
    void newRun() {
        made = new Leftovers(docker);
    }

    @AfterEach
    void cleanUp() {
        made.removeAll();
    }
}
