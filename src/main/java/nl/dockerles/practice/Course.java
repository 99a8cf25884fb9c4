package nl.dockerles.practice;

import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.Message;
import nl.dockerles.content.ContentFiles;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** The exercises packaged under demos/oefen/: one file per section that has them. */
public final class Course {

    public boolean has(String section) {
        return ContentFiles.exists(file(section));
    }

    public Optional<ExerciseSet> find(String section) {
        return has(section) ? Optional.of(load(section)) : Optional.empty();
    }

    public ExerciseSet load(String section) {
        ExerciseSet set = ContentFiles.read(file(section), ExerciseSet.class);
        if (!section.equals(set.section())) {
            throw new DockerlesException(ExitCode.CONTENT, "error.content.invalid", file(section),
                    new Message("error.content.section", set.section(), section));
        }
        return set;
    }

    /** Reads one exercise file; an unknown check kind or condition is an IOException (Jackson's). */
    ExerciseSet parse(InputStream in) throws IOException {
        return ContentFiles.parse(in, ExerciseSet.class);
    }

    private static String file(String section) {
        return "oefen/" + section + ".yaml";
    }
}
