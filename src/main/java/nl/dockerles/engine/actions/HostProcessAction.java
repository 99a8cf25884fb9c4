package nl.dockerles.engine.actions;

import nl.dockerles.Messages;
import nl.dockerles.engine.Action;
import nl.dockerles.engine.ActionContext;
import nl.dockerles.daemon.ContainerInfo;
import nl.dockerles.daemon.DaemonInfo;
import nl.dockerles.engine.Facts;

import java.util.Map;
import java.util.Optional;

/**
 * {@code host-process}: the main process of a container as the host sees it, in the host's own process list
 * ({@code ps -p PID -o pid,user,cmd}), with the PID that docker inspect gives. Read from this machine's /proc;
 * when the daemon runs in a VM or elsewhere, it says so and shows what it can.
 * Facts: {@code host.pid}, {@code host.cmd}, {@code host.user}, {@code host.seen} (a sentence for the note).
 */
public final class HostProcessAction implements Action {
    private final HostView view;

    public HostProcessAction() {
        this(HostView.system());
    }

    HostProcessAction(HostView view) {
        this.view = view;
    }

    @Override
    public String name() {
        return "host-process";
    }

    @Override
    public String shell(Map<String, String> with) {
        return "ps -p $(docker inspect -f '{{.State.Pid}}' " + Containers.name(with) + ") -o pid,user,cmd";
    }

    @Override
    public String run(ActionContext context, Map<String, String> with) {
        String name = Containers.name(with);
        ContainerInfo container = Containers.running(context, name);
        int pid = container.pid();
        Facts facts = context.facts();
        Messages messages = context.messages();
        facts.put("host.pid", pid);
        DaemonInfo daemon = context.docker().daemon();
        HostView.Where where = view.where(daemon);
        String remark;
        String seen;
        if (where == HostView.Where.LOCAL) {
            Optional<HostView.Process> process = view.process(pid);
            String path = Containers.path(context, name);
            if (process.isPresent() && (path == null || process.get().runs(path))) {
                HostView.Process p = process.get();
                String output = view.psLines(p);
                context.console().output(output);
                facts.put("host.cmd", p.command());
                facts.put("host.user", p.user());
                facts.put("host.seen", messages.get("hostprocess.seen.local", pid, p.command(), p.user(),
                        p.parentName().isEmpty() ? "?" : p.parentName(), p.parentPid()));
                return output;
            }
            remark = messages.get("hostprocess.hidden", pid, name);
            seen = messages.get("hostprocess.seen.hidden");
        } else if (where == HostView.Where.VM) {
            remark = messages.get("hostprocess.vm", String.valueOf(daemon.operatingSystem()), pid);
            seen = messages.get("hostprocess.seen.vm");
        } else {
            remark = messages.get("hostprocess.remote", daemon.host(), pid);
            seen = messages.get("hostprocess.seen.remote", daemon.host());
        }
        context.console().info(remark);
        facts.put("host.cmd", "?");
        facts.put("host.user", "?");
        facts.put("host.seen", seen);
        return remark + "\n";
    }
}
