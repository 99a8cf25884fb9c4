package nl.dockerles.render;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InspectFormatTest {
    private static final String JSON = """
            {"Id":"abc","State":{"Pid":4242,"Running":true},"Config":{"Labels":{"nl.dockerles":"true"},"Env":[]},
             "HostConfig":{"Init":null}}""";

    @Test
    void withoutFormatAnArrayIndentedAsTheDockerCli() {
        assertThat(InspectFormat.render("{\"Id\":\"abc\",\"State\":{\"Pid\":1},\"Mounts\":[],\"Labels\":{}}", null))
                .isEqualTo("""
                        [
                            {
                                "Id": "abc",
                                "State": {
                                    "Pid": 1
                                },
                                "Mounts": [],
                                "Labels": {}
                            }
                        ]
                        """);
    }

    @Test
    void aFieldByItsPath() {
        assertThat(InspectFormat.render(JSON, "{{.State.Pid}}")).isEqualTo("4242\n");
        assertThat(InspectFormat.render(JSON, "PID {{ .State.Pid }}, draait: {{.State.Running}}"))
                .isEqualTo("PID 4242, draait: true\n");
    }

    @Test
    void jsonOfAField() {
        assertThat(InspectFormat.render(JSON, "{{json .Config.Labels}}")).isEqualTo("{\"nl.dockerles\":\"true\"}\n");
        assertThat(InspectFormat.render(JSON, "{{json .Config.Env}}")).isEqualTo("[]\n");
    }

    @Test
    void aMissingOrNullFieldIsNoValueAsInGo() {
        assertThat(InspectFormat.render(JSON, "{{.State.Nope}}")).isEqualTo("<no value>\n");
        assertThat(InspectFormat.render(JSON, "{{.HostConfig.Init}}")).isEqualTo("<no value>\n");
        assertThat(InspectFormat.render(JSON, "{{json .HostConfig.Init}}")).isEqualTo("null\n");
    }

    @Test
    void textOutsideTheBracesStays() {
        assertThat(InspectFormat.render(JSON, "$ {{.Id}} \\1")).isEqualTo("$ abc \\1\n");
    }

    @Test
    void notJsonIsAnError() {
        assertThatThrownBy(() -> InspectFormat.render("<html>", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void spacesInsideTheBracesAndAnObjectFieldAsJson() {
        assertThat(InspectFormat.render(JSON, "{{ .State.Pid }} {{.State}}"))
                .isEqualTo("4242 {\"Pid\":4242,\"Running\":true}\n");
    }

    @Test
    void jsonOfAMissingFieldIsNullAsInGo() {
        assertThat(InspectFormat.render(JSON, "{{json .Config.Nope}}")).isEqualTo("null\n");
    }
}
