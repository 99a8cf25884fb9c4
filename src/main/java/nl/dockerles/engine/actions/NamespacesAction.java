package nl.dockerles.engine.actions;

import nl.dockerles.Messages;
import nl.dockerles.engine.Action;
import nl.dockerles.engine.ActionContext;
import nl.dockerles.daemon.ContainerInfo;
import nl.dockerles.daemon.DaemonInfo;
import nl.dockerles.daemon.Docker;
import nl.dockerles.engine.Facts;
import nl.dockerles.render.Table;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code namespaces}: the namespaces of a container's main process beside this machine's own
 * (/proc/PID/ns/KIND against /proc/self/ns/KIND): which are its own, which it shares with the host.
 * Where /proc/PID/ns may not be read (not root), the container's ids come from docker exec ls -l /proc/1/ns,
 * which are the same ids. When the daemon is not on this machine, only the container's ids are shown.
 * Facts: {@code ns.own}, {@code ns.shared}, {@code ns.host.pid}, {@code ns.container.pid}.
 */
public final class NamespacesAction implements Action {
    static final List<String> KINDS = List.of("pid", "uts", "net", "mnt", "ipc", "user", "cgroup");
    private static final Pattern LINK = Pattern.compile("([a-z_]+) -> (\\S+:\\[\\d+])");
    private static final Duration EXEC_TIMEOUT = Duration.ofSeconds(20);
    private final HostView view;

    public NamespacesAction() {
        this(HostView.system());
    }

    NamespacesAction(HostView view) {
        this.view = view;
    }

    @Override
    public boolean ownWay() {
        return true;
    }

    @Override
    public String name() {
        return "namespaces";
    }

    @Override
    public String shell(Map<String, String> with) {
        return "ls -l /proc/self/ns /proc/$(docker inspect -f '{{.State.Pid}}' " + Containers.name(with) + ")/ns";
    }

    @Override
    public String run(ActionContext context, Map<String, String> with) {
        String name = Containers.name(with);
        ContainerInfo container = Containers.running(context, name);
        Messages messages = context.messages();
        DaemonInfo daemon = context.docker().daemon();
        boolean local = view.where(daemon) == HostView.Where.LOCAL;
        Map<String, String> host = new LinkedHashMap<>();
        Map<String, String> inside = new LinkedHashMap<>();
        List<String> remarks = new ArrayList<>();
        if (local) {
            String path = Containers.path(context, name);
            boolean same = view.process(container.pid()).map(p -> path == null || p.runs(path)).orElse(false);
            for (String kind : KINDS) {
                view.ownNamespace(kind).ifPresent(id -> host.put(kind, id));
                if (same) {
                    view.namespace(container.pid(), kind).ifPresent(id -> inside.put(kind, id));
                }
            }
            if (!same) {
                host.clear(); // perhaps another kernel (a VM): its ids do not compare with ours
                remarks.add(messages.get("namespaces.hidden", container.pid(), name));
            } else if (inside.size() < KINDS.size()) {
                remarks.add(messages.get("namespaces.viaexec", container.pid(), name));
            }
        } else {
            remarks.add(messages.get("namespaces.elsewhere", daemon.host()));
        }
        if (inside.size() < KINDS.size()) {
            Docker.ExecResult result = context.docker().exec(container.id(), List.of("ls", "-l", "/proc/1/ns"), null,
                    EXEC_TIMEOUT);
            parseLinks(result.output()).forEach(inside::putIfAbsent);
        }
        String table = table(messages, name, host, inside, context.console().width());
        remarks.forEach(context.console()::info);
        context.console().table(table);
        record(context.facts(), messages, host, inside);
        return table;
    }

    /** {@code ls -l /proc/1/ns}: "pid -> pid:[4026532258]" per line. */
    static Map<String, String> parseLinks(String lsOutput) {
        Map<String, String> links = new LinkedHashMap<>();
        Matcher m = LINK.matcher(lsOutput);
        while (m.find()) {
            links.put(m.group(1), m.group(2));
        }
        return links;
    }

    /**
     * The table as wide as the window allows: the ids as ls shows them ("pid:[4026532180]"); in a narrower
     * window only the number; narrower still without the last column (the note says which are shared).
     */
    static String table(Messages messages, String container, Map<String, String> host, Map<String, String> inside,
                        int columns) {
        String table = "";
        for (int form = 0; form < 3; form++) {
            table = table(messages, container, host, inside, form > 0, form > 1);
            if (table.lines().mapToInt(line -> line.codePointCount(0, line.length())).max().orElse(0) <= columns) {
                break;
            }
        }
        return table;
    }

    static String table(Messages messages, String container, Map<String, String> host, Map<String, String> inside) {
        return table(messages, container, host, inside, false, false);
    }

    private static String table(Messages messages, String container, Map<String, String> host,
                                Map<String, String> inside, boolean bare, boolean noVerdict) {
        boolean withHost = !host.isEmpty();
        boolean verdicts = withHost && !noVerdict;
        String kindHeader = messages.get("namespaces.column.kind");
        String containerHeader = messages.get("namespaces.column.container", container);
        Table table = !withHost ? new Table(kindHeader, containerHeader)
                : verdicts ? new Table(kindHeader, messages.get("namespaces.column.host"), containerHeader, "")
                : new Table(kindHeader, messages.get("namespaces.column.host"), containerHeader);
        for (String kind : KINDS) {
            String in = inside.getOrDefault(kind, "?");
            if (withHost) {
                String own = host.getOrDefault(kind, "?");
                String verdict = in.equals("?") || own.equals("?") ? ""
                        : messages.get(in.equals(own) ? "namespaces.shared" : "namespaces.own");
                if (verdicts) {
                    table.row(kind, id(own, bare), id(in, bare), verdict);
                } else {
                    table.row(kind, id(own, bare), id(in, bare));
                }
            } else {
                table.row(kind, id(in, bare));
            }
        }
        return table.render();
    }

    /** "pid:[4026532180]", or bare "4026532180" (the kind is in the first column). */
    private static String id(String link, boolean bare) {
        return bare ? link.replaceFirst("^[a-z_]+:\\[([0-9]+)]$", "$1") : link;
    }

    private static void record(Facts facts, Messages messages, Map<String, String> host, Map<String, String> inside) {
        List<String> own = new ArrayList<>();
        List<String> shared = new ArrayList<>();
        for (String kind : KINDS) {
            Optional<String> h = Optional.ofNullable(host.get(kind));
            Optional<String> in = Optional.ofNullable(inside.get(kind));
            if (h.isPresent() && in.isPresent()) {
                (h.get().equals(in.get()) ? shared : own).add(kind);
            }
        }
        String unknown = messages.get("namespaces.unknown");
        String none = messages.get("namespaces.none");
        boolean compared = !own.isEmpty() || !shared.isEmpty();
        facts.put("ns.own", compared ? (own.isEmpty() ? none : String.join(", ", own)) : unknown);
        facts.put("ns.shared", compared ? (shared.isEmpty() ? none : String.join(", ", shared)) : unknown);
        facts.put("ns.host.pid", host.getOrDefault("pid", unknown));
        facts.put("ns.container.pid", inside.getOrDefault("pid", unknown));
    }
}
