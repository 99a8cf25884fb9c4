package nl.dockerles.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** "dockerles 0.1.0 (commit 93da3c28b8)", from the version and the commit the build put into the jar. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/nl/dockerles/version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        }
        String commit = "";
        try (InputStream in = VersionProvider.class.getResourceAsStream("/nl/dockerles/commit.txt")) {
            if (in != null) {
                commit = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            }
        }
        // Built outside a git checkout: git's error instead of a commit, so it is left out.
        boolean known = commit.matches("[0-9a-f]{7,40}");
        return new String[] {"dockerles " + properties.getProperty("version", "?") + (known ? " (commit " + commit + ")" : "")};
    }
}
