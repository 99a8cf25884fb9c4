package nl.dockerles.ops;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Every message key that check, prepare and cleanup use is in Dutch and English, and formats. */
class OpsMessagesTest {
    private static final Pattern KEY = Pattern.compile("\"((?:check|prepare|cleanup|error)\\.[a-z.]+)\"");
    private static final List<String> SOURCES = List.of("src/main/java/nl/dockerles/ops",
            "src/main/java/nl/dockerles/cli/CheckCommand.java", "src/main/java/nl/dockerles/cli/PrepareCommand.java",
            "src/main/java/nl/dockerles/cli/CleanupCommand.java");

    @Test
    void everyKeyIsInBothBundlesAndFormats() throws IOException {
        Set<String> keys = keys();
        // Keys built from an enum name.
        for (String kind : List.of("container", "image", "volume", "network")) {
            keys.add("cleanup.kind." + kind);
            keys.add("cleanup.count." + kind);
        }
        assertThat(keys).contains("check.summary.failed", "prepare.present", "cleanup.dryrun.footer");
        for (String bundle : List.of("/nl/dockerles/Messages.properties", "/nl/dockerles/Messages_en.properties")) {
            Properties texts = load(bundle);
            for (String key : keys) {
                assertThat(texts.getProperty(key)).as(bundle + " " + key).isNotBlank();
                new MessageFormat(texts.getProperty(key)).format(new Object[] {1, 2, 3, 4, 5, 6, 7});
            }
        }
    }

    @Test
    void thePicocliTextsAreThere() throws IOException {
        for (String bundle : List.of("/nl/dockerles/Messages.properties", "/nl/dockerles/Messages_en.properties")) {
            Properties texts = load(bundle);
            for (String key : List.of("dockerles.check.usage.description", "dockerles.prepare.usage.description",
                    "dockerles.cleanup.usage.description", "prepare.save", "prepare.load", "cleanup.dryrun")) {
                assertThat(texts.getProperty(key)).as(bundle + " " + key).isNotBlank().doesNotContain("'");
            }
        }
    }

    private static Set<String> keys() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (String source : SOURCES) {
            Path path = Path.of(source);
            List<Path> files = Files.isDirectory(path) ? Files.list(path).toList() : List.of(path);
            for (Path file : files) {
                Matcher m = KEY.matcher(Files.readString(file));
                while (m.find()) {
                    if (!m.group(1).endsWith(".")) {
                        keys.add(m.group(1));
                    }
                }
            }
        }
        return keys;
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = OpsMessagesTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
