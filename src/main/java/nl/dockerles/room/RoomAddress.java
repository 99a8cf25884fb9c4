package nl.dockerles.room;

import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the page listens, from {@code --meekijken[=lan|ADRES[:POORT]]}: this laptop only (127.0.0.1) unless
 * the presenter asks for the room. {@code shown} is the host in the address students open.
 *
 * @param port 0: the preferred port when it is free, otherwise any free one
 */
public record RoomAddress(InetAddress bind, String shown, int port, boolean loopback) {
    /** The port the page tries first, so that the address stays the same between demos. */
    public static final int PREFERRED_PORT = 8700;
    private static final Pattern BRACKETED = Pattern.compile("\\[([^]]+)](?::(.*))?");
    private static final List<String> VIRTUAL = List.of("docker", "br-", "veth", "virbr", "cni", "flannel", "vmnet",
            "vboxnet", "tun", "tap", "wg", "zt", "tailscale", "lxc", "lxd", "podman");

    /** Parses the option's value: empty, "local" or "lokaal" for this laptop, "lan" or "zaal" for the room. */
    public static RoomAddress parse(String value) {
        String text = value == null ? "" : value.strip();
        String host = text;
        String port = null;
        Matcher bracketed = BRACKETED.matcher(text);
        if (bracketed.matches()) {
            host = bracketed.group(1);
            port = bracketed.group(2);
        } else if (text.indexOf(':') >= 0 && text.indexOf(':') == text.lastIndexOf(':')) {
            host = text.substring(0, text.indexOf(':'));
            port = text.substring(text.indexOf(':') + 1);
        }
        int number = 0;
        if (port != null) {
            number = port.matches("\\d{1,5}") ? Integer.parseInt(port) : -1;
            if (number < 1 || number > 65535) {
                throw invalid(value);
            }
        }
        return of(host, number, value);
    }

    private static RoomAddress of(String host, int port, String value) {
        switch (host.toLowerCase(Locale.ROOT)) {
            case "", "local", "lokaal", "localhost" -> {
                return new RoomAddress(loopbackV4(), "127.0.0.1", port, true);
            }
            case "lan", "zaal", "room" -> {
                String shown = lanAddress().orElseThrow(
                        () -> new DockerlesException(ExitCode.USAGE, "error.room.nolan"));
                return new RoomAddress(anyAddress(), shown, port, false);
            }
            default -> {
                if (!host.matches("\\d{1,3}(\\.\\d{1,3}){3}|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*")) {
                    throw invalid(value);
                }
                try {
                    InetAddress address = InetAddress.getByName(host);
                    String shown = address instanceof Inet4Address ? address.getHostAddress()
                            : "[" + address.getHostAddress() + "]";
                    if (address.isAnyLocalAddress()) {
                        shown = lanAddress().orElse(shown);
                    }
                    return new RoomAddress(address, shown, port, address.isLoopbackAddress());
                } catch (UnknownHostException e) {
                    throw invalid(value);
                }
            }
        }
    }

    private static DockerlesException invalid(String value) {
        return new DockerlesException(ExitCode.USAGE, "error.room.address", value);
    }

    private static InetAddress loopbackV4() {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InetAddress anyAddress() {
        try {
            return InetAddress.getByName("0.0.0.0");
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** This laptop's address in the room's network: an IPv4 address of a real interface that is up. */
    static Optional<String> lanAddress() {
        try {
            return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                    .filter(RoomAddress::usable)
                    .sorted(Comparator.comparing(NetworkInterface::getIndex))
                    .flatMap(nic -> Collections.list(nic.getInetAddresses()).stream())
                    .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                    .map(InetAddress::getHostAddress)
                    .findFirst();
        } catch (SocketException e) {
            return Optional.empty();
        }
    }

    private static boolean usable(NetworkInterface nic) {
        try {
            String name = nic.getName().toLowerCase(Locale.ROOT);
            return nic.isUp() && !nic.isLoopback() && !nic.isVirtual() && VIRTUAL.stream().noneMatch(name::startsWith);
        } catch (SocketException e) {
            return false;
        }
    }
}
