package nl.dockerles.docker;

import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiVersionsTest {

    @Test
    void anOlderDaemonGetsItsOwnVersion() {
        assertThat(ApiVersions.choose("1.41", "1.12", null)).isEqualTo("1.41");
    }

    @Test
    void aNewerDaemonGetsTheNewestWeTested() {
        assertThat(ApiVersions.choose("1.52", "1.44", null)).isEqualTo(ApiVersions.NEWEST_TESTED);
    }

    @Test
    void theDaemonsMinimumWinsOverOurNewest() {
        assertThat(ApiVersions.choose("1.60", "1.50", null)).isEqualTo("1.50");
    }

    @Test
    void minorVersionsCompareAsNumbersNotText() {
        assertThat(ApiVersions.choose("1.9", null, null)).isEqualTo("1.9");
        assertThat(ApiVersions.choose("1.100", null, "")).isEqualTo(ApiVersions.NEWEST_TESTED);
    }

    @Test
    void dockerApiVersionOverridesNegotiation() {
        assertThat(ApiVersions.choose("1.41", "1.12", "1.40")).isEqualTo("1.40");
        assertThat(ApiVersions.choose("1.51", "1.24", " v1.43 ")).isEqualTo("1.43");
    }

    @Test
    void aDockerApiVersionOutsideTheDaemonsRangeIsADutchSentenceWithTheWayOut() {
        assertThatThrownBy(() -> ApiVersions.choose("1.41", "1.12", "1.43"))
                .isInstanceOfSatisfying(DockerlesException.class, e -> {
                    assertThat(e.key()).isEqualTo("error.api.toonew");
                    assertThat(nl.dockerles.Messages.dutch().of(e)).contains("1.43").contains("1.41").contains("unset DOCKER_API_VERSION");
                });
        assertThatThrownBy(() -> ApiVersions.choose("1.51", "1.44", "1.41"))
                .isInstanceOfSatisfying(DockerlesException.class, e -> assertThat(e.key()).isEqualTo("error.api.tooold"));
    }

    @Test
    void anUnreadableDaemonVersionFallsBackToTheNewestTested() {
        assertThat(ApiVersions.choose(null, null, null)).isEqualTo(ApiVersions.NEWEST_TESTED);
        assertThat(ApiVersions.choose("onzin", null, null)).isEqualTo(ApiVersions.NEWEST_TESTED);
    }

    @Test
    void anInvalidOverrideIsAnError() {
        assertThatThrownBy(() -> ApiVersions.choose("1.41", "1.12", "latest"))
                .isInstanceOfSatisfying(DockerlesException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.DOCKER_UNAVAILABLE);
                    assertThat(e.key()).isEqualTo("error.docker.api.version.invalid");
                    assertThat(e.args()).containsExactly("latest");
                });
    }

    // --- issue 12 ---
    @org.junit.jupiter.api.Test
    void aForcedVersionBelowTheDaemonsMinimumIsRefusedInDutchWithWhatToDo() {
        assertThatThrownBy(() -> ApiVersions.choose("1.51", "1.44", "1.41"))
                .isInstanceOf(nl.dockerles.DockerlesException.class)
                .satisfies(e -> assertThat(((nl.dockerles.DockerlesException) e).exitCode())
                        .isEqualTo(nl.dockerles.ExitCode.DOCKER_UNAVAILABLE))
                .satisfies(e -> assertThat(((nl.dockerles.DockerlesException) e).key()).isEqualTo("error.api.tooold"))
                .satisfies(e -> assertThat(((nl.dockerles.DockerlesException) e).args()).containsExactly("1.41", "1.44"));
        assertThat(ApiVersions.choose("1.51", "1.44", "1.44")).isEqualTo("1.44");
    }
}
