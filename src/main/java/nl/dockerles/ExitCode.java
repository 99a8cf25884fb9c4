package nl.dockerles;

/** Every exit code of dockerles, in one place (README lists them). */
public enum ExitCode {
    OK(0),
    /** Something went wrong that has no code of its own. */
    ERROR(1),
    /** Wrong command line: unknown option, unknown section. */
    USAGE(2),
    /** No Docker daemon could be reached. */
    DOCKER_UNAVAILABLE(3),
    /** A name (container) that the section needs belongs to someone else. */
    CONFLICT(4),
    /** An image is missing and could not be pulled. */
    IMAGE_MISSING(5),
    /** The daemon answered with an error the step could not handle. */
    DOCKER_ERROR(6),
    /** Content under demos/ is invalid. */
    CONTENT(7),
    /** {@code dockerles check}: something the workshop needs is missing here (images, free ports, disk). */
    CHECK_FAILED(8),
    /** {@code dockerles oefen <sectie> --check}: the exercise is not done (yet). */
    NOT_DONE(9),
    /** Interrupted with Ctrl-C (after cleaning up). */
    INTERRUPTED(130);

    public final int code;

    ExitCode(int code) {
        this.code = code;
    }
}
