package nl.dockerles.cli;

import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.content.Catalog;
import nl.dockerles.content.SectionEntry;

/** Finds a section by id, in any case; an unknown id suggests a section only when one is really close. */
final class Sections {
    private Sections() {
    }

    static SectionEntry find(Catalog catalog, String id) {
        String lower = id.toLowerCase(java.util.Locale.ROOT);
        return catalog.entry(id).or(() -> catalog.entry(lower)).orElseThrow(() -> Nearest
                .among(id, catalog.entries().stream().map(SectionEntry::id).toList())
                .map(nearest -> new DockerlesException(ExitCode.USAGE, "error.section.unknown", id, nearest))
                .orElseGet(() -> new DockerlesException(ExitCode.USAGE, "error.section.unknown.none", id)));
    }

    /** A section that has a demo; an unbuilt one is a usage error that says so. */
    static SectionEntry findBuilt(Catalog catalog, String id) {
        SectionEntry entry = find(catalog, id);
        if (!catalog.isBuilt(entry.id())) {
            throw new DockerlesException(ExitCode.USAGE, "error.section.notbuilt", entry.id());
        }
        return entry;
    }
}
