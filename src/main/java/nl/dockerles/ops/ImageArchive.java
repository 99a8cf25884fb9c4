package nl.dockerles.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What a {@code docker save} archive holds, read from its manifest.json; and image names as the archive has them. */
public final class ImageArchive {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ImageArchive() {
    }

    /** The tags of all images in the archive ("busybox:latest"), from manifest.json's RepoTags. */
    public static Set<String> tags(Path archive) {
        try (InputStream file = Files.newInputStream(archive);
             TarArchiveInputStream tar = new TarArchiveInputStream(file)) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                String name = entry.getName().replaceFirst("^\\./", "");
                if (name.equals("manifest.json")) {
                    Set<String> tags = new LinkedHashSet<>();
                    for (JsonNode image : JSON.readTree(tar.readAllBytes())) {
                        // Podman's save keeps the full name: "docker.io/library/busybox:latest" (issue 12).
                        image.path("RepoTags").forEach(tag -> tags.add(normalize(tag.asText())));
                    }
                    return tags;
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new DockerlesException(ExitCode.ERROR, e, "error.archive.unreadable", archive,
                    String.valueOf(e.getMessage()));
        }
        throw new DockerlesException(ExitCode.ERROR, "error.archive.nomanifest", archive);
    }

    /** The images of {@code references} that the archive does not hold (a reference by digest cannot be checked). */
    public static List<String> missing(Path archive, List<String> references) {
        Set<String> tags = tags(archive);
        return references.stream().filter(ref -> !ref.contains("@") && !tags.contains(normalize(ref))).toList();
    }

    /**
     * A reference as docker save writes it in RepoTags: with a tag (":latest" when none), without the default
     * registry: "docker.io/library/busybox" is "busybox:latest".
     */
    public static String normalize(String reference) {
        String ref = reference.strip();
        for (String defaultRegistry : List.of("docker.io/library/", "index.docker.io/library/", "docker.io/",
                "index.docker.io/")) {
            if (ref.startsWith(defaultRegistry)) {
                ref = ref.substring(defaultRegistry.length());
                break;
            }
        }
        if (ref.contains("@")) {
            return ref;
        }
        int slash = ref.lastIndexOf('/');
        return ref.indexOf(':', slash + 1) >= 0 ? ref : ref + ":latest";
    }
}
