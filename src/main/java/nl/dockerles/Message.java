package nl.dockerles;

/**
 * A text not said yet: a key of the bundles and its values, put into words by {@link Messages} in the user's
 * language. Code that does not know the language (the connector, the daemon calls) hands this on, for instance as
 * a value of a {@link DockerlesException}; a list of them is said one per line.
 */
public record Message(String key, Object... args) {

    /** The key and values, for logs and debugging; a user reads {@code Messages.get}. */
    @Override
    public String toString() {
        return args.length == 0 ? key : key + " " + java.util.Arrays.toString(args);
    }
}
