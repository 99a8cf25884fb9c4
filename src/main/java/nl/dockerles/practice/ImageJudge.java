package nl.dockerles.practice;

import nl.dockerles.daemon.Docker;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An image check: the image is there, built on its base image (its layers first), and holds a file. */
final class ImageJudge {
    private final Docker docker;
    private final Lookups lookups;

    ImageJudge(Docker docker, Lookups lookups) {
        this.docker = docker;
        this.lookups = lookups;
    }

    Verdict judge(ImageCheck c) {
        List<Docker.ImageRow> images = docker.listImages(Map.of());
        Optional<Docker.ImageRow> row = ImageRefs.find(images, c.name());
        if (row.isEmpty()) {
            return Verdict.fail(UnmetCondition.absent("image", "missing", c.name()));
        }
        String id = row.get().id();
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("image", c.name());
        facts.put("imageId", id.replaceFirst("^sha256:", "").substring(0, Math.min(12, id.replaceFirst("^sha256:", "").length())));
        if (c.baseImage() != null) {
            Optional<Docker.ImageRow> base = ImageRefs.find(images, c.baseImage());
            if (base.isEmpty()) {
                return Verdict.fail(new UnmetCondition("oefen.miss.image.baseImage.missing", List.of(c.name(), c.baseImage()),
                        "baseImage", false));
            }
            List<String> layers = docker.imageLayers(id);
            List<String> baseLayers = docker.imageLayers(base.get().id());
            if (baseLayers.isEmpty() || layers.size() < baseLayers.size()
                    || !layers.subList(0, baseLayers.size()).equals(baseLayers)) {
                return Verdict.fail(UnmetCondition.of("image", "baseImage", c.name(), c.baseImage()));
            }
            facts.put("layers", String.valueOf(layers.size()));
            facts.put("baseLayers", String.valueOf(baseLayers.size()));
            facts.put("newLayers", String.valueOf(layers.size() - baseLayers.size()));
        }
        if (c.fileExists() != null && !lookups.fileInImage(id, c.fileExists())) {
            return Verdict.fail(UnmetCondition.of("image", "fileExists", c.name(), c.fileExists()));
        }
        return Verdict.pass(facts);
    }
}
