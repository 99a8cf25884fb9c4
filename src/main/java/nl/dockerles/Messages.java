package nl.dockerles;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Texts of the tool itself (not of the sections): Dutch first, English with --lang en. */
public final class Messages {
    public static final String BUNDLE = "nl.dockerles.Messages";
    /** Set by the unit tests (surefire): a key that is in no bundle is a bug there, not a text to show. */
    public static final String STRICT = "nl.dockerles.messages.strict";
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
            if (Boolean.getBoolean(STRICT)) {
                throw new IllegalStateException("No text for message key " + key + " in " + BUNDLE
                        + " (" + locale + "); add it to Messages.properties and Messages_en.properties", e);
            }
            // A user still reads what happened: the key and the values it would have shown.
            return args.length == 0 ? key : key + " " + java.util.Arrays.toString(args);
        }
        String text = args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(said(args));
        return text.replace("%n", System.lineSeparator());
    }

    /** Values that are texts themselves ({@link Message}, or a list of them, one per line) in this language. */
    private Object[] said(Object[] args) {
        Object[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof Message m) {
                out[i] = get(m.key(), m.args());
            } else if (out[i] instanceof java.util.List<?> list && !list.isEmpty()
                    && list.stream().allMatch(Message.class::isInstance)) {
                out[i] = String.join("\n", list.stream().map(m -> get(((Message) m).key(), ((Message) m).args()))
                        .toList());
            }
        }
        return out;
    }

    public String of(DockerlesException e) {
        return get(e.key(), e.args());
    }
}
