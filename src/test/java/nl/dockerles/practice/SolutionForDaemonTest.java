package nl.dockerles.practice;

import nl.dockerles.daemon.DaemonInfo;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A solution as the student types it on this daemon: podman where the docker CLI cannot, the daemon's socket. */
class SolutionForDaemonTest {
    private static final DaemonInfo DOCKER = new DaemonInfo("unix:///var/run/docker.sock", "20.10.24", "1.41",
            "1.41", "linux", "amd64", "Debian", "6.1.0");
    private static final DaemonInfo PODMAN = new DaemonInfo("unix:///run/podman/podman.sock", "4.3.1", "1.41",
            "1.41", "linux", "amd64", "Debian", "6.1.0", "overlay", false, true);
    private static final String DISTRIBUTIE = """
            docker tag busybox 127.0.0.1:5001/oefen/busybox:1.0
            docker push 127.0.0.1:5001/oefen/busybox:1.0
            docker rmi 127.0.0.1:5001/oefen/busybox:1.0
            docker pull 127.0.0.1:5001/oefen/busybox:1.0
            docker pull busybox
            """;

    @Test
    void onDockerTheSolutionIsAsWritten() {
        assertThat(SolutionForDaemon.lines(DISTRIBUTIE, DOCKER)).containsExactly(
                "docker tag busybox 127.0.0.1:5001/oefen/busybox:1.0",
                "docker push 127.0.0.1:5001/oefen/busybox:1.0",
                "docker rmi 127.0.0.1:5001/oefen/busybox:1.0",
                "docker pull 127.0.0.1:5001/oefen/busybox:1.0",
                "docker pull busybox");
        assertThat(SolutionForDaemon.podmanNotes(DISTRIBUTIE, DOCKER)).isEmpty();
    }

    @Test
    void onPodmanPushAndPullOfTheLoopbackRegistryAndCommitArePodmansOwn() {
        String podman = "podman --remote --url unix:///run/podman/podman.sock";
        assertThat(SolutionForDaemon.lines(DISTRIBUTIE, PODMAN)).containsExactly(
                "docker tag busybox 127.0.0.1:5001/oefen/busybox:1.0",
                podman + " push --tls-verify=false 127.0.0.1:5001/oefen/busybox:1.0",
                "docker rmi 127.0.0.1:5001/oefen/busybox:1.0",
                podman + " pull --tls-verify=false 127.0.0.1:5001/oefen/busybox:1.0",
                "docker pull busybox");
        assertThat(SolutionForDaemon.lines("docker commit pg klantendb:v1", PODMAN))
                .containsExactly(podman + " commit pg klantendb:v1");
        assertThat(SolutionForDaemon.podmanNotes(DISTRIBUTIE, PODMAN)).containsExactly(new SolutionForDaemon.PodmanNote(
                "oefen.podman.registry", podman + " push --tls-verify=false …"));
        assertThat(SolutionForDaemon.podmanNotes("docker commit pg klantendb:v1", PODMAN)).containsExactly(
                new SolutionForDaemon.PodmanNote("oefen.podman.commit", podman + " commit …"));
        assertThat(SolutionForDaemon.podmanNotes("docker run -d --name web nginx", PODMAN)).isEmpty();
    }

    @Test
    void curlAsksTheSocketOfThisDaemon() {
        String curl = "curl --unix-socket /var/run/docker.sock http://localhost/version";
        assertThat(SolutionForDaemon.lines(curl, PODMAN))
                .containsExactly("curl --unix-socket /run/podman/podman.sock http://localhost/version");
        assertThat(SolutionForDaemon.lines(curl, DOCKER)).containsExactly(curl);
    }
}
