package nl.dockerles.engine;

import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.cmdline.DockerCommand;
import nl.dockerles.daemon.ContainerInfo;
import nl.dockerles.daemon.ContainerRow;
import nl.dockerles.daemon.Docker;
import nl.dockerles.daemon.PortMapping;
import nl.dockerles.daemon.RunIdentity;
import nl.dockerles.render.HistoryTable;
import nl.dockerles.render.InspectFormat;
import nl.dockerles.render.PsTable;
import nl.dockerles.render.Table;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The docker commands that ask the daemon something or change one thing, printed as the docker CLI does. */
final class ContainerCommands {
    private static final Duration EXEC_TIMEOUT = Duration.ofSeconds(60);
    /** The containers of the last docker stop that had already stopped before it (as the notes name them). */
    static final String STOPPED_ALREADY = "stopped.already";
    private final Docker docker;
    private final Facts facts;
    private final TimeSource time;
    private final Locale locale;
    private final nl.dockerles.ui.Console console;
    private final Workspace workspace;

    ContainerCommands(Docker docker, Facts facts, TimeSource time, Locale locale, nl.dockerles.ui.Console console,
                      Workspace workspace) {
        this.console = console;
        this.workspace = workspace;
        this.docker = docker;
        this.facts = facts;
        this.time = time;
        this.locale = locale;
    }

