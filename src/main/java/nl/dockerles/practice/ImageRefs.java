package nl.dockerles.practice;

import nl.dockerles.daemon.Docker;

import java.util.List;
import java.util.Optional;

/** Image references as the student types them: "nginx" is "nginx:latest" is "docker.io/library/nginx:latest". */
final class ImageRefs {
    private ImageRefs() {
    }

    static String normalize(String reference) {
        String r = reference.strip();
        if (r.startsWith("sha256:")) {
            return r;
        }
        r = r.replaceFirst("^(docker\\.io|index\\.docker\\.io)/", "").replaceFirst("^library/", "");
        int slash = r.lastIndexOf('/');
        int colon = r.lastIndexOf(':');
        if (!r.contains("@") && colon <= slash) {
            r = r + ":latest";
        }
        return r;
    }

    /** The image with this tag, from {@code docker images}. */
    static Optional<Docker.ImageRow> find(List<Docker.ImageRow> images, String reference) {
        String wanted = normalize(reference);
        return images.stream()
                .filter(i -> i.tags().stream().anyMatch(t -> normalize(t).equals(wanted))
                        || (wanted.startsWith("sha256:") && i.id().startsWith(wanted)))
                .findFirst();
    }

    /**
     * Whether a container's image (what {@code docker ps} shows: the name typed, or an id when the tag moved on)
     * is the image asked for.
     */
    static boolean sameImage(String containerImage, String containerImageId, String asked,
                             Optional<Docker.ImageRow> askedImage) {
        if (containerImage != null && !containerImage.isBlank() && normalize(containerImage).equals(normalize(asked))) {
            return true;
        }
        if (askedImage.isEmpty()) {
            return false;
        }
        String id = askedImage.get().id();
        return (containerImageId != null && containerImageId.equals(id))
                || (containerImage != null && containerImage.length() >= 12
                && id.replaceFirst("^sha256:", "").startsWith(containerImage.replaceFirst("^sha256:", "")));
    }
}
