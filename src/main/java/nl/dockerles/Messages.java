package nl.dockerles;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Texts of the tool itself (not of the sections): Dutch first, English with --lang en. */
public final class Messages {
    public static final String BUNDLE = "nl.dockerles.Messages";
    private final ResourceBundle bundle;
    private final Locale locale;

    public Messages(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static Messages dutch() {
        return new Messages(Locale.forLanguageTag("nl"));
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    public Locale locale() {
        return locale;
    }

    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        String text = args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
        return text.replace("%n", System.lineSeparator());
    }

    public String of(DockerlesException e) {
        return get(e.key(), e.args());
    }
}
