package nl.dockerles.engine.actions;

import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.engine.Action;
import nl.dockerles.engine.ActionContext;
import nl.dockerles.daemon.ContainerRow;
import nl.dockerles.daemon.Docker;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code api-calls}: asks the daemon one thing, as a docker command would, and shows the HTTP requests that
 * it took: method, path (with the API version in front), status and time. The docker CLI and dockerles do
 * nothing else: the daemon is an HTTP server, usually on a unix socket.
 *
 * <p>Settings: {@code request}: {@code ps} (the running containers, {@code GET /containers/json}) or
 * {@code version} ({@code GET /version}, the one call {@code docker version} makes).
 *
 * <p>Facts: {@code api.calls} (how many), {@code api.first} ("GET /v1.41/containers/json"), {@code api.path},
 * {@code api.prefix} ("/v1.41", or empty when unversioned), {@code api.status}; for ps {@code api.containers} and
 * {@code api.names};
 * for version {@code daemon.engine} (Docker Engine or Podman), {@code daemon.version}, {@code daemon.api},
 * {@code daemon.os}.
 */
public final class ApiCallsAction implements Action {
    private static final Pattern VERSION_PREFIX = Pattern.compile("^(/v\\d+\\.\\d+)/");

    @Override
    public boolean ownWay() {
        return true;
    }

    @Override
    public String name() {
        return "api-calls";
    }

    @Override
    public String shell(Map<String, String> with) {
        return "curl -s --unix-socket " + Containers.socket(with) + " http://localhost" + endpoint(request(with));
    }

    /** By hand, curl asks this run's daemon: its own socket (Podman's is not Docker's). */
    @Override
    public Map<String, String> asRun(ActionContext context, Map<String, String> with) {
        return Containers.withSocket(context, with);
    }

    @Override
    public String run(ActionContext context, Map<String, String> with) {
        String request = request(with);
        Docker docker = context.docker();
        docker.takeApiCalls(); // what came before is not this step's
        String summary;
        if (request.equals("ps")) {
            List<ContainerRow> rows = docker.listContainers(false, Map.of());
            context.facts().put("api.containers", rows.size());
            String names = rows.stream().map(ContainerRow::name).collect(java.util.stream.Collectors.joining(", "));
            context.facts().put("api.names", names);
            summary = context.messages().get("action.api.ps", rows.size(), names.isEmpty() ? "-" : names);
        } else {
            Docker.ServerVersion version = docker.serverVersion();
            String platform = version.os() + "/" + version.architecture();
            context.facts().put("daemon.engine", version.engine());
            context.facts().put("daemon.version", version.version());
            context.facts().put("daemon.api", version.negotiatedApiVersion());
            context.facts().put("daemon.os", platform);
            summary = context.messages().get("action.api.version", version.engine(), version.version(),
                    version.apiVersion(), version.negotiatedApiVersion(), platform);
        }
        List<Docker.ApiCall> calls = docker.takeApiCalls();
        String output = render(calls, context.messages());
        context.console().table(output);
        context.console().info(summary);
        record(context, calls, endpoint(request));
        return output;
    }

    static String render(List<Docker.ApiCall> calls, nl.dockerles.Messages messages) {
        StringBuilder out = new StringBuilder();
        for (Docker.ApiCall call : calls) {
            out.append(nl.dockerles.engine.ApiCallLines.line(call, messages)).append('\n');
        }
        return out.toString();
    }

    /** The facts of the call to {@code endpoint} (the first call when none matches). */
    static void record(ActionContext context, List<Docker.ApiCall> calls, String endpoint) {
        context.facts().put("api.calls", calls.size());
        Docker.ApiCall main = calls.stream().filter(call -> pathOnly(call.path()).endsWith(endpoint)).findFirst()
                .orElse(calls.isEmpty() ? null : calls.get(0));
        if (main == null) {
            return;
        }
        String path = pathOnly(main.path());
        context.facts().put("api.first", main.method() + " " + path);
        context.facts().put("api.path", path);
        context.facts().put("api.status", main.status());
        context.facts().put("api.prefix", prefix(path));
    }

    /** "/v1.41" of "/v1.41/containers/json", or "" for an unversioned path. */
    static String prefix(String path) {
        Matcher m = VERSION_PREFIX.matcher(path);
        return m.find() ? m.group(1) : "";
    }

    static String pathOnly(String path) {
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    private static String endpoint(String request) {
        return request.equals("ps") ? "/containers/json" : "/version";
    }

    private String request(Map<String, String> with) {
        String request = with.getOrDefault("request", "ps").strip();
        if (!request.equals("ps") && !request.equals("version")) {
            throw new DockerlesException(ExitCode.CONTENT, "error.content.invalid", name() + " with.request",
                    request);
        }
        return request;
    }
}
