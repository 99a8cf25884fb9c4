package nl.dockerles.content;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one grammar of a placeholder in the content's texts: {@code {name}} with letters, digits, {@code _ . -}
 * ({@code {demo.status}}, {@code {port}}). The presenter's notes and the exercises' done texts are filled here;
 * a placeholder without a value stays as it is, so that a test or the reader sees it.
 */
public final class Placeholders {
    /** A placeholder; group 1 is its name. */
    public static final Pattern PATTERN = Pattern.compile("\\{([A-Za-z0-9_.-]+)}");

    private Placeholders() {
    }

    /** Each placeholder whose {@code value} is not null replaced by it; the others stay. */
    public static String fill(String template, Function<String, String> value) {
        Matcher m = PATTERN.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String filled = value.apply(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(filled != null ? filled : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The names of the placeholders in {@code template}, in order of first appearance. */
    public static Set<String> names(String template) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PATTERN.matcher(template);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
