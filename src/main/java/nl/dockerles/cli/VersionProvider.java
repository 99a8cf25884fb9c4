package nl.dockerles.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** "dockerles 0.1.0", from the version Maven filtered into the jar. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/nl/dockerles/version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        }
        return new String[] {"dockerles " + properties.getProperty("version", "?")};
    }
}
