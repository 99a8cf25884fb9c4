package nl.dockerles.engine.actions;

import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.engine.Action;
import nl.dockerles.engine.ActionContext;

import java.util.Map;

/**
 * {@code env}: sets (or unsets) {@code DOCKER_HOST} for the steps after it, as {@code export DOCKER_HOST=…} does in a
 * shell: the same docker command then goes to another daemon. Only the environment changes, not the command.
 *
 * <p>Settings: {@code DOCKER_HOST} (the daemon's address; empty: unset, back to the usual daemon).
 *
 * <p>Facts: {@code env.DOCKER_HOST} (empty when unset).
 */
public final class EnvAction implements Action {
    static final String VARIABLE = "DOCKER_HOST";

    @Override
    public String name() {
        return "env";
    }

    @Override
    public String shell(Map<String, String> with) {
        String value = value(with);
        return value.isEmpty() ? "unset " + VARIABLE : "export " + VARIABLE + "=" + value;
    }

    @Override
    public String run(ActionContext context, Map<String, String> with) {
        String value = value(with);
        if (!value.isEmpty() && !value.matches("(tcp|unix|npipe)://\\S+")) {
            throw new DockerlesException(ExitCode.CONTENT, "error.content.invalid", name(), VARIABLE + ": " + value);
        }
        context.facts().put("env." + VARIABLE, value);
        return "";
    }

    private String value(Map<String, String> with) {
        if (!with.containsKey(VARIABLE) || with.size() != 1) {
            throw new DockerlesException(ExitCode.CONTENT, "error.content.invalid", name(),
                    "with: alleen " + VARIABLE);
        }
        String value = with.get(VARIABLE);
        return value == null ? "" : value.strip();
    }
}
