package nl.dockerles.engine;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Every named action the content may use. The content test checks each action name against this list. */
public final class Actions {
    private static final Map<String, Action> ALL = new TreeMap<>();

    static {
        // One line per action; keep them sorted by name.
        register(new nl.dockerles.engine.actions.ApiCallsAction());
        register(new nl.dockerles.engine.actions.EnvAction());
        register(new nl.dockerles.engine.actions.HostProcessAction());
        register(new nl.dockerles.engine.actions.HttpGetAction());
        register(new nl.dockerles.engine.actions.ListOwnersAction());
        register(new nl.dockerles.engine.actions.NamespacesAction());
        register(new nl.dockerles.engine.actions.RestartWatchAction());
        register(new nl.dockerles.engine.actions.ShellAction());
        register(new nl.dockerles.engine.actions.TcpCloseAction());
        register(new nl.dockerles.engine.actions.TcpOpenAction());
        register(new nl.dockerles.engine.actions.TimeAction());
        register(new nl.dockerles.engine.actions.VolumeOfAction());
        register(new nl.dockerles.engine.actions.VolumeRmAction());
        register(new nl.dockerles.engine.actions.WaitPostgresAction());
    }

    private Actions() {
    }

    private static void register(Action action) {
        ALL.put(action.name(), action);
    }

    public static Optional<Action> find(String name) {
        return Optional.ofNullable(ALL.get(name));
    }

    public static Map<String, Action> all() {
        return Map.copyOf(ALL);
    }
}
