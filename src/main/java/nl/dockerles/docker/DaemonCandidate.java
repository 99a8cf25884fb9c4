package nl.dockerles.docker;

import java.net.URI;
import java.nio.file.Path;

/**
 * One place where a Docker daemon may listen.
 *
 * @param host        the endpoint, e.g. {@code unix:///var/run/docker.sock} or {@code tcp://host:2376}
 * @param source      why we try it ("DOCKER_HOST", "context work", "socket"), for the failure message
 * @param tlsCertPath directory with ca.pem, cert.pem and key.pem when TLS is to be used, else null
 */
public record DaemonCandidate(URI host, String source, Path tlsCertPath) {

    public String scheme() {
        return host.getScheme() == null ? "" : host.getScheme().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean isUnixSocket() {
        return "unix".equals(scheme());
    }

    /** The socket file of a unix:// endpoint. */
    public Path socketPath() {
        return Path.of(host.getPath());
    }

    /** How the failure message names it: the URI, plus where it came from unless it is a default socket. */
    public String describe() {
        return "socket".equals(source) ? host.toString() : host + " (" + source + ")";
    }
}
