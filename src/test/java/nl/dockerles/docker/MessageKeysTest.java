package nl.dockerles.docker;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every message key this package throws exists in Dutch and English, and formats. */
class MessageKeysTest {
    private static final Pattern KEY = Pattern.compile("\"(error\\.[a-z.]+)\"");

    @Test
    void everyKeyUsedHereIsInBothBundles() throws IOException {
        Set<String> keys = keysUsedInThisPackage();
        assertThat(keys).contains("error.docker.unreachable", "error.image.missing", "error.name.taken");
        for (String bundle : new String[] {"/nl/dockerles/Messages.properties", "/nl/dockerles/Messages_en.properties"}) {
            Properties texts = load(bundle);
            for (String key : keys) {
                assertThat(texts.getProperty(key)).as(bundle + " " + key).isNotBlank();
                new MessageFormat(texts.getProperty(key)); // throws on a broken pattern
            }
        }
    }

    @Test
    void theUnreachableMessageListsWhatWasTriedAndWhatToDo() throws IOException {
        String text = new MessageFormat(load("/nl/dockerles/Messages.properties").getProperty("error.docker.unreachable"))
                .format(new Object[] {"  - unix:///var/run/docker.sock: bestaat niet"});
        assertThat(text).contains("Docker draait niet", "unix:///var/run/docker.sock: bestaat niet",
                "Docker Desktop", "sudo systemctl start docker", "DOCKER_HOST");
    }

    private static Set<String> keysUsedInThisPackage() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/java/nl/dockerles/docker"))) {
            for (Path file : files.toList()) {
                Matcher m = KEY.matcher(Files.readString(file));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        return keys;
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageKeysTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return properties;
    }
}
