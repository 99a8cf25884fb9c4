package nl.dockerles.engine;

import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** Every named action the content may use. The content test checks each action name against this list. */
public final class Actions {
    private static final Map<String, Action> ALL = new TreeMap<>();

    static {
        // The actions themselves (engine.actions) are listed in META-INF/services/nl.dockerles.engine.Action:
        // they use the engine, the engine knows them only by name.
        for (Action action : ServiceLoader.load(Action.class, Actions.class.getClassLoader())) {
            register(action);
        }
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
