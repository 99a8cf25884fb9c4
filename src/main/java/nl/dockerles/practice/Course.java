package nl.dockerles.practice;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.Message;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** The exercises packaged under demos/oefen/: one file per section that has them. */
public final class Course {
    static final String ROOT = "/demos/oefen/";
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_INVALID_SUBTYPE)
            .enable(DeserializationFeature.FAIL_ON_MISSING_EXTERNAL_TYPE_ID_PROPERTY);

    public boolean has(String section) {
        return Course.class.getResource(ROOT + section + ".yaml") != null;
    }

    public Optional<ExerciseSet> find(String section) {
        return has(section) ? Optional.of(load(section)) : Optional.empty();
    }

    public ExerciseSet load(String section) {
        String file = "oefen/" + section + ".yaml";
        try (InputStream in = Course.class.getResourceAsStream(ROOT + section + ".yaml")) {
            if (in == null) {
                throw new DockerlesException(ExitCode.CONTENT, "error.content.missing", file);
            }
            ExerciseSet set = parse(in);
            if (!section.equals(set.section())) {
                throw new DockerlesException(ExitCode.CONTENT, "error.content.invalid", file,
                        new Message("error.content.section", set.section(), section));
            }
            return set;
        } catch (IOException e) {
            throw new DockerlesException(ExitCode.CONTENT, e, "error.content.invalid", file, e.getMessage());
        }
    }

    /** Reads one exercise file; an unknown check kind or condition is an IOException (Jackson's). */
    ExerciseSet parse(InputStream in) throws IOException {
        return yaml.readValue(in, ExerciseSet.class);
    }
}
