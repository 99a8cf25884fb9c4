package nl.dockerles.cmdline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PublishedPortsTest {

    /** Every spelling of -p that the docker CLI accepts: found, and only its host port changes. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "docker run -d -p 8080:80 nginx            | ''        | docker run -d -p 9090:80 nginx",
            "docker run -d -p8080:80 nginx             | ''        | docker run -d -p9090:80 nginx",
            "docker run -dp 8080:80 nginx              | ''        | docker run -dp 9090:80 nginx",
            "docker run -dp8080:80 nginx               | ''        | docker run -dp9090:80 nginx",
            "docker run -d -p=8080:80 nginx            | ''        | docker run -d -p=9090:80 nginx",
            "docker run -d --publish 8080:80 nginx     | ''        | docker run -d --publish 9090:80 nginx",
            "docker run -d --publish=8080:80 nginx     | ''        | docker run -d --publish=9090:80 nginx",
            "docker run -d -p 127.0.0.1:8080:80 nginx  | 127.0.0.1 | docker run -d -p 127.0.0.1:9090:80 nginx",
            "docker run -dp 127.0.0.1:8080:80/tcp nginx | 127.0.0.1 | docker run -dp 127.0.0.1:9090:80/tcp nginx",
            "docker run -d -p '8080:80' nginx          | ''        | docker run -d -p '9090:80' nginx",
    })
    void everySpellingIsFoundAndOnlyItsHostPortChanges(String command, String ip, String rewritten) {
        command = command.strip();
        assertThat(PublishedPorts.of(command)).containsExactly(new PublishedPorts.HostPort(ip, 8080));
        assertThat(PublishedPorts.replace(command, port -> port == 8080 ? 9090 : port)).isEqualTo(rewritten.strip());
        assertThat(((DockerCommand.Run) DockerCli.parse(rewritten.strip())).publish()).hasSize(1);
    }

    @Test
    void aValueThatOnlyLooksLikeAPublishIsNotOne() {
        String command = "docker run -d -e X=-p8080:80 --name web -e Y='--publish 8080:80' nginx echo -p 8080:80";

        assertThat(PublishedPorts.of(command)).isEmpty();
        assertThat(PublishedPorts.replace(command, port -> 9090)).isEqualTo(command);
    }

    @Test
    void severalPortsEachInItsOwnWordTheRestAsWritten() {
        String command = "docker run  -d -p 127.0.0.1:8080:80 --name web -p8081:81  -e A=8080:80 nginx";

        assertThat(PublishedPorts.of(command)).containsExactly(new PublishedPorts.HostPort("127.0.0.1", 8080),
                new PublishedPorts.HostPort("", 8081));
        assertThat(PublishedPorts.replace(command, port -> port + 10))
                .isEqualTo("docker run  -d -p 127.0.0.1:8090:80 --name web -p8091:81  -e A=8080:80 nginx");
    }

    @Test
    void noHostPortWhenDockerChoosesOneOrTheCommandIsNoRun() {
        assertThat(PublishedPorts.of("docker run -d -p 80 -p 127.0.0.1::81 -p :82 nginx")).isEmpty();
        assertThat(PublishedPorts.of("docker ps -a")).isEmpty();
        assertThat(PublishedPorts.of("curl -p 8080:80")).isEmpty();
        assertThat(PublishedPorts.replace("docker port web 80", port -> 1)).isEqualTo("docker port web 80");
    }

    @Test
    void theWordsKnowWhereTheyStandAsWritten() {
        String line = "docker run -e 'A B' x\\ y \"q\"";
        List<ShellWords.Word> words = ShellWords.words(line);

        assertThat(words).extracting(ShellWords.Word::text).containsExactly("docker", "run", "-e", "A B", "x y", "q");
        assertThat(words).extracting(word -> line.substring(word.start(), word.end()))
                .containsExactly("docker", "run", "-e", "'A B'", "x\\ y", "\"q\"");
    }
}
