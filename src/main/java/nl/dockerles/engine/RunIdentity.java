package nl.dockerles.engine;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * Who made a thing on the daemon: every container dockerles creates carries these labels,
 * and cleanup removes only what carries them.
 */
public record RunIdentity(String section, String runId) {
    public static final String MANAGED = "nl.dockerles.managed";
    public static final String SECTION = "nl.dockerles.section";
    public static final String RUN = "nl.dockerles.run";

    public static RunIdentity newRun(String section) {
        byte[] bytes = new byte[4];
        new SecureRandom().nextBytes(bytes);
        return new RunIdentity(section, HexFormat.of().formatHex(bytes));
    }

    public Map<String, String> labels() {
        return Map.of(MANAGED, "true", SECTION, section, RUN, runId);
    }

    public Map<String, String> runFilter() {
        return Map.of(MANAGED, "true", RUN, runId);
    }

    public Map<String, String> sectionFilter() {
        return Map.of(MANAGED, "true", SECTION, section);
    }

    public static boolean isManaged(Map<String, String> labels) {
        return labels != null && "true".equals(labels.get(MANAGED));
    }
}
