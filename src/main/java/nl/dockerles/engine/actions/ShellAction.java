package nl.dockerles.engine.actions;

import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.Message;
import nl.dockerles.engine.Action;
import nl.dockerles.engine.ActionContext;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code shell}: a command of the host's own shell ({@code git commit}, {@code git push}), shown and run exactly as
 * written, in this run's temporary folder ({@code {workdir}}) or where an earlier {@code cd} of such a step went.
 * It runs with dockerles's own environment ({@link ActionContext#env}), and the docker CLI that it may start (a
 * git hook) talks to the daemon dockerles uses. A command meant to fail ({@code fails}) gives its exit code as a
 * fact; any other that fails is a step that did not work.
 *
 * <p>Settings: {@code run} (the command line), {@code fails} ("true": the command is meant to fail; demos/&lt;id&gt;.sh
 * goes on after it), {@code timeout} (seconds, default 120).
 *
 * <p>Facts: {@code shell.exitCode}, {@code shell.lines} (how many lines it printed), {@code shell.cwd}.
 */
public final class ShellAction implements Action {
    private static final int DEFAULT_TIMEOUT_SECONDS = 120;

    @Override
    public String name() {
        return "shell";
    }

    @Override
    public String shell(Map<String, String> with) {
        String run = with.get("run");
        if (run == null || run.isBlank()) {
            throw new DockerlesException(ExitCode.CONTENT, "error.content.invalid", name(),
                    new Message("error.content.absent.with", "run"));
        }
        return run.strip();
    }

    @Override
    public String run(ActionContext context, Map<String, String> with) {
        String command = shell(with);
        int timeout = Containers.integer(with, "timeout", DEFAULT_TIMEOUT_SECONDS);
        Path folder = context.workspace().folder();
        String cwd = context.facts().get("shell.cwd");
        Path where = cwd != null && Files.isDirectory(Path.of(cwd)) ? Path.of(cwd) : folder;
        Path pwd = folder.resolve(".dockerles-pwd");
        // After the command: where it ended up (a cd), for the next step, as one shell session would keep it.
        String script = command + "\n__dockerles_status=$?\npwd > '" + pwd + "'\nexit $__dockerles_status\n";
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", script).directory(where.toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(context.env());
        environment(builder.environment(), context.docker().host());
        String output;
        int exit;
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            StringBuilder out = new StringBuilder();
            Thread reader = new Thread(() -> {
                try {
                    out.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException ignored) {
                    // the process ended: what came is what we show
                }
            });
            reader.setDaemon(true);
            reader.start();
            if (!process.waitFor(timeout, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new DockerlesException(ExitCode.ERROR, "action.shell.timeout", command, timeout);
            }
            reader.join(TimeUnit.SECONDS.toMillis(5));
            output = out.toString();
            exit = process.exitValue();
        } catch (IOException e) {
            throw new DockerlesException(ExitCode.ERROR, e, "action.shell.failed", command, String.valueOf(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DockerlesException(ExitCode.INTERRUPTED, e, "error.interrupted");
        }
        try {
            if (Files.exists(pwd)) {
                context.facts().put("shell.cwd", Files.readString(pwd).strip());
                Files.delete(pwd);
            }
        } catch (IOException ignored) {
            // the next step starts in {workdir} again
        }
        context.facts().put("shell.exitCode", exit);
        context.facts().put("shell.lines", output.lines().count());
        context.console().output(output);
        if (exit != 0 && !"true".equals(with.get("fails"))) {
            // The note tells of a command that worked: after a skip or a repeat it may not have.
            throw new DockerlesException(ExitCode.ERROR, "action.shell.exit", command, exit);
        }
        return output;
    }

    /**
     * The docker CLI of a hook finds the daemon that dockerles uses; git commits even where no name is set up
     * (a fresh laptop, CI), and runs the hooks of the repository itself whatever core.hooksPath says.
     */
    static void environment(Map<String, String> env, String dockerHost) {
        if (dockerHost != null && !env.containsKey("DOCKER_HOST")
                && (dockerHost.startsWith("unix://") || dockerHost.startsWith("tcp://"))) {
            env.put("DOCKER_HOST", dockerHost);
        }
        env.putIfAbsent("GIT_AUTHOR_NAME", "Cursist");
        env.putIfAbsent("GIT_AUTHOR_EMAIL", "cursist@example.org");
        env.putIfAbsent("GIT_COMMITTER_NAME", "Cursist");
        env.putIfAbsent("GIT_COMMITTER_EMAIL", "cursist@example.org");
        env.put("GIT_CONFIG_COUNT", "1");
        env.put("GIT_CONFIG_KEY_0", "core.hooksPath");
        env.put("GIT_CONFIG_VALUE_0", ".git/hooks");
        env.put("GIT_TERMINAL_PROMPT", "0");
    }
}
