package nl.dockerles.engine;

import nl.dockerles.content.Placeholders;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Real values a section has seen so far ({@code demo.status}, {@code stop.seconds}, ...), for the notes:
 * "{demo.status}" in a note becomes "Exited (137) 2 seconds ago".
 */
public final class Facts {
    private final Map<String, String> values = new LinkedHashMap<>();
    private Names names = Names.NONE;
    /** Facts asked for only when a text needs one: prefix ("daemon.") to where they come from. */
    private final Map<String, java.util.function.Supplier<Map<String, ?>>> lazy = new LinkedHashMap<>();

    /** --prefix: the run's names carry it on the daemon; the notes keep speaking of "demo". */
    public void useNames(Names names) {
        this.names = names;
    }

    public Names names() {
        return names;
    }

    public void put(String key, Object value) {
        if (value != null) {
            values.put(names.unprefixKey(key), String.valueOf(value));
        }
    }

    /** Forgets a fact that no longer holds (e.g. one a step sets only when something happened in it). */
    public void remove(String key) {
        values.remove(names.unprefixKey(key));
    }

    public String get(String key) {
        return value(key);
    }

    /** Facts whose keys start with {@code prefix}, made by {@code source} the first time one is needed. */
    public void putLazily(String prefix, java.util.function.Supplier<Map<String, ?>> source) {
        lazy.put(prefix, source);
    }

    private String value(String key) {
        String value = values.get(key);
        if (value == null && !lazy.isEmpty()) {
            for (var entry : List.copyOf(lazy.entrySet())) {
                if (key.startsWith(entry.getKey())) {
                    lazy.remove(entry.getKey());
                    entry.getValue().get().forEach((k, v) -> {
                        if (v != null) {
                            values.putIfAbsent(k, String.valueOf(v));
                        }
                    });
                    return values.get(key);
                }
            }
        }
        return value;
    }

    public Map<String, String> asMap() {
        return Map.copyOf(values);
    }

    /** Fills the placeholders that are known; unknown ones stay as they are (see {@link #missing}). */
    public String fill(String template) {
        return Placeholders.fill(template, this::value);
    }

    /**
     * For --interactief, where the presenter typed something else than the content: a sentence that needs a value
     * that was never seen is left out, rather than shown with its placeholder.
     */
    public String fillKnownSentences(String template) {
        StringBuilder out = new StringBuilder();
        for (String sentence : template.split("(?<=[.!?])(?=\\s)")) {
            if (missing(sentence).isEmpty()) {
                out.append(fill(sentence));
            }
        }
        return out.toString().strip();
    }

    public Set<String> missing(String template) {
        Set<String> missing = new TreeSet<>();
        for (String name : Placeholders.names(template)) {
            if (value(name) == null) {
                missing.add(name);
            }
        }
        return missing;
    }
}
