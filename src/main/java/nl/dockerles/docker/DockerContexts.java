package nl.dockerles.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/** Reads docker CLI contexts the way the docker CLI does: config.json, then contexts/meta/&lt;sha256&gt;/meta.json. */
final class DockerContexts {
    static final String DEFAULT_CONTEXT = "default";
    private static final ObjectMapper JSON = new ObjectMapper();

    private DockerContexts() {
    }

    /** A context's docker endpoint, and its TLS material when the context has any. */
    record Endpoint(String host, Path tlsDir) {
    }

    /** $DOCKER_CONFIG, else ~/.docker. */
    static Path configDir(Map<String, String> env, Path home) {
        String dir = env.get("DOCKER_CONFIG");
        return isBlank(dir) ? home.resolve(".docker") : Path.of(dir);
    }

    /** DOCKER_CONTEXT, else currentContext from config.json; empty for none or "default". */
    static Optional<String> currentContext(Map<String, String> env, Path configDir) {
        String name = env.get("DOCKER_CONTEXT");
        if (isBlank(name)) {
            name = readConfig(configDir).path("currentContext").asText("");
        }
        name = name.trim();
        return name.isEmpty() || DEFAULT_CONTEXT.equals(name) ? Optional.empty() : Optional.of(name);
    }

    /** The endpoint of a named context; an unknown name is an error, as in the docker CLI. */
    static Endpoint endpoint(Path configDir, String name) {
        Path meta = configDir.resolve("contexts").resolve("meta").resolve(sha256Hex(name)).resolve("meta.json");
        String host = "";
        if (Files.isRegularFile(meta)) {
            try {
                host = JSON.readTree(meta.toFile()).path("Endpoints").path("docker").path("Host").asText("");
            } catch (IOException e) {
                host = "";
            }
        }
        if (host.isBlank()) {
            throw new DockerlesException(ExitCode.DOCKER_UNAVAILABLE, "error.docker.context.unknown", name,
                    configDir.resolve("contexts").toString());
        }
        Path tls = configDir.resolve("contexts").resolve("tls").resolve(sha256Hex(name)).resolve("docker");
        return new Endpoint(host, Files.isDirectory(tls) ? tls : null);
    }

    static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // A broken or absent config.json means "no context", as far as finding the daemon goes.
    private static JsonNode readConfig(Path configDir) {
        Path config = configDir.resolve("config.json");
        if (!Files.isRegularFile(config)) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(config.toFile());
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
