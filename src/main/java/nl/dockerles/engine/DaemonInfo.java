package nl.dockerles.engine;

/** The daemon dockerles is connected to: where, which version, which API version we chose. */
public record DaemonInfo(String host, String serverVersion, String apiVersion, String negotiatedApiVersion,
                         String os, String architecture, String operatingSystem, String kernelVersion) {
}
