package nl.dockerles.engine;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class NamesTest {
    private final Names names = new Names("jan-", Set.of("demo", "web", "metfoo"));

    @Test
    void prefixesTheSectionsNamesAsWholeWordsOnly() {
        assertThat(names.apply("docker run -it --name demo busybox sh")).isEqualTo(
                "docker run -it --name jan-demo busybox sh");
        assertThat(names.apply("docker commit demo metfoo")).isEqualTo("docker commit jan-demo jan-metfoo");
        assertThat(names.apply("docker run --rm metfoo:latest ls /demo.txt")).isEqualTo(
                "docker run --rm jan-metfoo:latest ls /demo.txt");
        assertThat(names.apply("docker run -d --name webserver -v /data/web:/web nginx"))
                .isEqualTo("docker run -d --name webserver -v /data/web:/web nginx");
        // The API path of a curl in an exercise names the container too.
        assertThat(names.apply("curl -X POST http://localhost/containers/demo/start"))
                .isEqualTo("curl -X POST http://localhost/containers/jan-demo/start");
    }

    @Test
    void factsKeepTheNamesOfTheNotes() {
        Facts facts = new Facts();
        facts.useNames(names);
        facts.put("jan-demo.status", "Up 2 seconds");
        facts.put("piet-demo.status", "Up 9 seconds");
        assertThat(facts.fill("{demo.status}")).isEqualTo("Up 2 seconds");
        assertThat(facts.get("piet-demo.status")).isEqualTo("Up 9 seconds");
    }

    @Test
    void withoutAPrefixNothingChanges() {
        assertThat(Names.NONE.apply("docker stop demo")).isEqualTo("docker stop demo");
    }
}
