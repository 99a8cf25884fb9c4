package nl.dockerles.practice;

import nl.dockerles.engine.Names;

import java.util.ArrayList;
import java.util.List;

/**
 * An image the student made (commit, build), by its name.
 *
 * @param name       the reference, "metfoo" or "testdb:v1" (":latest" when there is no tag)
 * @param baseImage  it is built on this image: that image's layers are the first layers of this one
 * @param fileExists this file or folder exists in the image (a short-lived container of dockerles looks)
 */
public record ImageCheck(String name, String baseImage, String fileExists) implements Check {
    public static final List<String> ORDER = List.of("missing", "baseImage", "fileExists");

    @Override
    public String kind() {
        return "image";
    }

    @Override
    public ImageCheck named(Names names) {
        return new ImageCheck(names.apply(name), names.apply(baseImage), fileExists);
    }

    @Override
    public List<String> conditions() {
        List<String> set = new ArrayList<>(List.of("missing"));
        if (baseImage != null) {
            set.add("baseImage");
        }
        if (fileExists != null) {
            set.add("fileExists");
        }
        return set;
    }

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (name == null || name.isBlank()) {
            problems.add("an image check needs a name");
        }
        if (fileExists != null && !fileExists.startsWith("/")) {
            problems.add("fileExists is a path in the image, starting with /: " + fileExists);
        }
        return problems;
    }
}
