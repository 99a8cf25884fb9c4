package nl.dockerles.content;

import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.Message;

import java.util.List;
import java.util.Optional;

/** The workshop content packaged under demos/: the table of contents and the sections that are built. */
public final class Catalog {
    private List<SectionEntry> entries;

    public List<SectionEntry> entries() {
        if (entries == null) {
            entries = ContentFiles.read("sections.yaml", ContentReader::contents);
        }
        return entries;
    }

    public Optional<SectionEntry> entry(String id) {
        return entries().stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** Whether demos/&lt;id&gt;.yaml exists, that is: the section has a demo. */
    public boolean isBuilt(String id) {
        return ContentFiles.exists(id + ".yaml");
    }

    public Section section(String id) {
        Section section = ContentFiles.read(id + ".yaml", ContentReader::section);
        if (!id.equals(section.id())) {
            throw new DockerlesException(ExitCode.CONTENT, "error.content.invalid", id + ".yaml",
                    new Message("error.content.id", section.id(), id));
        }
        return section;
    }
}