    /** The output of the command, or null when it is not one of these. Only build prints as it goes. */
    String run(DockerCommand command, RunIdentity run) {
        if (command instanceof DockerCommand.Ps ps) {
            return ps(ps);
        } else if (command instanceof DockerCommand.Stop stop) {
            return stop(stop);
        } else if (command instanceof DockerCommand.Rm rm) {
            return rm(rm);
        } else if (command instanceof DockerCommand.Logs logs) {
            // Asked once, all of it: the note counts every line so far ("foo" once per start), --tail only
            // limits what is shown. Two calls could see different logs of a container that restarts.
            String all = docker.logs(existing(logs.container()).id(), null);
            facts.put(logs.container() + ".logLines", all.lines().count());
            return tail(all, logs.tail());
        } else if (command instanceof DockerCommand.Exec exec) {
            Docker.ExecResult result = docker.exec(existing(exec.container()).id(), exec.command(), exec.user(),
                    EXEC_TIMEOUT);
            facts.put("exec.exitCode", result.exitCode());
            return result.output();
        } else if (command instanceof DockerCommand.Commit commit) {
            return commit(commit, run);
        } else if (command instanceof DockerCommand.Diff diff) {
            List<Docker.Change> changes = docker.diff(existing(diff.container()).id());
            facts.put(diff.container() + ".changes", changes.size());
            StringBuilder out = new StringBuilder();
            changes.forEach(change -> out.append(change.kind()).append(' ').append(change.path()).append('\n'));
            return out.toString();
        } else if (command instanceof DockerCommand.History history) {
            List<Docker.HistoryEntry> entries = docker.history(history.image());
            facts.put(history.image() + ".layers", entries.size());
            return HistoryTable.render(entries, time.now(), history.noTrunc());
        } else if (command instanceof DockerCommand.Port port) {
            return port(port);
        } else if (command instanceof DockerCommand.Inspect inspect) {
            return inspect(inspect);
        } else if (command instanceof DockerCommand.VolumeLs volumes) {
            return volumes(volumes);
        } else if (command instanceof DockerCommand.Build build) {
            return build(build, run);
        } else if (command instanceof DockerCommand.Tag tag) {
            return tag(tag);
        } else if (command instanceof DockerCommand.Push push) {
            String digest = docker.pushImage(push.reference(), lines::add);
            facts.put("push.digest", digest);
            return lines();
        } else if (command instanceof DockerCommand.Pull pull) {
            String digest = docker.pullImageShown(pull.reference(), lines::add);
            facts.put("pull.digest", digest);
            return lines();
        } else if (command instanceof DockerCommand.Rmi rmi) {
            for (String reference : rmi.references()) {
                lines.addAll(docker.removeImageReference(reference));
            }
            return lines();
        } else if (command instanceof DockerCommand.Save save) {
            java.nio.file.Path file = java.nio.file.Path.of(save.output());
            docker.saveImages(save.images(), file);
            try {
                facts.put("save.size", nl.dockerles.render.HumanSize.of(java.nio.file.Files.size(file)));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return "";
        } else if (command instanceof DockerCommand.Load load) {
            List<String> loaded = docker.loadImages(java.nio.file.Path.of(load.input()));
            loaded.forEach(image -> lines.add("Loaded image: " + image));
            facts.put("load.images", String.join(", ", loaded));
            return lines();
        }
        return null;
    }

    private final List<String> lines = new java.util.ArrayList<>();

    private String lines() {
        StringBuilder out = new StringBuilder();
        lines.forEach(line -> out.append(line).append('\n'));
        lines.clear();
        return out.toString();
    }

    /**
     * {@code docker tag}: prints nothing, as the CLI. A target that is an image of someone else is not taken over:
     * the user's image would silently lose its name.
     */
    private String tag(DockerCommand.Tag tag) {
        String target = tag.target().matches(".*:[^/:]+$") ? tag.target() : tag.target() + ":latest";
        boolean ours = docker.listImages(Map.of(RunIdentity.MANAGED, "true")).stream()
                .anyMatch(image -> image.tags().contains(target) || image.tags().contains("localhost/" + target));
        if (!ours && docker.imageExists(target)) {
            throw new DockerlesException(ExitCode.CONFLICT, "error.image.foreign", tag.target());
        }
        docker.tagImage(tag.source(), tag.target());
        return "";
    }

    private String ps(DockerCommand.Ps ps) {
        Map<String, String> labels = new LinkedHashMap<>();
        List<String> names = new java.util.ArrayList<>();
        for (String filter : ps.filters()) {
            if (filter.startsWith("label=")) {
                String[] kv = filter.substring(6).split("=", 2);
                labels.put(kv[0], kv.length > 1 ? kv[1] : null);
            } else if (filter.startsWith("name=")) {
                names.add(filter.substring(5));
            }
        }
        List<ContainerRow> rows = docker.listContainers(ps.all(), labels);
        if (!names.isEmpty()) {
            // As the daemon's name filter: a part of the name matches.
            rows = rows.stream().filter(row -> names.stream().anyMatch(row.name()::contains)).toList();
        }
        for (ContainerRow row : rows) {
            facts.put(row.name() + ".status", row.status());
            facts.put(row.name() + ".id", PsTable.shortId(row.id()));
        }
        facts.put("ps.count", rows.size());
        if (ps.quiet()) {
            StringBuilder ids = new StringBuilder();
            rows.forEach(row -> ids.append(PsTable.shortId(row.id())).append('\n'));
            return ids.toString();
        }
        return PsTable.render(rows, time.now());
    }

    /** The last {@code tail} lines of {@code text}, as the daemon's --tail gives them (none or negative: all). */
    static String tail(String text, Integer tail) {
        if (tail == null || tail < 0) {
            return text;
        }
        List<String> lines = text.lines().toList();
        if (tail >= lines.size()) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        lines.subList(Math.max(0, lines.size() - tail), lines.size()).forEach(line -> out.append(line).append('\n'));
        return out.toString();
    }

    /**
     * docker stop, timed. A container that had already stopped (after r, a long pause, Ctrl-D in its shell) is
     * recorded as {@code stop.already}: the daemon had nothing to do, and the note must not tell of a wait.
     */
    private String stop(DockerCommand.Stop stop) {
        StringBuilder out = new StringBuilder();
        List<String> already = new java.util.ArrayList<>();
        for (String name : stop.containers()) {
            ContainerInfo container = existing(name);
            if (!container.running()) {
                String prefix = facts.names().prefix();
                already.add(!prefix.isEmpty() && name.startsWith(prefix) ? name.substring(prefix.length()) : name);
            }
            long start = time.nanoTime();
            docker.stopContainer(container.id(), stop.time());
            double seconds = (time.nanoTime() - start) / 1e9;
            facts.put("stop.seconds", String.format(locale, "%.1f", seconds));
            docker.inspectContainer(container.id()).ifPresent(after -> {
                facts.put(name + ".exitCode", after.exitCode());
                facts.put(name + ".state", after.status());
                facts.put(name + ".restartCount", after.restartCount());
            });
            out.append(name).append('\n');
        }
        if (!already.isEmpty()) {
            facts.put(STOPPED_ALREADY, String.join(", ", already));
        }
        return out.toString();
    }

    private String rm(DockerCommand.Rm rm) {
        StringBuilder out = new StringBuilder();
        for (String name : rm.containers()) {
            ContainerInfo container = existing(name);
            if (container.running() && !rm.force()) {
                throw new DockerlesException(ExitCode.DOCKER_ERROR, "error.container.running", name);
            }
            docker.removeContainer(container.id(), rm.force(), rm.volumes());
            if (!rm.volumes()) {
                removeAtEndWhenDangling(container);
            }
            out.append(name).append('\n');
        }
        return out.toString();
    }

    /**
     * docker rm without -v leaves the container's volumes, as the lesson shows. A volume the run made this way
     * carries no label of ours, so it is removed at the end of the run, also after q or a skipped step, when
     * nothing uses it any more.
     */
    private void removeAtEndWhenDangling(ContainerInfo container) {
        for (nl.dockerles.daemon.Mount volume : container.setup().volumes()) {
            workspace.atEnd(daemon -> {
                if (daemon.listVolumes(true, Map.of()).stream().anyMatch(v -> v.name().equals(volume.name()))) {
                    daemon.removeVolume(volume.name());
                }
            });
        }
    }

    private String commit(DockerCommand.Commit commit, RunIdentity run) {
        existing(commit.container());
        String repository = commit.repository();
        String tag = null;
        int colon = repository.lastIndexOf(':');
        if (colon > 0 && !repository.substring(colon).contains("/")) {
            tag = repository.substring(colon + 1);
            repository = repository.substring(0, colon);
        }
        String id = docker.commit(commit.container(), repository, tag, commit.message(), commit.changes(),
                run.labels());
        facts.put(repository + ".imageId", PsTable.shortId(id));
        return (id.startsWith("sha256:") ? id : "sha256:" + id) + "\n";
    }

    private String port(DockerCommand.Port port) {
        ContainerInfo container = existing(port.container());
        StringBuilder out = new StringBuilder();
        for (PortMapping mapping : container.ports()) {
            if (mapping.hostPort() == null) {
                continue;
            }
            String key = mapping.containerPort() + "/" + mapping.protocol();
            if (port.privatePort() != null && !port.privatePort().equals(key)
                    && !port.privatePort().equals(String.valueOf(mapping.containerPort()))) {
                continue;
            }
            String host = mapping.hostIp() == null || mapping.hostIp().isEmpty() ? "0.0.0.0" : mapping.hostIp();
            String address = (host.contains(":") ? "[" + host + "]" : host) + ":" + mapping.hostPort();
            out.append(port.privatePort() != null ? address : key + " -> " + address).append('\n');
            facts.put(port.container() + ".port." + mapping.containerPort(), mapping.hostPort());
        }
        return out.toString();
    }

    private String inspect(DockerCommand.Inspect inspect) {
        StringBuilder out = new StringBuilder();
        for (String name : inspect.names()) {
            String json = docker.inspectJson(name).orElseThrow(
                    () -> new DockerlesException(ExitCode.DOCKER_ERROR, "error.container.missing", name));
            String text = InspectFormat.render(json, inspect.format());
            if (inspect.format() != null) {
                facts.put(name + ".inspect", text.strip());
            }
            out.append(text);
        }
        return out.toString();
    }

    /** Prints the builder's lines as they come, and counts the steps it took from the cache. */
    private String build(DockerCommand.Build build, RunIdentity run) {
        StringBuilder out = new StringBuilder();
        String tag = build.tags().isEmpty() ? null : build.tags().get(0);
        java.nio.file.Path context = java.nio.file.Path.of(build.path());
        String id = docker.buildImage(context, tag, run.labels(), line -> {
            out.append(line).append('\n');
            console.output(line + "\n");
        });
        long cached = out.toString().lines().filter(line -> line.contains("Using cache")).count();
        facts.put("build.cached", cached);
        // Which builder really ran, from its own output: the classic builder says "Step 1/3 : FROM ...", Podman's
        // Buildah "STEP 1/3: FROM ...". (dockerles never builds with BuildKit: the API's default builder is used.)
        String text = out.toString();
        facts.put("build.builder", text.lines().anyMatch(l -> l.matches("STEP \\d+/\\d+: .*")) ? "buildah"
                : text.lines().anyMatch(l -> l.matches("Step \\d+/\\d+ : .*")) ? "classic" : "unknown");
        facts.put((tag == null ? "build" : tag) + ".imageId", PsTable.shortId(id));
        return out.toString();
    }

    private String volumes(DockerCommand.VolumeLs ls) {
        boolean dangling = ls.filters().contains("dangling=true");
        List<Docker.VolumeRow> volumes = docker.listVolumes(dangling, Map.of());
        facts.put(dangling ? "volumes.dangling" : "volumes.count", volumes.size());
        if (ls.quiet()) {
            StringBuilder out = new StringBuilder();
            volumes.forEach(volume -> out.append(volume.name()).append('\n'));
            return out.toString();
        }
        Table table = new Table("DRIVER", "VOLUME NAME");
        volumes.forEach(volume -> table.row(volume.driver(), volume.name()));
        return table.render();
    }

    private ContainerInfo existing(String name) {
        return docker.inspectContainer(name).orElseThrow(
                () -> new DockerlesException(ExitCode.DOCKER_ERROR, "error.container.missing", name));
    }
}
