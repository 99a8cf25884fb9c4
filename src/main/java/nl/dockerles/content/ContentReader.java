package nl.dockerles.content;

import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.Message;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the content's YAML into its records with SnakeYAML's node tree: strict (an unknown field or a field of the
 * wrong shape is an error), every scalar as written. A third of the start-up cost of a Jackson object mapper, and
 * the first screen of a demo waits for it.
 */
final class ContentReader {
    private static final Set<String> CONTENTS = Set.of("sections");
    private static final Set<String> ENTRY = Set.of("id", "part", "title", "summary", "seconds", "heading");
    private static final Set<String> SECTION = Set.of("id", "images", "intro", "steps", "outro");
    private static final Set<String> STEP = Set.of("title", "explain", "command", "action", "with", "files", "typed",
            "end", "note", "extract", "undo");
    private static final Set<String> UNDO = Set.of("command", "said");
    private final String file;

    private ContentReader(String file) {
        this.file = file;
    }

    static List<SectionEntry> contents(InputStream in, String file) {
        ContentReader reader = new ContentReader(file);
        Map<String, Node> fields = reader.fields(reader.root(in), CONTENTS);
        List<SectionEntry> entries = new ArrayList<>();
        for (Node entry : reader.list(fields.get("sections"), "sections")) {
            entries.add(reader.entry(entry));
        }
        return List.copyOf(entries);
    }

    static Section section(InputStream in, String file) {
        ContentReader reader = new ContentReader(file);
        Map<String, Node> fields = reader.fields(reader.root(in), SECTION);
        List<Step> steps = null;
        if (fields.get("steps") != null && !isNull(fields.get("steps"))) {
            steps = new ArrayList<>();
            for (Node step : reader.list(fields.get("steps"), "steps")) {
                steps.add(reader.step(step));
            }
        }
        return new Section(reader.text(fields.get("id"), "id"), reader.texts(fields.get("images"), "images"),
                reader.language(fields.get("intro"), "intro"), steps, reader.language(fields.get("outro"), "outro"));
    }

    private Node root(InputStream in) {
        try {
            LoaderOptions options = new LoaderOptions();
            Node root = new Composer(new ParserImpl(new StreamReader(new InputStreamReader(in, StandardCharsets.UTF_8)),
                    options), new Resolver(), options).getSingleNode();
            if (root == null) {
                throw invalid("-", root);
            }
            return root;
        } catch (YAMLException e) {
            throw new DockerlesException(ExitCode.CONTENT, e, "error.content.invalid", file, e.getMessage());
        }
    }

    private SectionEntry entry(Node node) {
        Map<String, Node> fields = fields(node, ENTRY);
        Node seconds = fields.get("seconds");
        int secondsValue;
        try {
            secondsValue = Integer.parseInt(text(seconds, "seconds").strip());
        } catch (NumberFormatException | NullPointerException e) {
            throw invalid("seconds", seconds == null ? node : seconds);
        }
        return new SectionEntry(text(fields.get("id"), "id"), text(fields.get("part"), "part"),
                language(fields.get("title"), "title"), language(fields.get("summary"), "summary"), secondsValue,
                language(fields.get("heading"), "heading"));
    }

    private Step step(Node node) {
        Map<String, Node> fields = fields(node, STEP);
        return new Step(language(fields.get("title"), "title"), language(fields.get("explain"), "explain"),
                text(fields.get("command"), "command"), text(fields.get("action"), "action"),
                map(fields.get("with"), "with"), map(fields.get("files"), "files"), texts(fields.get("typed"), "typed"),
                text(fields.get("end"), "end"), language(fields.get("note"), "note"),
                map(fields.get("extract"), "extract"), undo(fields.get("undo")));
    }

    /** {@code undo: {command: docker exec ..., said: {nl: ..., en: ...}}}; null when absent. */
    private Step.Undo undo(Node node) {
        if (node == null || isNull(node)) {
            return null;
        }
        Map<String, Node> fields = fields(node, UNDO);
        return new Step.Undo(text(fields.get("command"), "undo.command"), language(fields.get("said"), "undo.said"));
    }

    /** The fields of a mapping, each known; the last one wins when a field comes twice (as with Jackson). */
    private Map<String, Node> fields(Node node, Set<String> known) {
        if (!(node instanceof MappingNode mapping)) {
            throw invalid("-", node);
        }
        Map<String, Node> fields = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String name = text(tuple.getKeyNode(), "-");
            if (!known.contains(name)) {
                throw new DockerlesException(ExitCode.CONTENT, "error.content.invalid", file,
                        new Message("error.content.unknown", name, line(tuple.getKeyNode())));
            }
            fields.put(name, tuple.getValueNode());
        }
        return fields;
    }

    private List<Node> list(Node node, String field) {
        if (!(node instanceof SequenceNode sequence)) {
            throw invalid(field, node);
        }
        return sequence.getValue();
    }

    /** A scalar as written; null when absent or null. */
    private String text(Node node, String field) {
        if (node == null || isNull(node)) {
            return null;
        }
        if (!(node instanceof ScalarNode scalar)) {
            throw invalid(field, node);
        }
        return scalar.getValue();
    }

    private List<String> texts(Node node, String field) {
        if (node == null || isNull(node)) {
            return null;
        }
        List<String> texts = new ArrayList<>();
        for (Node item : list(node, field)) {
            texts.add(text(item, field));
        }
        return texts;
    }

    private Map<String, String> map(Node node, String field) {
        if (node == null || isNull(node)) {
            return null;
        }
        if (!(node instanceof MappingNode mapping)) {
            throw invalid(field, node);
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            map.put(text(tuple.getKeyNode(), field), text(tuple.getValueNode(), field));
        }
        return map;
    }

    /** A text in several languages: {@code {nl: ..., en: ...}}. */
    private Text language(Node node, String field) {
        Map<String, String> byLanguage = map(node, field);
        return byLanguage == null ? null : new Text(byLanguage);
    }

    private static boolean isNull(Node node) {
        return Tag.NULL.equals(node.getTag());
    }

    private DockerlesException invalid(String field, Node node) {
        return new DockerlesException(ExitCode.CONTENT, "error.content.invalid", file,
                new Message("error.content.shape", field, line(node)));
    }

    private static int line(Node node) {
        return node == null || node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }
}
