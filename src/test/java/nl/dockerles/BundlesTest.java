package nl.dockerles;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Every message of the tool is there in Dutch and in English, and every pattern formats. */
class BundlesTest {

    @Test
    void dutchAndEnglishHaveTheSameKeys() throws IOException {
        Properties dutch = load("/nl/dockerles/Messages.properties");
        Properties english = load("/nl/dockerles/Messages_en.properties");
        assertThat(english.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(dutch.stringPropertyNames());
        for (String key : dutch.stringPropertyNames()) {
            assertThat(dutch.getProperty(key)).as("nl " + key).isNotBlank();
            assertThat(english.getProperty(key)).as("en " + key).isNotBlank();
        }
    }

    @Test
    void everyPatternFormats() throws IOException {
        for (String bundle : new String[] {"/nl/dockerles/Messages.properties", "/nl/dockerles/Messages_en.properties"}) {
            Properties texts = load(bundle);
            for (String key : texts.stringPropertyNames()) {
                assertThatCode(() -> new MessageFormat(texts.getProperty(key)))
                        .as(bundle + " " + key).doesNotThrowAnyException();
            }
        }
    }

    /** MessageFormat drops a lone ' and shows the rest as it is: "Engine's {0}" must be "Engine''s {0}". */
    @Test
    void aPatternWithValuesDoublesItsApostrophes() throws IOException {
        java.util.regex.Pattern lone = java.util.regex.Pattern.compile("(?<!')'(?!')");
        for (String bundle : new String[] {"/nl/dockerles/Messages.properties", "/nl/dockerles/Messages_en.properties"}) {
            Properties texts = load(bundle);
            for (String key : texts.stringPropertyNames()) {
                String text = texts.getProperty(key);
                if (text.matches("(?s).*\\{\\d.*")) {
                    assertThat(lone.matcher(text).find()).as(bundle + " " + key + ": " + text).isFalse();
                }
            }
        }
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = BundlesTest.class.getResourceAsStream(resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
