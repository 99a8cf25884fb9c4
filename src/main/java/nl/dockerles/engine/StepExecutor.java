package nl.dockerles.engine;

import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.cmdline.DockerCli;
import nl.dockerles.cmdline.DockerCommand;
import nl.dockerles.content.Step;
import nl.dockerles.render.PsTable;
import nl.dockerles.ui.Console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a step's docker command through the {@link Docker} seam and prints the result as the docker CLI
 * would; records real values in {@link Facts} for the note.
 */
public final class StepExecutor {
    private final Docker docker;
    private final RunIdentity run;
    private final TimeSource time;
    private final Console console;
    private final Facts facts;
    private final Locale locale;
    private final ContainerRunner runner;

    public StepExecutor(Docker docker, RunIdentity run, TimeSource time, Console console, Facts facts,
                        Locale locale) {
        this.docker = docker;
        this.run = run;
        this.time = time;
        this.console = console;
        this.facts = facts;
        this.locale = locale;
        this.runner = new ContainerRunner(docker, run, console, facts);
    }

    /** Runs the step and returns what it printed. */
    public String execute(Step step) {
        DockerCommand command = DockerCli.parse(step.command());
        String output = dispatch(command, step);
        extract(step.extract(), output);
        return output;
    }

    private String dispatch(DockerCommand command, Step step) {
        if (command instanceof DockerCommand.Run r) {
            return runner.run(r, step);
        } else if (command instanceof DockerCommand.Start s) {
            return runner.start(s, step);
        } else if (command instanceof DockerCommand.Ps ps) {
            return print(ps(ps));
        } else if (command instanceof DockerCommand.Stop stop) {
            return print(stop(stop));
        } else if (command instanceof DockerCommand.Rm rm) {
            return print(rm(rm));
        }
        throw new DockerlesException(ExitCode.CONTENT, "error.step.unsupported", step.command());
    }

    private String print(String output) {
        console.output(output);
        return output;
    }

    private String ps(DockerCommand.Ps ps) {
        List<ContainerRow> rows = docker.listContainers(ps.all(), labelFilters(ps.filters()));
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

    private String stop(DockerCommand.Stop stop) {
        StringBuilder out = new StringBuilder();
        for (String name : stop.containers()) {
            ContainerInfo container = existing(name);
            long start = time.nanoTime();
            docker.stopContainer(container.id(), stop.time());
            double seconds = (time.nanoTime() - start) / 1e9;
            facts.put("stop.seconds", String.format(locale, "%.1f", seconds));
            docker.inspectContainer(container.id()).ifPresent(after -> {
                facts.put(name + ".exitCode", after.exitCode());
                facts.put(name + ".status", after.status());
            });
            out.append(name).append('\n');
        }
        return out.toString();
    }

    private String rm(DockerCommand.Rm rm) {
        StringBuilder out = new StringBuilder();
        for (String name : rm.containers()) {
            ContainerInfo container = existing(name);
            docker.removeContainer(container.id(), rm.force(), rm.volumes());
            out.append(name).append('\n');
        }
        return out.toString();
    }

    private ContainerInfo existing(String name) {
        return docker.inspectContainer(name).orElseThrow(
                () -> new DockerlesException(ExitCode.DOCKER_ERROR, "error.container.missing", name));
    }

    /** {@code -f label=a=b} → {a: b}; other filters are not used by the sections. */
    private static Map<String, String> labelFilters(List<String> filters) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String filter : filters) {
            if (filter.startsWith("label=")) {
                String[] kv = filter.substring(6).split("=", 2);
                labels.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        return labels;
    }

    private void extract(Map<String, String> extractors, String output) {
        extractors.forEach((key, regex) -> {
            Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(output);
            if (m.find()) {
                facts.put(key, m.groupCount() > 0 ? m.group(1).strip() : m.group().strip());
            }
        });
    }

    RunIdentity run() {
        return run;
    }
}
