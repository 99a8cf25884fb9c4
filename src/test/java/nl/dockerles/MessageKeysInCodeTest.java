package nl.dockerles;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every message key that the code under src/main names is in both bundles, and every key of the bundles is named
 * somewhere (in full, or as the start of a key the code puts together, {@code "restart.sign." + kind}), or is
 * one that picocli looks up by its own convention.
 */
class MessageKeysInCodeTest {
    /** A string literal that looks like a key: lower-case words with dots; a trailing dot is a key's start. */
    private static final Pattern LITERAL = Pattern.compile(
            "\"(?:\\$\\{bundle:)?([a-z][a-zA-Z0-9]*(?:\\.[a-zA-Z0-9_-]+)*\\.?)}?\"");
    private static final Pattern BUNDLE_REFERENCE = Pattern.compile("\\$\\{bundle:([a-zA-Z0-9.]+)}");
    /** Calls whose first argument is a fact, a file or a property, not a message: {@code facts.put("daemon.api", …)}. */
    private static final Pattern NOT_A_MESSAGE = Pattern.compile(
            "(?:\\bput|putLazily|facts\\.get|facts\\(\\)\\.get|template|getProperty|getLogger)\\(\\s*$");
    /** The keys picocli finds by itself: the usage headings, the commands' descriptions, the standard options. */
    private static final Pattern PICOCLI = Pattern.compile(
            "usage\\.[a-zA-Z]+|dockerles(\\.[a-z]+)*\\.usage\\.[a-zA-Z]+|help|version|helpCommand\\.[a-z]+");

    @Test
    void everyKeyTheCodeNamesIsInBothBundles() throws IOException {
        Properties dutch = load("/nl/dockerles/Messages.properties");
        Properties english = load("/nl/dockerles/Messages_en.properties");
        Set<String> prefixes = dutch.stringPropertyNames().stream().map(k -> k.substring(0, k.indexOf('.') + 1))
                .filter(p -> !p.isEmpty()).collect(Collectors.toSet());
        TreeMap<String, String> missing = new TreeMap<>();
        for (var use : literalsInCode().entrySet()) {
            String literal = use.getKey();
            if (!literal.contains(".") || prefixes.stream().noneMatch(literal::startsWith)) {
                continue; // not a message key: a file name, a fact, a label
            }
            for (Properties bundle : new Properties[] {dutch, english}) {
                boolean there = literal.endsWith(".")
                        ? bundle.stringPropertyNames().stream().anyMatch(k -> k.startsWith(literal))
                        : bundle.getProperty(literal) != null;
                if (!there) {
                    missing.put(literal + (bundle == dutch ? " (nl)" : " (en)"), use.getValue());
                }
            }
        }
        assertThat(missing).as("keys named in src/main that a bundle does not have (key -> file)").isEmpty();
    }

    @Test
    void everyKeyOfTheBundlesIsUsed() throws IOException {
        Set<String> literals = literalsInCode().keySet();
        Set<String> unused = new TreeSet<>();
        for (String key : load("/nl/dockerles/Messages.properties").stringPropertyNames()) {
            boolean used = literals.contains(key) || PICOCLI.matcher(key).matches()
                    || literals.stream().anyMatch(l -> l.endsWith(".") && key.startsWith(l));
            if (!used) {
                unused.add(key);
            }
        }
        assertThat(unused).as("keys in the bundles that no code names").isEmpty();
    }

    @Test
    void theCheckFindsAMissingKey() {
        Matcher m = LITERAL.matcher("messages.get(\"check.nosuchkey\") + get(\"restart.sign.\" + kind) \"${bundle:label.file}\"");
        assertThat(m.results().map(r -> r.group(1))).containsExactly("check.nosuchkey", "restart.sign.", "label.file");
    }

    /** Each literal of src/main/java with the first file that names it. */
    private static TreeMap<String, String> literalsInCode() throws IOException {
        TreeMap<String, String> literals = new TreeMap<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                // Without comments: a key in a sentence of a comment is no use of it.
                String text = Files.readString(file).replaceAll("(?m)^\\s*(//|\\*|/\\*).*$", "");
                Matcher m = LITERAL.matcher(text);
                while (m.find()) {
                    if (NOT_A_MESSAGE.matcher(text.substring(Math.max(0, m.start() - 40), m.start())).find()) {
                        continue;
                    }
                    literals.putIfAbsent(m.group(1), file.getFileName().toString());
                }
                // picocli's ${bundle:key} inside a longer text: paramLabel = "lan|${bundle:label.address}".
                Matcher bundle = BUNDLE_REFERENCE.matcher(text);
                while (bundle.find()) {
                    literals.putIfAbsent(bundle.group(1), file.getFileName().toString());
                }
            }
        }
        return literals;
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageKeysInCodeTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
