package nl.dockerles.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Golden files under src/test/resources/golden. A missing or different file fails the test; rewrite them on
 * purpose with {@code ./mvnw test -Dgolden.update=true} (then read the diff before committing it).
 */
public final class Golden {
    public static final String UPDATE = "golden.update";
    private static final Path DIR = Path.of("src/test/resources/golden");

    private Golden() {
    }

    public static void assertMatches(String actual, String name) throws IOException {
        assertFile(actual, DIR.resolve(name));
    }

    /** Any file held equal to what the code makes now, such as a section's .sh twin in demos/. */
    public static void assertFile(String actual, Path file) throws IOException {
        if (Boolean.getBoolean(UPDATE)) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        if (!Files.exists(file)) {
            fail(file + " is missing: make it with ./mvnw test -Dgolden.update=true and read it before committing");
        }
        assertThat(actual).as(file + " (rewrite with -D" + UPDATE + "=true)")
                .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }
}
