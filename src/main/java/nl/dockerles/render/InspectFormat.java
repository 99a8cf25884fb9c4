package nl.dockerles.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code docker inspect} output: the daemon's JSON in an array, indented as the CLI does, or a
 * {@code -f} template. Templates support the forms the workshop uses: {@code {{.State.Pid}}} and
 * {@code {{json .Config.Labels}}}.
 */
public final class InspectFormat {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FIELD = Pattern.compile("\\{\\{\\s*(json\\s+)?((?:\\.[A-Za-z0-9_]+)+|\\.)\\s*}}");

    private InspectFormat() {
    }

    public static String render(String json, String format) {
        try {
            JsonNode node = JSON.readTree(json);
            if (format == null) {
                // As Go's json.MarshalIndent: "Key": value, empty {} and [].
                DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                        .withObjectEmptySeparator("").withArrayEmptySeparator(""))
                        .withObjectIndenter(new DefaultIndenter("    ", "\n"))
                        .withArrayIndenter(new DefaultIndenter("    ", "\n"));
                return "[\n" + indent(JSON.writer(printer).writeValueAsString(node)) + "\n]\n";
            }
            return template(node, format) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON from the daemon: " + e.getOriginalMessage(), e);
        }
    }

    static String template(JsonNode root, String format) throws JsonProcessingException {
        Matcher m = FIELD.matcher(format);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            JsonNode value = root;
            if (!m.group(2).equals(".")) {
                for (String name : m.group(2).substring(1).split("\\.")) {
                    value = value == null ? null : value.get(name);
                }
            }
            String text;
            if (m.group(1) != null) {
                text = JSON.writeValueAsString(value);
            } else if (value == null || value.isNull()) {
                text = "<no value>";
            } else {
                text = value.isValueNode() ? value.asText() : JSON.writeValueAsString(value);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(text));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String indent(String text) {
        return "    " + text.replace("\n", "\n    ");
    }
}
