package nl.dockerles.engine;

import nl.dockerles.daemon.DaemonInfo;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the narration may say about the daemon, as placeholders: {@code {daemon.engine}} (Docker Engine or Podman),
 * {@code {daemon.version}}, {@code {daemon.storageDriver}} (docker info's "Storage Driver": overlay2, overlayfs,
 * overlay), {@code {daemon.imageStore}} ({@code containerd}, {@code graphdriver} or {@code podman}),
 * {@code {daemon.kind}} ({@code docker}, {@code docker-containerd} or {@code podman}: a key for texts chosen
 * per daemon, see {@code daemon.text.*} in the bundles). Asked of the daemon only when a text needs one.
 */
public final class DaemonFacts {
    private DaemonFacts() {
    }

    /** With {@code {daemon.text.NAME}}: the bundle's text {@code daemon.text.NAME.<kind>} for this daemon. */
    public static Map<String, Object> of(DaemonInfo daemon, nl.dockerles.Messages messages) {
        Map<String, Object> facts = of(daemon);
        String kind = kind(daemon);
        for (String key : java.util.Collections.list(messages.bundle().getKeys())) {
            if (key.startsWith("daemon.text.") && key.endsWith("." + kind)) {
                facts.put(key.substring(0, key.length() - kind.length() - 1), messages.get(key));
            }
        }
        return facts;
    }

    public static Map<String, Object> of(DaemonInfo daemon) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("daemon.engine", daemon.engine());
        facts.put("daemon.version", daemon.serverVersion());
        facts.put("daemon.api", daemon.negotiatedApiVersion());
        facts.put("daemon.storageDriver", daemon.storageDriver());
        facts.put("daemon.imageStore", daemon.podman() ? "podman" : daemon.containerdStore() ? "containerd" : "graphdriver");
        facts.put("daemon.kind", kind(daemon));
        return facts;
    }

    public static String kind(DaemonInfo daemon) {
        return daemon.podman() ? "podman" : daemon.containerdStore() ? "docker-containerd" : "docker";
    }
}
