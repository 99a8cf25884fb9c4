package nl.dockerles.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Real values a section has seen so far ({@code demo.status}, {@code stop.seconds}, ...), for the notes:
 * "{demo.status}" in a note becomes "Exited (137) 2 seconds ago".
 */
public final class Facts {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_.-]+)}");
    private final Map<String, String> values = new LinkedHashMap<>();
    private Names names = Names.NONE;

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

    public String get(String key) {
        return values.get(key);
    }

    public Map<String, String> asMap() {
        return Map.copyOf(values);
    }

    /** Fills the placeholders that are known; unknown ones stay as they are (see {@link #missing}). */
    public String fill(String template) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : m.group()));
        }
        m.appendTail(out);
        return out.toString();
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
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            if (!values.containsKey(m.group(1))) {
                missing.add(m.group(1));
            }
        }
        return missing;
    }
}
