package nl.dockerles.cli;

import nl.dockerles.content.Catalog;
import nl.dockerles.content.SectionEntry;

import java.util.Iterator;

/**
 * The section ids, for shell completion ({@code dockerles demo <Tab>}). picocli makes one of these whenever it builds
 * the command line, so the catalog is read only when the ids are really asked for.
 */
final class SectionIds implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        return new Catalog().entries().stream().map(SectionEntry::id).iterator();
    }
}
