package nl.dockerles.content;

import java.util.List;

/** A section of the workshop with its steps, as written under demos/&lt;id&gt;.yaml. */
public record Section(String id, List<String> images, Text intro, List<Step> steps, Text outro) {

    public Section {
        images = images == null ? List.of() : List.copyOf(images);
        steps = steps == null ? List.of() : List.copyOf(steps);
    }
}
