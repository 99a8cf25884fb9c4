package nl.dockerles.practice;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code --restart=on-failure:2}: a name and, for on-failure, the maximum number of retries (0: no maximum). */
record RestartPolicy(String name, int maxRetries) {
    private static final Pattern FORM = Pattern.compile("(no|always|unless-stopped|on-failure)(?::(\\d+))?");

    static boolean valid(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.strip());
        return m.matches() && (m.group(2) == null || m.group(1).equals("on-failure"));
    }

    static RestartPolicy parse(String text) {
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException(text);
        }
        return new RestartPolicy(m.group(1), m.group(2) == null ? 0 : Integer.parseInt(m.group(2)));
    }

    /** The daemon's HostConfig.RestartPolicy: Name "" means no. */
    static RestartPolicy of(String name, int maxRetries) {
        return new RestartPolicy(name == null || name.isEmpty() ? "no" : name, maxRetries);
    }

    /** Whether the container's policy is what was asked; "on-failure" without a number takes any maximum. */
    boolean satisfies(RestartPolicy asked, boolean askedWithNumber) {
        return name.equals(asked.name) && (!askedWithNumber || maxRetries == asked.maxRetries);
    }

    @Override
    public String toString() {
        return maxRetries > 0 ? name + ":" + maxRetries : name;
    }
}
