package nl.dockerles.engine;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The narration names what really ran: the prefixed names, the host port that was free. */
class ProseTest {
    @Test
    void aTakenPortAndAPrefixReachTheText() {
        Facts facts = new Facts();
        facts.useNames(new Names("jan-", Set.of("web", "web2")));
        facts.put("port.8080", 8082);
        String text = SectionPresenter.prose(facts,
                "-p 127.0.0.1:8080:80 publiceert poort 8080 van web; web2 zit op 8081, nginx op 80 (18080 niet).");
        assertThat(text).isEqualTo(
                "-p 127.0.0.1:8082:80 publiceert poort 8082 van jan-web; jan-web2 zit op 8081, nginx op 80 (18080 niet).");
    }
}
