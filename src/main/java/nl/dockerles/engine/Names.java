package nl.dockerles.engine;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * With --prefix, the names a section gives (containers "demo", images "metfoo") become "jan-demo" and
 * "jan-metfoo" on the daemon, so thirty students can run the same section on one daemon. The command shown
 * is the command run, so the rewrite happens on the command text.
 */
public final class Names {
    public static final Names NONE = new Names("", Set.of());
    private final String prefix;
    private final Set<String> names;
    private final Pattern pattern;

    public Names(String prefix, Set<String> names) {
        this.prefix = prefix == null ? "" : prefix;
        this.names = Set.copyOf(names);
        this.pattern = this.prefix.isEmpty() || names.isEmpty() ? null : Pattern.compile(
                // A name in a path is left alone, except in the API's /containers/NAME (a curl in an exercise).
                "(?:(?<![\\w.:/-])|(?<=/containers/))(" + String.join("|", names.stream().map(Pattern::quote).toList())
                        + ")(?![\\w.-])");
    }

    public String prefix() {
        return prefix;
    }

    /** "docker stop demo" → "docker stop jan-demo" for every name of the section, as a whole word. */
    public String apply(String text) {
        if (pattern == null || text == null) {
            return text;
        }
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(prefixed(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * "demo" → "jan-demo"; an image of a registry keeps its registry in front: "127.0.0.1:5001/les/hallo" →
     * "127.0.0.1:5001/jan-les/hallo" (what comes before the first / is a host when it has a "." or ":").
     */
    private String prefixed(String name) {
        int slash = name.indexOf('/');
        if (slash > 0 && (name.substring(0, slash).contains(":") || name.substring(0, slash).contains("."))) {
            return name.substring(0, slash + 1) + prefix + name.substring(slash + 1);
        }
        return prefix + name;
    }

    /** A fact "jan-demo.status" is the note's "demo.status". */
    String unprefixKey(String key) {
        if (!prefix.isEmpty() && key.startsWith(prefix)) {
            String rest = key.substring(prefix.length());
            int dot = rest.indexOf('.');
            String name = dot < 0 ? rest : rest.substring(0, dot);
            if (names.contains(name)) {
                return rest;
            }
        }
        return key;
    }
}
