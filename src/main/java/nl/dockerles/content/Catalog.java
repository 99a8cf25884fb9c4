package nl.dockerles.content;

import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.Message;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/** The workshop content packaged under demos/: the table of contents and the sections that are built. */
public final class Catalog {
    private static final String ROOT = "/demos/";
    private List<SectionEntry> entries;

    public List<SectionEntry> entries() {
        if (entries == null) {
            entries = read("sections.yaml", ContentReader::contents);
        }
        return entries;
    }

    public Optional<SectionEntry> entry(String id) {
        return entries().stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** Whether demos/&lt;id&gt;.yaml exists, that is: the section has a demo. */
    public boolean isBuilt(String id) {
        return Catalog.class.getResource(ROOT + id + ".yaml") != null;
    }

    public Section section(String id) {
        Section section = read(id + ".yaml", ContentReader::section);
        if (!id.equals(section.id())) {
            throw new DockerlesException(ExitCode.CONTENT, "error.content.invalid", id + ".yaml",
                    new Message("error.content.id", section.id(), id));
        }
        return section;
    }

    private <T> T read(String file, java.util.function.BiFunction<InputStream, String, T> reader) {
        try (InputStream in = Catalog.class.getResourceAsStream(ROOT + file)) {
            if (in == null) {
                throw new DockerlesException(ExitCode.CONTENT, "error.content.missing", file);
            }
            return reader.apply(in, file);
        } catch (IOException e) {
            throw new DockerlesException(ExitCode.CONTENT, e, "error.content.invalid", file, e.getMessage());
        }
    }
}
