package nl.dockerles.export;

import nl.dockerles.cmdline.DockerCli;
import nl.dockerles.cmdline.DockerCommand;
import nl.dockerles.content.Section;
import nl.dockerles.content.SectionNames;
import nl.dockerles.content.Step;
import nl.dockerles.engine.Actions;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * A section as a plain shell script of the same docker CLI commands (demos/&lt;id&gt;.sh): for students
 * without dockerles, and for the benchmark. What the presenter types into a shell is fed through
 * {@code script}, which gives the docker CLI the terminal that {@code -it} needs; a named action becomes
 * its shell equivalent.
 */
public final class ShellScript {
    /** The shell side cannot see the prompt, so it gives the container a moment before each line. */
    static final String PAUSE = "0.3";

    private ShellScript() {
    }

    /** Dutch first, like the workshop: the script is the same file whatever language dockerles speaks. */
    public static String of(Section section) {
        String language = "nl";
        StringBuilder body = new StringBuilder();
        java.util.Map<String, String> known = new java.util.LinkedHashMap<>();
        int number = 1;
        for (Step step : section.steps()) {
            body.append("\n# ").append(number++).append(". ").append(step.title().in(language)).append('\n');
            String line = variables(line(step));
            for (var fact : known.entrySet()) {
                line = line.replace("{" + fact.getKey() + "}", fact.getValue());
            }
            line = captured(step, line, section, number - 2, known);
            body.append(files(step)).append(line).append('\n');
            if (step.action() != null) {
                Actions.find(step.action()).ifPresent(action -> known.putAll(action.shellFacts(step.with())));
            }
        }
        StringBuilder sh = new StringBuilder();
        sh.append("#!/usr/bin/env bash\n");
        sh.append("# dockerles demo ").append(section.id())
                .append(": the same docker commands as a shell script.\n");
        sh.append("# Generated from demos/").append(section.id())
                .append(".yaml (a test keeps them equal); run it with bash.\n");
        sh.append("set -e\n");
        boolean workdir = body.indexOf("$workdir") >= 0;
        if (workdir) {
            sh.append("workdir=$(mktemp -d)\n");
        }
        sh.append(cleanup(section, workdir));
        return sh.append(body).toString();
    }

    /** What dockerles removes at the end of a run (and on Ctrl-C), the script removes on exit: its names. */
    private static String cleanup(Section section, boolean workdir) {
        StringBuilder commands = new StringBuilder();
        Set<String> containers = SectionNames.containers(section);
        // Newest image first: an image that others were built on goes last.
        java.util.List<String> images = new java.util.ArrayList<>(SectionNames.references(section));
        java.util.Collections.reverse(images);
        if (!containers.isEmpty()) {
            commands.append("docker rm -fv ").append(String.join(" ", containers)).append(" >/dev/null 2>&1; ");
        }
        if (!images.isEmpty()) {
            commands.append("docker rmi ").append(String.join(" ", images)).append(" >/dev/null 2>&1; ");
        }
        // A push or pull leaves digests of the registry's repository behind (docker images --digests): those too.
        for (String repository : SectionNames.images(section)) {
            int slash = repository.indexOf('/');
            if (slash > 0 && repository.substring(0, slash).contains(":")) {
                commands.append("docker images --digests --format '{{.Repository}}@{{.Digest}}' ").append(repository)
                        .append(" | xargs -r docker rmi >/dev/null 2>&1; ");
            }
        }
        if (workdir) {
            commands.append("rm -rf \"$workdir\"; ");
        }
        if (commands.length() == 0) {
            return "";
        }
        return "# " + nl.dockerles.Messages.dutch().get("handout.sh.cleanup") + "\nopruimen() { " + commands + "true; }\ntrap opruimen EXIT\n";
    }

    /**
     * A fact that a step takes from its output ({@code extract:}) and a later command uses ({@code {push1.digest}}):
     * the script keeps the output in a variable and takes the fact from it with sed, as dockerles does with the
     * same regular expression.
     */
    private static String captured(Step step, String line, Section section, int index,
                                   java.util.Map<String, String> known) {
        StringBuilder out = new StringBuilder();
        for (var extract : new java.util.TreeMap<>(step.extract()).entrySet()) {
            String key = extract.getKey();
            boolean usedLater = section.steps().subList(index + 1, section.steps().size()).stream()
                    .anyMatch(later -> (later.command() + later.with()).contains("{" + key + "}"));
            if (!usedLater) {
                continue;
            }
            String variable = key.replaceAll("[^A-Za-z0-9]", "_");
            out.append('\n').append(variable).append("=$(printf '%s\\n' \"$uitvoer\" | sed -nE ")
                    .append(quote("s#.*" + extract.getValue() + ".*#\\1#p")).append(" | head -n 1)");
            known.put(key, "$" + variable);
        }
        return out.length() == 0 ? line : "uitvoer=$(" + line + "); printf '%s\\n' \"$uitvoer\"" + out;
    }

    private static String line(Step step) {
        if (step.action() != null) {
            return Actions.find(step.action()).map(action -> {
                String ready = action.shellReady(step.with());
                String fails = "true".equals(step.with().get("fails")) ? " || true" : "";
                return action.shell(step.with()) + fails + (ready == null ? "" : "\n" + ready);
            }).orElse("# action " + step.action());
        }
        return isInteractive(step) ? typedInto(step) : step.command();
    }

    /**
     * The step's files (a Dockerfile, say) as here-documents into $workdir, as dockerles writes them before the
     * step. Quoted, so that $VAR and $(...) in the content stay as written.
     */
    static String files(Step step) {
        StringBuilder out = new StringBuilder();
        step.files().forEach((path, content) -> {
            String file = "\"$workdir/" + path + "\"";
            int slash = path.lastIndexOf('/');
            if (slash > 0) {
                out.append("mkdir -p \"$workdir/").append(path, 0, slash).append("\"\n");
            }
            out.append("cat > ").append(file).append(" <<'DOCKERLES_EOF'\n").append(content)
                    .append(content.endsWith("\n") ? "" : "\n").append("DOCKERLES_EOF\n");
        });
        return out.toString();
    }

    /** dockerles's values become the shell's own: {workdir} is a mktemp folder, {uid} is $(id -u). */
    private static String variables(String line) {
        return line.replace("{workdir}", "$workdir").replace("{uid}", "$(id -u)").replace("{gid}", "$(id -g)");
    }

    /** A shell the presenter types into: {@code run -it} or {@code start -ai}. */
    static boolean isInteractive(Step step) {
        DockerCommand command = DockerCli.parse(step.command());
        return command instanceof DockerCommand.Run run && run.interactive() && run.tty()
                || command instanceof DockerCommand.Start start && start.attach() && start.interactive();
    }

    private static String typedInto(Step step) {
        String lines = step.typed().stream()
                .map(line -> "sleep " + PAUSE + "; printf '%s\\n' " + quote(line) + "; ")
                .collect(Collectors.joining());
        String end = Step.END_DETACH.equals(step.end()) ? "\\020\\021" : "\\004";
        return "{ " + lines + "sleep " + PAUSE + "; printf '" + end + "'; } | script -qfec " + quote(step.command())
                + " /dev/null";
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
