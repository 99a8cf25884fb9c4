package nl.dockerles.content;

import nl.dockerles.cmdline.DockerCli;
import nl.dockerles.cmdline.DockerCommand;

import java.util.stream.Collectors;

/**
 * A section as a plain shell script of the same docker CLI commands (demos/&lt;id&gt;.sh): for students
 * without dockerles, and for the benchmark. What the presenter types into a shell is fed through
 * {@code script}, which gives the docker CLI the terminal that {@code -it} needs.
 */
public final class ShellScript {
    /** The shell side cannot see the prompt, so it gives the container a moment before each line. */
    static final String PAUSE = "0.3";

    private ShellScript() {
    }

    public static String of(Section section, String language) {
        StringBuilder sh = new StringBuilder();
        sh.append("#!/usr/bin/env bash\n");
        sh.append("# dockerles demo ").append(section.id())
                .append(": the same docker commands as a shell script.\n");
        sh.append("# Generated from demos/").append(section.id())
                .append(".yaml (a test keeps them equal); run it with bash.\n");
        sh.append("set -e\n");
        int number = 1;
        for (Step step : section.steps()) {
            sh.append("\n# ").append(number++).append(". ").append(step.title().in(language)).append('\n');
            sh.append(isInteractive(step) ? typedInto(step) : step.command()).append('\n');
        }
        return sh.toString();
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
