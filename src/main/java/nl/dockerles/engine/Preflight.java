package nl.dockerles.engine;

import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.Messages;
import nl.dockerles.cmdline.PublishedPorts;
import nl.dockerles.content.Section;
import nl.dockerles.content.SectionNames;
import nl.dockerles.content.Step;
import nl.dockerles.daemon.ContainerInfo;
import nl.dockerles.daemon.ContainerRow;
import nl.dockerles.daemon.Docker;
import nl.dockerles.daemon.RunIdentity;
import nl.dockerles.daemon.RunOwner;
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

    void prepare(Section section, RunIdentity run, Facts facts) {
        removeLeftovers(run);
        facts.useNames(new Names(run.prefix(), SectionNames.all(section)));
        checkNames(section, facts);
        choosePorts(section, facts);
        for (String image : section.images()) {
            ensureImage(image);
        }
    }

    /** A host port that is taken here is replaced by the next free one, and the presenter is told. */
    private void choosePorts(Section section, Facts facts) {
        boolean publishes = section.steps().stream()
                .anyMatch(step -> step.command() != null && !HostPorts.published(step.command()).isEmpty());
        if (!publishes || !nl.dockerles.daemon.DaemonAddress.isLocal(docker.host())) {
            return; // ports of another host cannot be checked from here
        }
        // A replacement must not land on a port that another step publishes, nor on one already chosen.
        Set<Integer> claimed = new java.util.HashSet<>();
        for (Step step : section.steps()) {
            if (step.command() != null) {
                HostPorts.published(step.command()).forEach(published -> claimed.add(published.port()));
            }
        }
        for (Step step : section.steps()) {
            if (step.command() == null) {
                continue;
            }
            for (PublishedPorts.HostPort published : HostPorts.published(step.command())) {
                int port = published.port();
                if (facts.get("port." + port) != null || HostPorts.isFree(published.ip(), port)) {
                    continue;
                }
                int free = HostPorts.nextFree(published.ip(), port, claimed);
                claimed.add(free);
                if (free == 0) {
                    throw new DockerlesException(ExitCode.CONFLICT, "error.port.nofree", port);
                }
                facts.put("port." + port, free);
                console.warn(messages.get("preflight.port.taken", port, free));
            }
        }
    }

    /**
     * Containers of this section and prefix from another run: removed when that run is provably gone, and a
     * run that still lives (another window, another student without --prefix) stops this one, with what to do.
     */
    private void removeLeftovers(RunIdentity run) {
        List<ContainerRow> rows = docker.listContainers(true, run.sectionFilter());
        for (ContainerRow row : rows) {
            String other = row.labels().get(RunIdentity.RUN);
            if (!run.runId().equals(other) && RunOwner.alive(row.labels())) {
                String pid = RunOwner.pid(row.labels());
                String host = RunOwner.host(row.labels());
                String section = run.prefix().isEmpty() ? run.section() : run.section() + " --prefix " + run.prefix();
                throw new DockerlesException(ExitCode.CONFLICT, "error.run.live", section, pid.isEmpty() ? "?" : pid,
                        host, row.name(), suggestedPrefix(run));
            }
        }
        List<String> removed = new Cleanup(docker).removeContainers(rows);
        if (!removed.isEmpty()) {
            console.info(messages.get("preflight.leftovers", String.join(", ", removed)));
        }
    }

    private static String suggestedPrefix(RunIdentity run) {
        String user = System.getProperty("user.name", "jij").toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9]", "");
        String prefix = user.isEmpty() || user.equals(run.prefix()) ? "tweede" : user;
        return "dockerles demo " + run.section() + " --prefix " + prefix;
    }

    private void checkNames(Section section, Facts facts) {
        for (String name : SectionNames.containers(section)) {
            name = facts.names().apply(name);
            Optional<ContainerInfo> existing = docker.inspectContainer(name);
            if (existing.isPresent() && !RunIdentity.isManaged(existing.get().labels())) {
                throw new DockerlesException(ExitCode.CONFLICT, "error.name.foreign", name);
            }
        }
        // An image tag that commit or build would take over: the user's image would silently lose its name.
        Set<String> ours = new java.util.HashSet<>();
        docker.listImages(java.util.Map.of(RunIdentity.MANAGED, "true")).forEach(image -> ours.addAll(image.tags()));
        for (String tag : SectionNames.references(section)) {
            String reference = facts.names().apply(tag);
            if (!reference.matches(".*:[^/:]+$")) {
                reference = reference + ":latest";
            }
            if (!ours.contains(reference) && docker.imageExists(reference)) {
                throw new DockerlesException(ExitCode.CONFLICT, "error.image.foreign", facts.names().apply(tag));
            }
        }
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
