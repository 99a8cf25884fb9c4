package nl.dockerles.content;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;

import java.io.IOException;
import java.io.InputStream;

/**
 * The one way the packaged YAML under {@code demos/} is read: the sections, the table of contents and the
 * exercises. Strict: an unknown field, a missing number or an unknown kind of check is an error in the content
 * (exit code CONTENT, with the file's name), never a silent default.
 */
public final class ContentFiles {
    private static final String ROOT = "/demos/";

    /** Jackson's reader, made on first use: a demo reads its section without it, before the first screen. */
    private static final class Yaml {
        static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_INVALID_SUBTYPE)
                .enable(DeserializationFeature.FAIL_ON_MISSING_EXTERNAL_TYPE_ID_PROPERTY);
    }

    private ContentFiles() {
    }

    /** Whether {@code demos/<file>} is packaged ({@code "ports.yaml"}, {@code "oefen/ports.yaml"}). */
    public static boolean exists(String file) {
        return ContentFiles.class.getResource(ROOT + file) != null;
    }

    /** Reads {@code demos/<file>}; missing or invalid: a DockerlesException that names the file. */
    public static <T> T read(String file, Class<T> type) {
        return read(file, (in, name) -> {
            try {
                return parse(in, type);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /**
     * Reads {@code demos/<file>} with {@code reader} (the sections use {@link ContentReader}, which is quicker
     * to start than Jackson); missing or invalid: a DockerlesException that names the file.
     */
    static <T> T read(String file, java.util.function.BiFunction<InputStream, String, T> reader) {
        try (InputStream in = ContentFiles.class.getResourceAsStream(ROOT + file)) {
            if (in == null) {
                throw new DockerlesException(ExitCode.CONTENT, "error.content.missing", file);
            }
            return reader.apply(in, file);
        } catch (java.io.UncheckedIOException e) {
            throw new DockerlesException(ExitCode.CONTENT, e.getCause(), "error.content.invalid", file,
                    e.getCause().getMessage());
        } catch (IOException e) {
            throw new DockerlesException(ExitCode.CONTENT, e, "error.content.invalid", file, e.getMessage());
        }
    }

    /** Reads YAML from {@code in} with the same rules; what is wrong is Jackson's IOException. */
    public static <T> T parse(InputStream in, Class<T> type) throws IOException {
        return Yaml.MAPPER.readValue(in, type);
    }
}
