package nl.dockerles.cli;

import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.content.Catalog;
import nl.dockerles.content.SectionEntry;

import java.util.Comparator;

/** Finds a section by id; an unknown id suggests the nearest one. */
final class Sections {
    private Sections() {
    }

    static SectionEntry find(Catalog catalog, String id) {
        String lower = id.toLowerCase(java.util.Locale.ROOT);
        return catalog.entry(id).or(() -> catalog.entry(lower)).orElseThrow(() -> {
            String nearest = catalog.entries().stream()
                    .map(SectionEntry::id)
                    .min(Comparator.comparingInt(candidate -> distance(candidate, lower)))
                    .orElse("lifecycle");
            return new DockerlesException(ExitCode.USAGE, "error.section.unknown", id, nearest);
        });
    }

    /** A section that has a demo; an unbuilt one is a usage error that says so. */
    static SectionEntry findBuilt(Catalog catalog, String id) {
        SectionEntry entry = find(catalog, id);
        if (!catalog.isBuilt(entry.id())) {
            throw new DockerlesException(ExitCode.USAGE, "error.section.notbuilt", entry.id());
        }
        return entry;
    }

    /** Levenshtein distance: "snapshot" is near "snapshots". */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
