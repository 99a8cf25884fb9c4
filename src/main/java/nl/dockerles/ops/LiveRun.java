package nl.dockerles.ops;

import nl.dockerles.daemon.RunIdentity;
import nl.dockerles.daemon.RunOwner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A run whose process still lives (or lives on another machine, where it cannot be looked at): what it made is
 * its own, and cleanup leaves it. {@code pid} and {@code host} come from the label {@code nl.dockerles.owner}.
 */
public record LiveRun(String section, String pid, String host, boolean thisMachine, List<ManagedObjects.Item> items) {

    /** What a cleanup may remove, and the runs it must leave. */
    public record Split(List<ManagedObjects.Item> gone, List<LiveRun> live) {
    }

    /**
     * Groups {@code items} by their run ({@code nl.dockerles.run}); a run is live when {@code alive} says so of any
     * of its things. Things without a run label are judged one by one.
     */
    static Split split(List<ManagedObjects.Item> items, Predicate<Map<String, String>> alive) {
        Map<String, List<ManagedObjects.Item>> runs = new LinkedHashMap<>();
        int loose = 0;
        for (ManagedObjects.Item item : items) {
            String run = item.labels().getOrDefault(RunIdentity.RUN, "");
            runs.computeIfAbsent(run.isEmpty() ? "\0" + loose++ : run, key -> new ArrayList<>()).add(item);
        }
        List<ManagedObjects.Item> gone = new ArrayList<>();
        List<LiveRun> live = new ArrayList<>();
        for (List<ManagedObjects.Item> run : runs.values()) {
            Map<String, String> owner = run.stream().map(ManagedObjects.Item::labels).filter(alive)
                    .findFirst().orElse(null);
            if (owner == null) {
                gone.addAll(run);
            } else {
                String pid = RunOwner.pid(owner);
                String host = RunOwner.host(owner);
                live.add(new LiveRun(run.get(0).section(), pid.isEmpty() ? "?" : pid, host.isEmpty() ? "?" : host,
                        RunOwner.onThisMachine(owner), List.copyOf(run)));
            }
        }
        return new Split(List.copyOf(gone), List.copyOf(live));
    }

    /** The default judge: the owner's process lives, and it is not this cleanup itself. */
    static boolean ownerAlive(Map<String, String> labels) {
        return !RunOwner.isCurrent(labels) && RunOwner.alive(labels);
    }
}
