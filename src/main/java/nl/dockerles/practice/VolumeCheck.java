package nl.dockerles.practice;

import nl.dockerles.engine.Names;

import java.util.ArrayList;
import java.util.List;

/**
 * A named volume, or an anonymous one (a 64-character name Docker chose) found by what is in it.
 *
 * @param exists     false: the volume must be gone (then nothing else)
 * @param dangling   true: no container uses it (docker volume ls -f dangling=true lists it); false: one does
 * @param fileExists this path exists in the volume ("/groet" is the file groet at the volume's top)
 * @param anonymous  true: no name; some anonymous volume (dangling, when asked) holds {@code fileExists}
 */
public record VolumeCheck(String name, Boolean exists, Boolean dangling, String fileExists, Boolean anonymous)
        implements Check {
    public static final List<String> ORDER = List.of("missing", "exists", "dangling", "fileExists", "anonymous");

    /** A named volume. */
    public VolumeCheck(String name, Boolean exists, Boolean dangling, String fileExists) {
        this(name, exists, dangling, fileExists, null);
    }

    public boolean isAnonymous() {
        return Boolean.TRUE.equals(anonymous);
    }

    @Override
    public String kind() {
        return "volume";
    }

    public boolean mustExist() {
        return !Boolean.FALSE.equals(exists);
    }

    @Override
    public VolumeCheck named(Names names) {
        return new VolumeCheck(name == null ? null : names.apply(name), exists, dangling, fileExists, anonymous);
    }

    @Override
    public List<String> conditions() {
        if (isAnonymous()) {
            return List.of("anonymous");
        }
        List<String> set = new ArrayList<>(List.of("missing", "exists"));
        if (dangling != null) {
            set.add("dangling");
        }
        if (fileExists != null) {
            set.add("fileExists");
        }
        return set;
    }

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (isAnonymous()) {
            if (name != null || fileExists == null || !mustExist()) {
                problems.add("an anonymous volume check has no name, and finds the volume by its fileExists");
            }
        } else if (name == null || name.isBlank()) {
            problems.add("a volume check needs a name");
        }
        if (!mustExist() && (dangling != null || fileExists != null)) {
            problems.add("exists: false goes with no other condition");
        }
        if (fileExists != null && !fileExists.startsWith("/")) {
            problems.add("fileExists is a path in the volume, starting with /: " + fileExists);
        }
        return problems;
    }
}
