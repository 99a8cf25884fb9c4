package nl.dockerles.cli;

import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;

/** --prefix jan: names become "jan-demo"; Docker wants lower case letters, digits and . _ - in them. */
final class Prefix {
    private Prefix() {
    }

    static String normalize(String prefix) {
        if (prefix == null || prefix.isBlank()) {
            return "";
        }
        String value = prefix.strip();
        if (!value.matches("[a-z0-9][a-z0-9_.-]{0,30}")) {
            throw new DockerlesException(ExitCode.USAGE, "error.prefix.invalid", value);
        }
        return value.matches(".*[-_.]$") ? value : value + "-";
    }
}
