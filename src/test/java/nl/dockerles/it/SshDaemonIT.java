package nl.dockerles.it;

import com.github.dockerjava.api.model.Event;
import nl.dockerles.it.DockerlesJar.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daemon over ssh, as a presenter reaches one: {@code DOCKER_HOST=ssh://root@127.0.0.1:PORT} and an ssh
 * context, against an sshd of our own (Debian's openssh-server) on a free port of 127.0.0.1, with a host key and
 * a client key made here. The remote side's docker is this machine's docker command, so the daemon at the other
 * end is the usual one: what dockerles did there is checked through Testcontainers' own client.
 *
 * <p>ssh reads ~/.ssh/config of the user's home from the password database, not from $HOME, so the test's own ssh
 * configuration goes in through a stand-in {@code ssh} first on PATH that runs the real one with {@code -F}: the
 * command line dockerles builds is otherwise exactly what runs. No sshd here is a failure, never a skip.
 */
class SshDaemonIT {
    private static final Duration LIMIT = Duration.ofSeconds(90);
    private static final String ALIAS = "dockerles-ssh-test";
    private static Path dir;
    private static Process sshd;
    private static int port;
    private static boolean madeRunSshd;

    private static int runs;
    private Path tmp;

    @BeforeAll
    static void startSshd() throws Exception {
        Path sshdBinary = Path.of("/usr/sbin/sshd");
        assertThat(sshdBinary).as("sshd from openssh-server (.ci/docker-setup installs it)").isExecutable();
        assertThat(Path.of("/usr/bin/ssh")).as("ssh from openssh-client").isExecutable();
        dir = Files.createTempDirectory("dockerles-sshd-");
        run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "sshd", "-f", dir.resolve("host_key").toString());
        run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "client", "-f", dir.resolve("id").toString());
        run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "stranger", "-f", dir.resolve("other_id").toString());
        Files.copy(dir.resolve("id.pub"), dir.resolve("authorized_keys"));
        port = freePort();
        Path dockerDir = which("docker").getParent();
        Files.writeString(dir.resolve("sshd_config"), String.join("\n",
                "Port " + port,
                "ListenAddress 127.0.0.1",
                "HostKey " + dir.resolve("host_key"),
                "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
                "PidFile " + dir.resolve("sshd.pid"),
                "PermitRootLogin prohibit-password",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "UsePAM no",
                "StrictModes no",
                "LogLevel VERBOSE",
                "SetEnv PATH=" + dockerDir + ":/usr/local/bin:/usr/bin:/bin" + remoteDockerHost(),
                ""));
        Path privsep = Path.of("/run/sshd"); // sshd wants its privilege separation folder, as its service makes it
        if (!Files.isDirectory(privsep)) {
            Files.createDirectories(privsep);
            madeRunSshd = true;
        }
        sshd = new ProcessBuilder(sshdBinary.toString(), "-D", "-e", "-f", dir.resolve("sshd_config").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("sshd.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!listening(port)) {
            assertThat(sshd.isAlive()).as("sshd runs; its log:\n" + log()).isTrue();
            assertThat(System.nanoTime()).as("sshd listens within 10 s").isLessThan(deadline);
            sshd.waitFor(50, TimeUnit.MILLISECONDS);
        }
        String hostKey = Files.readString(dir.resolve("host_key.pub")).strip();
        Files.writeString(dir.resolve("known_hosts"), "[127.0.0.1]:" + port + " " + hostKey + "\n");
        Files.writeString(dir.resolve("empty_known_hosts"), "");
        writeConfig("ssh_config", "id", "known_hosts");
        writeConfig("ssh_config_unknown_host", "id", "empty_known_hosts");
        writeConfig("ssh_config_wrong_key", "other_id", "known_hosts");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path wrapper = bin.resolve("ssh");
        Files.writeString(wrapper, "#!/bin/sh\nexec /usr/bin/ssh -F \"$DOCKERLES_TEST_SSH_CONFIG\" \"$@\"\n");
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** The daemon the tests check is the one at the other end: the same DOCKER_HOST there, when one is set. */
    private static String remoteDockerHost() {
        String host = System.getenv("DOCKER_HOST");
        return host == null || host.isBlank() || host.contains(" ") ? "" : " DOCKER_HOST=" + host;
    }

    private static void writeConfig(String name, String identity, String knownHosts) throws IOException {
        Files.writeString(dir.resolve(name), String.join("\n",
                "Host " + ALIAS,
                "  HostName 127.0.0.1",
                "  Port " + port,
                "  User root",
                "Host *",
                "  IdentityFile " + dir.resolve(identity),
                "  IdentitiesOnly yes",
                "  IdentityAgent none",
                "  UserKnownHostsFile " + dir.resolve(knownHosts),
                "  GlobalKnownHostsFile /dev/null",
                "  StrictHostKeyChecking yes",
                ""));
    }

    @AfterAll
    static void stopSshd() throws Exception {
        if (sshd != null) {
            sshd.destroy();
            sshd.waitFor(5, TimeUnit.SECONDS);
        }
        if (madeRunSshd) {
            Files.deleteIfExists(Path.of("/run/sshd"));
        }
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @BeforeEach
    void freshTemporaryFolder() throws IOException {
        // Short: the socket dockerles makes in it must fit in a unix socket's path.
        tmp = Files.createDirectory(dir.resolve("t" + (++runs)));
    }

    /** After every run: no ssh process of ours, no socket or folder in TMPDIR, no container of a section. */
    @AfterEach
    void nothingLeftBehind() throws Exception {
        assertThat(sshProcesses()).as("ssh processes of this test").isEmpty();
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left.toList()).as("left in TMPDIR").isEmpty();
        }
        assertThat(DaemonState.managedContainers("isolation")).as("containers labelled by dockerles").isEmpty();
    }

    private Map<String, String> env(String config, String... more) {
        java.util.HashMap<String, String> env = new java.util.HashMap<>(Map.of(
                "PATH", dir.resolve("bin") + File.pathSeparator + System.getenv("PATH"),
                "DOCKERLES_TEST_SSH_CONFIG", dir.resolve(config).toString(),
                "TMPDIR", tmp.toString(),
                "DOCKER_HOST", "", "DOCKER_CONTEXT", ""));
        for (int i = 0; i + 1 < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return env;
    }

    private static String sshHost() {
        return "ssh://root@127.0.0.1:" + port;
    }

    @Test
    void checkAndASectionRunAgainstTheDaemonOverSsh() throws Exception {
        String version = DaemonState.client().versionCmd().exec().getVersion();
        int loginsBefore = logins();

        long t0 = System.nanoTime();
        Result check = DockerlesJar.run(LIMIT, env("ssh_config", "DOCKER_HOST", sshHost()), "check");
        long checkMillis = (System.nanoTime() - t0) / 1_000_000;
        assertThat(check.exitCode()).as(check.err() + check.out()).isZero();
        assertThat(check.err()).isEmpty();
        String checkText = DatabaseIT.flat(check.out());
        assertThat(checkText).contains("Docker daemon bereikbaar op " + sshHost(),
                (DaemonState.podman() ? "Podman " : "Docker Engine ") + version, "De daemon draait op een andere machine (" + sshHost() + ")",
                "via ssh, met docker system dial-stdio");
        assertThat(logins()).as("sshd let the test's key in:\n" + log()).isGreaterThan(loginsBefore);

        int loginsBeforeDemo = logins();
        Instant start = Instant.now();
        t0 = System.nanoTime();
        Result demo = DockerlesJar.run(LIMIT, env("ssh_config", "DOCKER_HOST", sshHost()), "demo", "isolation", "--auto");
        long sshMillis = (System.nanoTime() - t0) / 1_000_000;
        Instant end = Instant.now();
        int sshConnections = logins() - loginsBeforeDemo;
        String out = demo.out();
        assertThat(demo.exitCode()).as(demo.err() + out).isZero();
        assertThat(demo.err()).isEmpty();
        assertThat(out.replace("{ps}", "")).doesNotContainPattern(IsolationIT.UNFILLED);
        // Remote: the host's process list is that machine's, not this one's, and dockerles says so.
        String flat = DatabaseIT.flat(out);
        assertThat(flat).contains("De Docker daemon draait op een andere machine (" + sshHost() + ")")
                .contains("niet op deze");
        assertThat(out).doesNotContainPattern("(?m)^\\s*PID USER\\s+CMD$");
        // The daemon at the other end really made, started and removed the container.
        List<Event> events = DaemonState.events("isolation", start, end);
        // The removal: Docker says destroy, Podman remove.
        assertThat(events).extracting(Event::getAction).containsSubsequence("create", "start",
                DaemonState.podman() ? "remove" : "destroy");
        assertThat(events.stream().filter(e -> "create".equals(e.getAction())).toList()).hasSize(1)
                .allSatisfy(e -> assertThat(e.getActor().getAttributes()).containsEntry("name", "cel"));

        // The same over the daemon's own socket, for the comparison in the report.
        t0 = System.nanoTime();
        Result localCheck = DockerlesJar.run(LIMIT, Map.of("TMPDIR", tmp.toString()), "check");
        long localCheckMillis = (System.nanoTime() - t0) / 1_000_000;
        assertThat(localCheck.exitCode()).as(localCheck.err()).isZero();
        t0 = System.nanoTime();
        Result local = DockerlesJar.run(LIMIT, Map.of("TMPDIR", tmp.toString()), "demo", "isolation", "--auto");
        long localMillis = (System.nanoTime() - t0) / 1_000_000;
        assertThat(local.exitCode()).as(local.err()).isZero();
        System.out.printf("[ssh] check: over ssh %d ms, over the socket %d ms; demo isolation --auto: over ssh %d ms "
                + "(%d ssh connections), over the socket %d ms%n", checkMillis, localCheckMillis, sshMillis,
                sshConnections, localMillis);
    }

    @Test
    void theRemoteSectionForwardsItsTcpPortOverSshToTheSameDaemon() throws Exception {
        Result demo = DockerlesJar.run(LIMIT, env("ssh_config", "DOCKER_HOST", sshHost()), "demo", "remote", "--auto");
        String out = demo.out();
        assertThat(demo.exitCode()).as(demo.err() + out).isZero();
        assertThat(demo.err()).isEmpty();
        assertThat(out).doesNotContainPattern(DatabaseIT.UNFILLED);
        // The port is on this machine; what answers behind it is the daemon over ssh, and the screen says so.
        int tcpPort = Integer.parseInt(DatabaseIT.group(out, "\\$ docker -H tcp://127\\.0\\.0\\.1:(\\d+) ps"));
        assertThat(DatabaseIT.step(out, 4)).contains("tcp://127.0.0.1:" + tcpPort + " → " + sshHost());
        assertThat(DatabaseIT.step(out, 5)).containsPattern("busybox(:latest)? +\"sleep 300\" .* bewoner"); // Podman: busybox:latest
        assertThat(DatabaseIT.step(out, 7)).contains("127.0.0.1:" + tcpPort + ": Connection refused");
        assertThat(DaemonState.managedContainers("remote")).as("containers labelled by dockerles").isEmpty();
    }

    @Test
    void ctrlCForTheWholeTerminalStillCleansUpOverSshAndLeavesNothing() throws Exception {
        DockerlesJar demo = DockerlesJar.start(env("ssh_config", "DOCKER_HOST", sshHost()), "demo", "lifecycle");
        // The stop step takes ~10 s: interrupt while the container exists.
        assertThat(demo.awaitOutput("$ docker stop demo", LIMIT)).as(demo.out()).isTrue();
        assertThat(DaemonState.managedContainers("lifecycle")).hasSize(1);
        // A terminal sends Ctrl-C to its whole foreground group: to dockerles and to its ssh processes alike.
        List<ProcessHandle> ssh = sshProcesses();
        assertThat(ssh).isNotEmpty();
        for (ProcessHandle process : ssh) {
            run("kill", "-INT", Long.toString(process.pid()));
        }
        demo.interrupt();
        Result result = demo.await(LIMIT);

        assertThat(result.exitCode()).as(result.err()).isEqualTo(130);
        assertThat(result.err()).contains("Onderbroken. Opgeruimd wat deze demo maakte: demo");
        assertThat(DaemonState.managedContainers("lifecycle")).as("containers labelled by dockerles").isEmpty();
    }

    @Test
    void anSshContextWithAHostFromSshConfig() throws Exception {
        Path config = Files.createDirectories(tmp.getParent().resolve("docker-config-" + tmp.getFileName()));
        Path meta = Files.createDirectories(config.resolve("contexts/meta").resolve(sha256("werk")));
        Files.writeString(meta.resolve("meta.json"), "{\"Name\":\"werk\",\"Metadata\":{},\"Endpoints\":{\"docker\":"
                + "{\"Host\":\"ssh://" + ALIAS + "\",\"SkipTLSVerify\":false}}}");
        Files.writeString(config.resolve("config.json"), "{\"currentContext\":\"werk\"}");

        Result check = DockerlesJar.run(LIMIT, env("ssh_config", "DOCKER_CONFIG", config.toString()), "check");
        assertThat(check.exitCode()).as(check.err() + check.out()).isZero();
        assertThat(DatabaseIT.flat(check.out())).contains("Docker daemon bereikbaar op ssh://" + ALIAS,
                "via ssh, met docker system dial-stdio");
    }

    @Test
    void anUnknownHostKeyIsExplainedWithWhatWasTried() throws Exception {
        Result check = DockerlesJar.run(LIMIT, env("ssh_config_unknown_host", "DOCKER_HOST", sshHost()), "check");
        assertThat(check.exitCode()).isEqualTo(3);
        String text = DatabaseIT.flat(check.err() + check.out());
        assertThat(text).contains("ssh vertrouwt de machine 127.0.0.1 nog niet",
                "Geprobeerd: ssh -o BatchMode=yes -o ConnectTimeout=30 -T -l root -p " + port
                        + " -- 127.0.0.1 docker system dial-stdio",
                "Host key verification failed", "log een keer zelf in met ssh -p " + port + " root@127.0.0.1")
                .doesNotContain("Exception");
    }

    @Test
    void aKeyTheMachineDoesNotKnowIsExplained() throws Exception {
        Result check = DockerlesJar.run(LIMIT, env("ssh_config_wrong_key", "DOCKER_HOST", sshHost()), "check");
        assertThat(check.exitCode()).isEqualTo(3);
        String text = DatabaseIT.flat(check.err() + check.out());
        assertThat(text).contains("De machine 127.0.0.1 laat je via ssh niet binnen", "Permission denied",
                "ssh-copy-id").doesNotContain("Exception");
    }

    @Test
    void withoutSshOnThePathDockerlesSaysToInstallIt() throws Exception {
        Path emptyBin = Files.createDirectories(tmp.getParent().resolve("nobin-" + tmp.getFileName()));
        Map<String, String> env = env("ssh_config", "DOCKER_HOST", sshHost());
        env.put("PATH", emptyBin.toString());
        Result check = DockerlesJar.run(LIMIT, env, "check");
        assertThat(check.exitCode()).isEqualTo(3);
        assertThat(DatabaseIT.flat(check.err() + check.out())).contains("het programma ssh nodig",
                "sudo apt install openssh-client");
    }

    // --- helpers ---

    /** ssh processes started through this test's configuration (the stand-in passes it on with -F). */
    private static List<ProcessHandle> sshProcesses() {
        String marker = dir.toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/ssh")).orElse(false))
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
                .toList();
    }

    private static int logins() throws IOException {
        return (int) log().lines().filter(line -> line.contains("Accepted publickey for root")).count();
    }

    private static String log() throws IOException {
        Path log = dir.resolve("sshd.log");
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static Path which(String program) {
        for (String entry : System.getenv("PATH").split(File.pathSeparator)) {
            Path candidate = Path.of(entry, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError(program + " is not on PATH");
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
