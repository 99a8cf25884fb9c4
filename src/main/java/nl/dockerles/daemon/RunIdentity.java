package nl.dockerles.daemon;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * Who made a thing on the daemon: every container dockerles creates carries these labels,
 * and cleanup removes only what carries them.
 */
public record RunIdentity(String section, String runId, String prefix) {
    public static final String MANAGED = "nl.dockerles.managed";
    public static final String SECTION = "nl.dockerles.section";
    public static final String RUN = "nl.dockerles.run";
    /** --prefix: many students on one daemon; "" when none. */
    public static final String PREFIX = "nl.dockerles.prefix";

    public RunIdentity {
        prefix = prefix == null ? "" : prefix;
    }

    public RunIdentity(String section, String runId) {
        this(section, runId, "");
    }

    public static RunIdentity newRun(String section) {
        return newRun(section, "");
    }

    public static RunIdentity newRun(String section, String prefix) {
        byte[] bytes = new byte[4];
        new SecureRandom().nextBytes(bytes);
        return new RunIdentity(section, HexFormat.of().formatHex(bytes), prefix);
    }

    public Map<String, String> labels() {
        return Map.of(MANAGED, "true", SECTION, section, RUN, runId, PREFIX, prefix, RunOwner.LABEL,
                RunOwner.current());
    }

    public Map<String, String> runFilter() {
        return Map.of(MANAGED, "true", RUN, runId);
    }

    /** Leftovers of this section and this prefix only: another student's run is not ours to remove. */
    public Map<String, String> sectionFilter() {
        return Map.of(MANAGED, "true", SECTION, section, PREFIX, prefix);
    }

    public static boolean isManaged(Map<String, String> labels) {
        return labels != null && "true".equals(labels.get(MANAGED));
    }
}
