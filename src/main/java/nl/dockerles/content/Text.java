package nl.dockerles.content;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.LinkedHashMap;
import java.util.Map;

/** A text in several languages, keyed by language tag ("nl", "en"). Dutch is the fallback. */
public record Text(Map<String, String> byLanguage) {

    public static final String DUTCH = "nl";

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public Text {
        byLanguage = Map.copyOf(new LinkedHashMap<>(byLanguage));
    }

    public static Text of(String dutch) {
        return new Text(Map.of(DUTCH, dutch));
    }

    @JsonValue
    public Map<String, String> byLanguage() {
        return byLanguage;
    }

    /** The text in the language asked for, else in Dutch. */
    public String in(String language) {
        String text = byLanguage.get(language);
        return text != null ? text.strip() : byLanguage.getOrDefault(DUTCH, "").strip();
    }

    public boolean has(String language) {
        String text = byLanguage.get(language);
        return text != null && !text.isBlank();
    }
}
