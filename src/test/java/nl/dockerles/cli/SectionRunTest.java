package nl.dockerles.cli;

import nl.dockerles.content.Catalog;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SectionRunTest {
    private final Catalog catalog = new Catalog();

    /** Those sections get the tcp:// client warmed up before the step that first needs it. */
    @Test
    void aDaemonOverTcpIsReachedWithDashHAndThroughDockerHost() {
        assertThat(catalog.section("remote").steps()).anyMatch(SectionRun::reachesTcpDaemon);
        // tooltje sets DOCKER_HOST (the env action); its docker run after it names no tcp:// itself.
        assertThat(catalog.section("tooltje").steps()).anyMatch(SectionRun::reachesTcpDaemon)
                .noneMatch(step -> step.command() != null && step.command().contains("tcp://"));
        assertThat(catalog.section("ports").steps()).noneMatch(SectionRun::reachesTcpDaemon);
    }
}
