package nl.dockerles.docker;

import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chooses the API version like the Go client: docker-java does not negotiate, and a version the daemon
 * does not speak fails (too new on old daemons, too old on Docker 29).
 */
public final class ApiVersions {
    /** The newest API version dockerles was tested against. */
    public static final String NEWEST_TESTED = "1.47";
    private static final Pattern VERSION = Pattern.compile("v?(\\d+)\\.(\\d+)");

    private ApiVersions() {
    }

    /**
     * @param daemonApi    the daemon's ApiVersion from /version
     * @param daemonMinApi the daemon's MinAPIVersion (may be null)
     * @param envOverride  DOCKER_API_VERSION (may be null): wins, as in the docker CLI
     */
    public static String choose(String daemonApi, String daemonMinApi, String envOverride) {
        if (envOverride != null && !envOverride.isBlank()) {
            int[] forced = parse(envOverride.trim());
            if (forced == null) {
                throw new DockerlesException(ExitCode.DOCKER_UNAVAILABLE, "error.docker.api.version.invalid",
                        envOverride.trim());
            }
            int[] minimum = parse(daemonMinApi);
            if (minimum != null && compare(forced, minimum) < 0) {
                // The daemon would answer in English ("client version 1.41 is too old. Minimum supported ...").
                throw new DockerlesException(ExitCode.DOCKER_UNAVAILABLE, "error.api.tooold", format(forced),
                        format(minimum));
            }
            int[] maximum = parse(daemonApi);
            if (maximum != null && compare(forced, maximum) > 0) {
                // The daemon would answer in English ("client version 1.52 is too new. Maximum supported ...").
                throw new DockerlesException(ExitCode.DOCKER_UNAVAILABLE, "error.api.toonew", format(forced),
                        format(maximum));
            }
            return format(forced);
        }
        int[] newest = parse(NEWEST_TESTED);
        int[] daemon = parse(daemonApi);
        int[] chosen = daemon == null || compare(daemon, newest) > 0 ? newest : daemon;
        int[] minimum = parse(daemonMinApi);
        if (minimum != null && compare(chosen, minimum) < 0) {
            chosen = minimum;
        }
        return format(chosen);
    }

    static int compare(int[] a, int[] b) {
        return a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]);
    }

    private static int[] parse(String version) {
        if (version == null) {
            return null;
        }
        Matcher m = VERSION.matcher(version.trim());
        return m.matches() ? new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))} : null;
    }

    private static String format(int[] version) {
        return version[0] + "." + version[1];
    }
}
