package nl.dockerles.engine;

import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.Messages;
import nl.dockerles.cmdline.DockerCli;
import nl.dockerles.cmdline.DockerCommand;
import nl.dockerles.content.Section;
import nl.dockerles.content.Step;
import nl.dockerles.ui.Console;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Before the first step: the images are there (pulled with progress when not), leftovers of an earlier
 * aborted run are removed, and no name the section needs belongs to someone else.
 */
final class Preflight {
    private final Docker docker;
    private final Console console;
    private final Messages messages;

    Preflight(Docker docker, Console console, Messages messages) {
        this.docker = docker;
        this.console = console;
        this.messages = messages;
    }

    void prepare(Section section, RunIdentity run) {
        removeLeftovers(run);
        checkNames(section);
        for (String image : section.images()) {
            ensureImage(image);
        }
    }

    private void removeLeftovers(RunIdentity run) {
        List<String> removed = new Cleanup(docker).removeContainers(run.sectionFilter());
        if (!removed.isEmpty()) {
            console.info(messages.get("preflight.leftovers", String.join(", ", removed)));
        }
    }

    private void checkNames(Section section) {
        for (String name : containerNames(section)) {
            Optional<ContainerInfo> existing = docker.inspectContainer(name);
            if (existing.isPresent() && !RunIdentity.isManaged(existing.get().labels())) {
                throw new DockerlesException(ExitCode.CONFLICT, "error.name.foreign", name);
            }
        }
    }

    /** The names that the section's {@code run --name} steps give their containers. */
    static Set<String> containerNames(Section section) {
        Set<String> names = new LinkedHashSet<>();
        for (Step step : section.steps()) {
            if (step.command() != null && DockerCli.parse(step.command()) instanceof DockerCommand.Run run
                    && run.name() != null) {
                names.add(run.name());
            }
        }
        return names;
    }

    private void ensureImage(String image) {
        if (docker.imageExists(image)) {
            return;
        }
        console.info(messages.get("preflight.pulling", image));
        Set<String> seen = new LinkedHashSet<>();
        docker.pullImage(image, progress -> {
            // One line per layer and status: visible progress without flooding the screen.
            String line = (progress.layer() == null ? "" : progress.layer() + ": ") + progress.status();
            if (seen.add(line)) {
                console.info(line);
            }
        });
    }
}
