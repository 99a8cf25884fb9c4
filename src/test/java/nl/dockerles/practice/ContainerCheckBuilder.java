package nl.dockerles.practice;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A container check for a test, written as the exercises' YAML writes it instead of 22 positional arguments:
 * {@code ContainerCheckBuilder.named("web").with("publishes", 80).with("http", true).build()}. A condition that
 * ContainerCheck does not know fails the test, as it fails in a YAML file.
 */
final class ContainerCheckBuilder {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, Object> fields = new LinkedHashMap<>();

    private ContainerCheckBuilder(String name) {
        fields.put("kind", "container");
        if (name != null) {
            fields.put("name", name);
        }
    }

    /** The container of this name. */
    static ContainerCheckBuilder named(String name) {
        return new ContainerCheckBuilder(name);
    }

    /** Any container of this image made since the exercise began. */
    static ContainerCheckBuilder ofImage(String image) {
        return new ContainerCheckBuilder(null).with("image", image);
    }

    /** A condition (or the image) by its name in the YAML: "running", "publishes", "restartPolicy", ... */
    ContainerCheckBuilder with(String condition, Object value) {
        fields.put(condition, value);
        return this;
    }

    ContainerCheck build() {
        return (ContainerCheck) JSON.convertValue(fields, Check.class);
    }
}
