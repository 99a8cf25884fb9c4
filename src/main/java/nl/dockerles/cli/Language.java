package nl.dockerles.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Dutch first: English only when asked for with --lang en, DOCKERLES_LANG, or an English locale. */
final class Language {
    private Language() {
    }

    static Locale resolve(String[] args, Map<String, String> env) {
        String asked = optionValue(args, "--lang");
        if (asked == null) {
            asked = env.get("DOCKERLES_LANG");
        }
        if (asked == null) {
            for (String variable : List.of("LC_ALL", "LC_MESSAGES", "LANG")) {
                String value = env.get(variable);
                if (value != null && !value.isBlank()) {
                    asked = value;
                    break;
                }
            }
        }
        return asked != null && asked.toLowerCase(Locale.ROOT).startsWith("en")
                ? Locale.ENGLISH : Locale.forLanguageTag("nl");
    }

    /** --lang takes nl or en (nl-BE, en_GB and the like too). */
    static boolean known(String asked) {
        String lower = asked.toLowerCase(Locale.ROOT);
        return lower.equals("nl") || lower.equals("en") || lower.matches("(nl|en)[-_][a-z]{2}");
    }

    static String optionValue(String[] args, String name) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(name) && i + 1 < args.length) {
                return args[i + 1];
            }
            if (args[i].startsWith(name + "=")) {
                return args[i].substring(name.length() + 1);
            }
        }
        return null;
    }
}
