package nl.dockerles.content;

import nl.dockerles.cmdline.DockerCli;
import nl.dockerles.cmdline.DockerCommand;

import java.util.LinkedHashSet;
import java.util.Set;

/** The names a section gives on the daemon: its containers ({@code run --name}) and images (commit, build). */
public final class SectionNames {
    private SectionNames() {
    }

    public static Set<String> containers(Section section) {
        Set<String> names = new LinkedHashSet<>();
        for (Step step : section.steps()) {
            String command = step.command() != null ? step.command() : step.with().get("command");
            if (command != null && command.startsWith("docker ")
                    && DockerCli.parse(command) instanceof DockerCommand.Run run && run.name() != null) {
                names.add(run.name());
            }
        }
        return names;
    }

    /** Repositories without their tag: "metfoo", "dockerles-basis". */
    public static Set<String> images(Section section) {
        Set<String> names = new LinkedHashSet<>();
        references(section).forEach(reference -> names.add(reference.replaceFirst(":[^/:]*$", "")));
        return names;
    }

    /** The images as the section names them, tag and all: "testdb:v1", "metfoo". */
    public static Set<String> references(Section section) {
        Set<String> names = new LinkedHashSet<>();
        for (Step step : section.steps()) {
            if (step.command() == null) {
                continue;
            }
            DockerCommand command = DockerCli.parse(step.command());
            if (command instanceof DockerCommand.Commit commit) {
                names.add(commit.repository());
            } else if (command instanceof DockerCommand.Build build) {
                names.addAll(build.tags());
            }
        }
        return names;
    }

    public static Set<String> all(Section section) {
        Set<String> names = new LinkedHashSet<>(containers(section));
        names.addAll(images(section));
        return names;
    }
}
