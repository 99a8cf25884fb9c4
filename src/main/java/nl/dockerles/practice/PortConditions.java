package nl.dockerles.practice;

import nl.dockerles.daemon.ContainerInfo;
import nl.dockerles.daemon.PortMapping;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

import static nl.dockerles.practice.ContainerVerdicts.fail;
import static nl.dockerles.practice.ContainerVerdicts.failAs;

/** The port conditions of a container check: publishes, loopbackOnly, and http (a GET of the published port). */
final class PortConditions {
    private static final Set<String> LOOPBACK_ONLY = Set.of("127.0.0.1", "::1");
    private final Lookups lookups;
    private final boolean portsReachable;

    /** @param portsReachable whether published ports are on this machine (a local daemon): else no HTTP probe */
    PortConditions(Lookups lookups, boolean portsReachable) {
        this.lookups = lookups;
        this.portsReachable = portsReachable;
    }

    /** publishes, loopbackOnly, http: null when they hold (facts get port and url). */
    Verdict judge(ContainerCheck c, String name, ContainerInfo info, Map<String, String> facts) {
        int port = c.publishes();
        List<PortMapping> tcp = info.ports().stream()
                .filter(p -> p.protocol() == null || p.protocol().equalsIgnoreCase("tcp"))
                .filter(p -> p.hostPort() != null && p.hostPort() > 0)
                .toList();
        List<PortMapping> mine = tcp.stream().filter(p -> p.containerPort() == port).toList();
        if (mine.isEmpty()) {
            if (tcp.isEmpty()) {
                return failAs("publishes", "publishes", name, port);
            }
            return failAs("publishes", "publishes.other", name, port, describe(tcp));
        }
        facts.put("port", String.valueOf(mine.get(0).hostPort()));
        facts.put("containerPort", String.valueOf(port));
        if (Boolean.TRUE.equals(c.loopbackOnly())
                && !mine.stream().allMatch(p -> p.hostIp() != null && LOOPBACK_ONLY.contains(p.hostIp()))) {
            return fail("loopbackOnly", name, port, describe(mine));
        }
        if (Boolean.TRUE.equals(c.http()) && portsReachable) {
            Optional<PortMapping> reachable = mine.stream().filter(p -> reachableOnLoopback(p.hostIp()))
                    .min(java.util.Comparator.comparing(p -> p.hostIp() != null && p.hostIp().contains(":")));
            if (reachable.isEmpty()) {
                return failAs("http", "http.elsewhere", name, port, describe(mine));
            }
            String url = "http://" + DaemonLookups.LOOPBACK + ":" + reachable.get().hostPort() + "/";
            facts.put("port", String.valueOf(reachable.get().hostPort()));
            facts.put("url", url);
            OptionalInt status = lookups.http(reachable.get().hostPort());
            if (status.isEmpty()) {
                return failAs("http", "http", name, url);
            }
            facts.put("httpStatus", String.valueOf(status.getAsInt()));
        }
        return null;
    }

    static boolean reachableOnLoopback(String hostIp) {
        return hostIp == null || hostIp.isEmpty() || hostIp.equals("0.0.0.0") || hostIp.equals("127.0.0.1")
                || hostIp.equals("::");
    }

    /** "0.0.0.0:8080 → 8080/tcp", as docker port shows them. */
    static String describe(List<PortMapping> ports) {
        return ports.stream()
                .map(p -> (p.hostIp() == null || p.hostIp().isEmpty() ? "0.0.0.0" : p.hostIp().contains(":")
                        ? "[" + p.hostIp() + "]" : p.hostIp()) + ":" + p.hostPort() + " → " + p.containerPort() + "/"
                        + (p.protocol() == null ? "tcp" : p.protocol()))
                .distinct()
                .collect(Collectors.joining(", "));
    }
}
