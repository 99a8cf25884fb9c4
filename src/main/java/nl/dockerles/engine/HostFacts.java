package nl.dockerles.engine;

import nl.dockerles.content.Section;
import nl.dockerles.content.Step;

import java.io.IOException;
import java.nio.file.Files;

/**
 * Values of this machine that a step's command may use: {@code {workdir}} (a temporary folder of this run),
 * {@code {uid}} and {@code {gid}} (who runs dockerles), as the .sh scripts use $(mktemp -d) and $(id -u).
 */
final class HostFacts {
    private HostFacts() {
    }

    static void add(Facts facts, Workspace workspace, Section section) {
        boolean needsWorkdir = section.steps().stream().anyMatch(HostFacts::usesWorkdir);
        if (needsWorkdir) {
            facts.put("workdir", workspace.folder());
        }
        try {
            var probe = workspace.exists() ? workspace.folder() : Files.createTempFile("dockerles", ".id");
            facts.put("uid", Files.getAttribute(probe, "unix:uid"));
            facts.put("gid", Files.getAttribute(probe, "unix:gid"));
            if (!workspace.exists()) {
                Files.deleteIfExists(probe);
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // No unix ids on this system (Windows): steps that need them show their placeholder.
        }
    }

    private static boolean usesWorkdir(Step step) {
        String text = String.valueOf(step.command()) + step.with();
        return text.contains("{workdir}");
    }
}
