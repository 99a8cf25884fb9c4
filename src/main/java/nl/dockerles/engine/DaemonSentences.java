package nl.dockerles.engine;

import nl.dockerles.Messages;
import nl.dockerles.content.Section;
import nl.dockerles.content.Step;
import nl.dockerles.content.Text;
import nl.dockerles.daemon.DaemonInfo;
import nl.dockerles.daemon.Docker;

import java.util.ArrayList;
import java.util.List;

/**
 * What the narration says about the daemon comes from that daemon: {@code {daemon.version}}, {@code {daemon.name}},
 * {@code {daemon.storage}} (which image store, and what that means for the layers) and {@code {daemon.loopback}}
 * (whether 127.0.0.1 keeps the rest of the network out fully: Docker 28 and later). Asked only when a text of the
 * section uses them.
 */
final class DaemonSentences {
    private static final int LOOPBACK_SEALED_SINCE = 28;

    private DaemonSentences() {
    }

    /** The sentences, to be filled into the texts of a section that {@link #uses} them. */
    static java.util.Map<String, String> of(Docker docker, Messages messages) {
        java.util.Map<String, String> facts = new java.util.LinkedHashMap<>();
        DaemonInfo daemon = docker.daemon();
        Docker.DaemonDetails details = docker.daemonDetails();
        String version = daemon.serverVersion() == null ? "?" : daemon.serverVersion();
        boolean podman = details != null && details.podman();
        facts.put("daemon.version", version);
        facts.put("daemon.name", podman ? "Podman" : "Docker Engine");
        String driver = details == null || details.storageDriver() == null ? "?" : details.storageDriver();
        facts.put("daemon.driver", driver);
        facts.put("daemon.storage", messages.get(podman ? "daemonfacts.storage.podman"
                : details != null && details.containerdStore() ? "daemonfacts.storage.containerd"
                : "daemonfacts.storage.classic", driver));
        facts.put("daemon.loopback", messages.get(podman ? "daemonfacts.loopback.podman"
                : major(version) >= LOOPBACK_SEALED_SINCE ? "daemonfacts.loopback.sealed"
                : "daemonfacts.loopback.old", version));
        return facts;
    }

    static int major(String version) {
        try {
            return Integer.parseInt(version.replaceFirst("^v", "").split("[.-]")[0]);
        } catch (RuntimeException e) {
            return 0;
        }
    }

    static boolean uses(Section section) {
        List<Text> texts = new ArrayList<>(List.of(section.intro(), section.outro()));
        for (Step step : section.steps()) {
            texts.add(step.explain());
            texts.add(step.note());
        }
        return texts.stream().filter(t -> t != null).flatMap(t -> t.byLanguage().values().stream())
                .anyMatch(t -> t.contains("{daemon.storage}") || t.contains("{daemon.loopback}")
                        || t.contains("{daemon.name}") || t.contains("{daemon.driver}"));
    }
}
