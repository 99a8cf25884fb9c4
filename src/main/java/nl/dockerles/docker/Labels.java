package nl.dockerles.docker;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Label maps to the daemon's filters, and the daemon's (nullable) maps to ours. */
final class Labels {
    private Labels() {
    }

    /** "key=value", or just "key" for a null value (any value), as {@code --filter label=} takes them. */
    static List<String> filters(Map<String, String> labels) {
        if (labels == null || labels.isEmpty()) {
            return List.of();
        }
        return labels.entrySet().stream()
                .map(e -> e.getValue() == null ? e.getKey() : e.getKey() + "=" + e.getValue())
                .sorted()
                .toList();
    }

    /** The daemon's "Labels" object (or null) as ours. */
    static Map<String, String> of(JsonNode labels) {
        Map<String, String> copy = new HashMap<>();
        labels.fields().forEachRemaining(label -> {
            if (!label.getValue().isNull()) {
                copy.put(label.getKey(), label.getValue().asText());
            }
        });
        return Map.copyOf(copy);
    }

    static Map<String, String> copy(Map<String, String> labels) {
        if (labels == null || labels.isEmpty()) {
            return Map.of();
        }
        Map<String, String> copy = new HashMap<>(labels);
        copy.values().removeIf(v -> v == null);
        return Map.copyOf(copy);
    }
}
