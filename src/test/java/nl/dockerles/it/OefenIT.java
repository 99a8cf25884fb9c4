package nl.dockerles.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code dockerles oefen}: every exercise done for real with the docker CLI, as a student would in another
 * terminal, and {@code --check} says it is done; a wrong attempt first, which must not pass and must print its
 * hint. Every name has a prefix of this test (other tests use this daemon too), everything made carries the
 * label nl.dockerles.test=oefen and is removed afterwards.
 */
class OefenIT {
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final String TEST_LABEL = "nl.dockerles.test";
    private static final String RUN_LABEL = "nl.dockerles.test.run";
    private String prefix;
    private Path data;
    private final List<Path> folders = new ArrayList<>();

    @BeforeEach
    void fresh() throws IOException {
        byte[] bytes = new byte[3];
        new SecureRandom().nextBytes(bytes);
        prefix = "t" + HexFormat.of().formatHex(bytes);
        data = Files.createTempDirectory("dockerles-oefen-data");
        folders.add(data);
    }

    @AfterEach
    void removeWhatTheTestMade() throws Exception {
        String filter = "label=" + RUN_LABEL + "=" + prefix;
        List<String> containers = lines(docker(true, "ps", "-aq", "--filter", filter));
        if (!containers.isEmpty()) {
            List<String> rm = new ArrayList<>(List.of("rm", "-f", "-v"));
            rm.addAll(containers);
            docker(true, rm.toArray(String[]::new));
        }
        for (String image : lines(docker(true, "images", "-q", "--filter", filter))) {
            docker(true, "rmi", "-f", image);
        }
        for (String image : lines(docker(true, "images", "--format", "{{.Repository}}:{{.Tag}}"))) {
            // Podman names a committed image localhost/NAME.
            if (image.startsWith(prefix + "-") || image.startsWith("localhost/" + prefix + "-")) {
                docker(true, "rmi", "-f", image);
            }
        }
        for (String volume : lines(docker(true, "volume", "ls", "-q"))) {
            if (volume.startsWith(prefix + "-")) {
                docker(true, "volume", "rm", "-f", volume);
            }
        }
        for (Path folder : folders) {
            try (Stream<Path> paths = Files.walk(folder)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        assertThat(lines(docker(true, "ps", "-aq", "--filter", filter))).as("containers of this test").isEmpty();
        assertThat(lines(docker(true, "ps", "-aq", "--filter", "label=nl.dockerles.section=oefen",
                "--filter", "label=nl.dockerles.prefix=" + prefix + "-"))).as("look-up containers of dockerles").isEmpty();
    }

    // --- the sections ---

    @Test
    void lifecycle() throws Exception {
        // Wrong: without -it sh ends at once.
        docker("run", "--name", n("proef"), labels(), "busybox", "sh");
        assertNotDone("lifecycle", 1, "Container " + n("proef") + " draait niet (status exited, exitcode 0).",
                "Zonder -it heeft sh geen invoer en stopt hij meteen.");
        assertNotDone("lifecycle", 2, "Container " + n("proef") + " stopte met exitcode 0, niet met 137.",
                "Exitcode 0 betekent: de shell stopte zelf");
        docker("rm", n("proef"));
        docker("run", "-dit", "--name", n("proef"), labels(), "busybox", "sh");
        assertDone("lifecycle", 1, "draait (ID ");
        assertNotDone("lifecycle", 2, "heeft status running; de opdracht vraagt exited.");
        docker("stop", "-t", "1", n("proef"));
        assertDone("lifecycle", 2, "exitcode 137: 128 + 9, SIGKILL");

        docker("run", "-d", "--name", n("snel"), labels(), "busybox", "sleep", "300");
        docker("stop", "-t", "1", n("snel"));
        assertNotDone("lifecycle", 3, "Container " + n("snel") + " is gestart zonder --init.",
                "Zonder --init is sleep zelf PID 1");
        docker("rm", n("snel"));
        docker("run", "-d", "--init", "--name", n("snel"), labels(), "busybox", "sleep", "300");
        docker("stop", n("snel"));
        // Docker ends it with 143 (SIGTERM passed on); Podman 4.3 with 137 (measured): the text says which it was.
        assertDone("lifecycle", 3, "snel stopte met exitcode " + (podman() ? 137 : 143) + ".",
                "Docker geeft hier 143: 128 + 15, SIGTERM.");
    }

    @Test
    void isolation() throws Exception {
        docker("run", "-d", "--name", n("kamer"), labels(), "busybox", "sleep", "600");
        assertNotDone("isolation", 1, "heeft binnen de hostnaam ", ", niet eiland.",
                "Een hostnaam kies je bij het starten.");
        docker("rm", "-f", n("kamer"));
        docker("run", "-d", "--name", n("kamer"), "--hostname", "eiland", labels(), "busybox", "sleep", "600");
        assertDone("isolation", 1, "heet binnen eiland");

        docker("run", "-d", "--name", n("krap"), "--memory", "128m", labels(), "busybox", "sleep", "600");
        assertNotDone("isolation", 2, "Container " + n("krap") + " mag 128 MiB geheugen gebruiken, niet 64 MiB.");
        docker("rm", "-f", n("krap"));
        docker("run", "-d", "--name", n("krap"), "--memory", "64m", labels(), "busybox", "sleep", "600");
        assertDone("isolation", 2, "mag 64 MiB gebruiken");

        docker("run", "-d", "--name", n("gluurder"), labels(), "busybox", "sleep", "600");
        assertNotDone("isolation", 3, "heeft zijn eigen PID-namespace; de opdracht vraagt --pid host.");
        docker("rm", "-f", n("gluurder"));
        docker("run", "-d", "--name", n("gluurder"), "--pid", "host", labels(), "busybox", "sleep", "600");
        assertDone("isolation", 3, "ziet nu alle processen van de host");
    }

    @Test
    void run() throws Exception {
        // Wrong: created without -d, attached to a terminal (docker create keeps the attach settings of run).
        docker("create", "--name", n("slaper"), labels(), "busybox", "sleep", "60");
        docker("start", n("slaper"));
        if (podman()) {
            // Podman's inspect says AttachStdout=false for every container: the verdict names what it could not check.
            assertDone("run", 1, "draait op de achtergrond", "Let op: Podman laat niet zien of een container met -d is"
                    + " gestart. Dat kon ik hier dus niet nakijken.");
        } else {
            assertNotDone("run", 1, "is niet met -d gestart: hij hangt aan een terminal.", "Zonder -d hangt de container");
        }
        docker("rm", "-f", n("slaper"));
        docker("run", "-d", "--name", n("slaper"), labels(), "busybox", "sleep", "60");
        assertDone("run", 1, "draait op de achtergrond");

        docker("run", "--name", n("exit3"), labels(), "busybox", "true");
        assertNotDone("run", 2, "stopte met exitcode 0, niet met 3.", "probeer het opnieuw met sh -c 'exit 3'");
        docker("rm", n("exit3"));
        DockerResult exit3 = docker(true, "run", "--name", n("exit3"), labels(), "busybox", "sh", "-c", "exit 3");
        assertThat(exit3.code()).isEqualTo(3);
        assertDone("run", 2, "status exited met exitcode 3");
    }

    @Test
    void restart() throws Exception {
        docker("run", "-d", "--name", n("stuiter"), labels(), "busybox", "sh", "-c",
                "echo foo && sleep 2");
        assertNotDone("restart", 1, "heeft het herstartbeleid no, niet always.", "Het beleid ligt vast bij het starten.");
        removeRestarting(n("stuiter"));
        docker("run", "-d", "--restart=always", "--name", n("stuiter"), labels(), "busybox", "sh",
                "-c", "echo foo && sleep 2");
        DockerlesJar.Result waiting = check("restart", 1);
        assertThat(waiting.exitCode()).as(waiting.out()).isEqualTo(9);
        assertThat(waiting.out()).containsPattern("is [0-2] keer herstart; wacht tot het er 3 zijn.");
        assertEventuallyDone("restart", 1, Duration.ofSeconds(40), "Docker herstartte hem al ");

        docker("run", "-d", "--restart=always", "--name", n("opgever"), labels(), "busybox", "sh", "-c", "exit 1");
        assertNotDone("restart", 2, "heeft het herstartbeleid always, niet on-failure:2.", "always geeft nooit op");
        removeRestarting(n("opgever"));
        docker("run", "-d", "--restart=on-failure:2", "--name", n("opgever"), labels(), "busybox", "sh", "-c",
                "exit 1");
        assertEventuallyDone("restart", 2, Duration.ofSeconds(20), "is 2 keer herstart en staat nu stil met exitcode 1");
    }

    @Test
    void ports() throws Exception {
        // The watcher: it marks the start of the exercise, calls out the wrong attempt, says when it is done.
        DockerlesJar watcher = DockerlesJar.start(env(), "oefen", "ports", "--prefix", prefix);
        try {
            assertThat(watcher.awaitOutput("Opdracht 1/2 · nginx naar buiten", LIMIT)).as(watcher.out()).isTrue();
            docker("run", "-d", "--name", n("fout"), "-p", "127.0.0.1::8080", labels(), "nginx");
            assertNotDone("ports", 1, "Container " + n("fout") + " publiceert 127.0.0.1:",
                    " → 8080/tcp, maar niet poort 80 van de container.",
                    "Rechts van de laatste dubbele punt in -p staat de poort in de container");
            assertThat(watcher.awaitOutput("8080/tcp,", Duration.ofSeconds(10)))
                    .as("the watcher calls out the wrong attempt:\n" + watcher.out()).isTrue();

            docker("run", "-d", "--name", n("goed"), "-p", "127.0.0.1::80", labels(), "nginx");
            long ran = System.nanoTime();
            assertThat(watcher.awaitOutput("✓ Gelukt!", Duration.ofSeconds(10))).as(watcher.out()).isTrue();
            Duration took = Duration.ofNanos(System.nanoTime() - ran);
            assertThat(took).as("nginx started and answered, and the watcher saw it").isLessThan(Duration.ofSeconds(5));
            // The next task follows the success line (it is printed a moment later, not in the same write).
            assertThat(watcher.awaitOutput("Opdracht 2/2 · Nog een, alleen voor deze laptop", Duration.ofSeconds(10)))
                    .as(watcher.out()).isTrue();
            assertThat(watcher.out().replaceAll("\\s+", " ")).contains("geeft antwoord (status 200)",
                    "in container " + n("goed"));
        } finally {
            watcher.interrupt();
            watcher.await(Duration.ofSeconds(20));
        }
        String port = docker("port", n("goed"), "80").out().strip().replaceFirst(".*:", "");

        // The brief's example: a fresh student, a container that publishes nginx's 80 and answers: done.
        Path other = Files.createTempDirectory("dockerles-oefen-data");
        folders.add(other);
        DockerlesJar.Result fresh = DockerlesJar.run(LIMIT, Map.of("XDG_DATA_HOME", other.toString()),
                "oefen", "ports", "--check", "--prefix", prefix);
        assertThat(fresh.exitCode()).as(fresh.out() + fresh.err()).isZero();
        assertThat(fresh.out()).contains("✓ Klaar.", "http://127.0.0.1:");

        docker("run", "-d", "--name", n("lokaal"), "-p", "0.0.0.0::80", labels(), "nginx");
        assertNotDone("ports", 2, "Container " + n("lokaal") + " publiceert poort 80 op 0.0.0.0:",
                "dat is niet alleen 127.0.0.1.", "Zonder adres publiceert Docker op elk adres van je laptop");
        docker("rm", "-f", n("lokaal"));
        docker("run", "-d", "--name", n("lokaal"), "-p", "127.0.0.1::80", labels(), "nginx");
        assertEventuallyDone("ports", 2, Duration.ofSeconds(15), n("lokaal") + " antwoordt op http://127.0.0.1:");
        assertThat(port).isNotBlank();
    }

    @Test
    void snapshots() throws Exception {
        docker("run", "--name", n("mijnbusybox"), labels(), "busybox", "true");
        assertNotDone("snapshots", 1, "In container " + n("mijnbusybox") + " is /foo niet toegevoegd of veranderd",
                "docker start -ai " + n("mijnbusybox"));
        docker("rm", n("mijnbusybox"));
        docker("run", "--name", n("mijnbusybox"), labels(), "busybox", "touch", "/foo");
        assertDone("snapshots", 1, "laat \"A /foo\" zien");

        docker("run", "--name", n("leeg"), labels(), "busybox", "true");
        commit(n("leeg"), n("mijnfoo"));
        assertNotDone("snapshots", 2, "In het image " + n("mijnfoo") + " staat geen /foo.",
                "Commit de container waarin je touch /foo deed");
        commit(n("mijnbusybox"), n("mijnfoo"));
        assertDone("snapshots", 2, n("mijnfoo") + " (ID ", ") heeft /foo");
    }

    @Test
    void layers() throws Exception {
        build("laag1", "FROM busybox\n");
        assertNotDone("layers", 1, "In het image " + n("laag1") + " staat geen /hallo.txt.",
                "Staat de RUN-regel in de Dockerfile");
        build("laag1", "FROM busybox\nRUN echo hallo > /hallo.txt\n");
        assertDone("layers", 1, n("laag1") + " heeft 2 lagen: die van busybox (1) plus 1 van jouw RUN.");

        build("laag2", "FROM busybox\nRUN echo app > /app.txt\n");
        assertNotDone("layers", 2, "Het image " + n("laag2") + " is niet gebouwd op " + n("laag1") + ".",
                "Begin de Dockerfile met FROM " + n("laag1"));
        build("laag2", "FROM " + n("laag1") + "\nRUN echo app > /app.txt\n");
        assertDone("layers", 2, n("laag2") + " heeft 3 lagen, waarvan 2 van " + n("laag1"));
    }

    @Test
    void database() throws Exception {
        docker("run", "-d", "--name", n("pg"), labels(), "postgres:15");
        assertEventually("database", 1, Duration.ofSeconds(30), 9, "Container " + n("pg") + " draait niet (status exited, exitcode 1).");
        assertNotDone("database", 1, "Zonder POSTGRES_PASSWORD weigert postgres te beginnen.");
        docker("rm", "-v", n("pg"));
        docker("run", "-d", "--name", n("pg"), "-e", "POSTGRES_PASSWORD=geheim", labels(), "postgres:15");
        awaitPostgres(n("pg"));
        assertNotDone("database", 1, "relation \"klanten\" does not exist", "Maak hem met docker exec");
        docker("exec", n("pg"), "psql", "-U", "postgres", "-c",
                "CREATE TABLE klanten (naam text); INSERT INTO klanten VALUES ('Ada'), ('Linus')");
        assertDone("database", 1, n("pg") + " neemt verbindingen aan, en de tabel klanten staat erin.");

        // The trap: the data is in the image's VOLUME, which commit leaves behind.
        docker("run", "-d", "--name", n("pgtest"), "-e", "POSTGRES_PASSWORD=geheim", labels(), "postgres:15");
        assertNotDone("database", 2, "Container " + n("pgtest") + " is gemaakt van postgres:15, niet van "
                + n("klantendb") + ":valkuil.");
        docker("rm", "-f", "-v", n("pgtest"));
        commit(n("pg"), n("klantendb") + ":valkuil");
        docker("run", "-d", "--name", n("pgtest"), labels(), n("klantendb") + ":valkuil");
        assertEventuallyDone("database", 2, Duration.ofSeconds(60), "De tabel klanten is weg");

        commit(n("pg"), n("klantendb") + ":v1");
        assertNotDone("database", 3, "In het image " + n("klantendb") + ":v1 staat geen /pgdata/PG_VERSION.",
                "de data zat in het VOLUME en ging niet mee");
        docker("rmi", n("klantendb") + ":v1");
        docker("run", "-d", "--name", n("pgbron"), "-e", "POSTGRES_PASSWORD=geheim", "-e", "PGDATA=/pgdata", labels(),
                "postgres:15");
        awaitPostgres(n("pgbron"));
        docker("exec", n("pgbron"), "psql", "-U", "postgres", "-c",
                "CREATE TABLE klanten (naam text); INSERT INTO klanten VALUES ('Ada'), ('Linus')");
        docker("stop", n("pgbron"));
        commit(n("pgbron"), n("klantendb") + ":v1");
        docker("run", "-d", "--name", n("pgvers"), labels(), n("klantendb") + ":v1");
        assertEventuallyDone("database", 3, Duration.ofSeconds(60), n("pgvers") + " heeft de tabel klanten");
    }

    @Test
    void remote() throws Exception {
        docker("run", "-d", "--name", n("binnen"), labels(), "busybox", "sleep", "600");
        assertNotDone("remote", 1, "In container " + n("binnen") + " is niets gekoppeld op /var/run/docker.sock.",
                "Een mount kies je bij het starten.");
        docker("rm", "-f", n("binnen"));
        docker("run", "-d", "--name", n("binnen"), "-v", "/var/run/docker.sock:/var/run/docker.sock", labels(),
                "busybox", "sleep", "600");
        assertDone("remote", 1, "Elk proces in " + n("binnen") + " kan nu de daemon vragen");

        String body = "{\"Image\":\"busybox\",\"Cmd\":[\"sleep\",\"300\"],\"Labels\":{\"gemaakt-met\":\"curl\",\""
                + TEST_LABEL + "\":\"oefen\",\"" + RUN_LABEL + "\":\"" + prefix + "\"}}";
        run(List.of("curl", "-sf", "--unix-socket", socket(), "-H", "Content-Type: application/json",
                "-d", body, "http://localhost/containers/create?name=" + n("viacurl")), false);
        assertNotDone("remote", 2, "Container " + n("viacurl") + " draait niet (status created, exitcode 0).",
                "create maakt de container alleen; starten is een tweede verzoek");
        run(List.of("curl", "-sf", "--unix-socket", socket(), "-X", "POST",
                "http://localhost/containers/" + n("viacurl") + "/start"), false);
        assertDone("remote", 2, n("viacurl") + " draait, en docker ps ziet hem gewoon");
    }

    @Test
    void volumes() throws Exception {
        docker("volume", "create", "--label", TEST_LABEL + "=oefen", "--label", RUN_LABEL + "=" + prefix,
                n("mijnvolume"));
        docker("run", "--name", n("bewaarder"), "-v", n("mijnvolume") + ":/data", labels(), "busybox", "sh", "-c",
                "echo hallo > /tmp/groet");
        assertNotDone("volumes", 1, "In het volume " + n("mijnvolume") + " staat geen /groet.",
                "Schreef je naar /data/groet");
        docker("rm", n("bewaarder"));
        docker("run", "--name", n("bewaarder"), "-v", n("mijnvolume") + ":/data", labels(), "busybox", "sh", "-c",
                "echo hallo > /data/groet");
        assertDone("volumes", 1, n("mijnvolume") + " heeft nu het bestand groet.");

        // The notes' real warning: docker rm without -v leaves the anonymous volume behind.
        docker("run", "--name", n("vergeten"), "-v", "/data", labels(), "busybox", "sh", "-c",
                "echo hallo > /data/vergeten.txt");
        assertNotDone("volumes", 2, "Container " + n("vergeten") + " bestaat nog (status exited).");
        String volume = docker("inspect", "-f", "{{range .Mounts}}{{.Name}}{{end}}", n("vergeten")).out().strip();
        docker("rm", n("vergeten"));
        try {
            assertDone("volumes", 2, n("vergeten") + " is weg, maar zijn volume " + volume.substring(0, 12),
                    "docker volume rm " + volume);
        } finally {
            docker(true, "volume", "rm", volume);
        }

        Path folder = Files.createTempDirectory("dockerles-oefen-bind");
        folders.add(folder);
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));
        docker("run", "--name", n("eigenaar"), "-v", folder + ":/data", labels(), "busybox", "touch", "/data/vanroot");
        assertNotDone("volumes", 3, "Container " + n("eigenaar") + " draait als root: dat is root.",
                "Verwijder " + n("eigenaar") + " (docker rm " + n("eigenaar") + ") en start opnieuw met --user.");
        docker("rm", n("eigenaar"));
        docker("run", "--name", n("eigenaar"), "--user", "1000:1000", "-v", folder + ":/data", labels(), "busybox",
                "touch", "/data/vanmij");
        assertDone("volumes", 3, n("eigenaar") + " draaide als gebruiker 1000:1000");
        assertThat(Files.getAttribute(folder.resolve("vanmij"), "unix:uid")).isEqualTo(1000);
    }

    @Test
    void progressOfTheChecksShowsInTheOverviewAndEnglishWorks() throws Exception {
        docker("run", "-d", "--name", n("slaper"), labels(), "busybox", "sleep", "60");
        DockerlesJar.Result done = DockerlesJar.run(LIMIT, env(), "oefen", "run", "--check", "--prefix", prefix,
                "--lang", "en");
        assertThat(done.exitCode()).as(done.out() + done.err()).isZero();
        assertThat(done.out()).contains("✓ Done. " + n("slaper") + " runs in the background",
                "Next: task 2/2 · The process");
        DockerlesJar.Result overview = DockerlesJar.run(LIMIT, env(), "oefen");
        assertThat(overview.out()).containsPattern("(?m)^  run +Eén blokkerend proces +1/2$")
                .contains(data.resolve("dockerles/progress.json").toString());
        DockerlesJar.Result notYet = DockerlesJar.run(LIMIT, env(), "oefen", "run", "--check", "--prefix", prefix,
                "--lang", "en");
        assertThat(notYet.exitCode()).isEqualTo(9);
        assertThat(notYet.out()).contains("✗ Not done yet.", "There is no container " + n("exit3") + " (yet).",
                "Hint: A shell ends with an exit code of your choice");
    }

    @Test
    void atATerminalTheKeysWorkAndOnlyWhatItSawMadeIsRemovedAfterYes() throws Exception {
        String session = "dockerles-oefen-" + prefix;
        docker("run", "-d", "--name", n("van-voor"), labels(), "busybox", "sleep", "300");
        String jar = Path.of(System.getProperty("dockerles.jar", "target/dockerles.jar")).toAbsolutePath().toString();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try {
            run(List.of("tmux", "new-session", "-d", "-s", session, "-x", "100", "-y", "60",
                    "sh -c 'XDG_DATA_HOME=" + data + " " + java + " -jar " + jar + " oefen run --prefix " + prefix
                            + " --no-color; echo EXIT=$?; sleep 60'"), false);
            // The key line is written last: waiting for the task title alone can read the screen between the
            // writes (failed once so, on Docker 28.5).
            assertThat(awaitScreen(session, "h: hint · s: overslaan · q: stoppen", LIMIT)).contains("Opdracht 1/2",
                    "Je voorvoegsel is " + prefix + "-");
            run(List.of("tmux", "send-keys", "-t", session, "h"), false);
            awaitScreen(session, "Hint: -d (detach) start de container los van je terminal.", Duration.ofSeconds(10));

            docker("run", "-d", "--name", n("slaper"), labels(), "busybox", "sleep", "60");
            awaitScreen(session, "Opdracht 2/2", Duration.ofSeconds(10));
            run(List.of("tmux", "send-keys", "-t", session, "q"), false);
            String screen = awaitScreen(session, "Weghalen? j/N", Duration.ofSeconds(10));
            assertThat(screen).contains("Gestopt. Je voortgang is bewaard: 1/2 klaar.",
                    "Dit maakte je tijdens het oefenen, en het staat er nog: container " + n("slaper") + ".");
            run(List.of("tmux", "send-keys", "-t", session, "j"), false);
            screen = awaitScreen(session, "EXIT=", Duration.ofSeconds(20));
            assertThat(screen).contains("Weggehaald: " + n("slaper"), "EXIT=0").doesNotContain(n("van-voor"));
        } finally {
            run(List.of("tmux", "kill-session", "-t", session), true);
        }
        assertThat(docker(true, "inspect", n("slaper")).code()).as("removed after yes").isNotZero();
        assertThat(docker(true, "inspect", n("van-voor")).code()).as("what was there before stays").isZero();
    }

    private static String awaitScreen(String session, String text, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String screen = "";
        while (System.nanoTime() < deadline) {
            screen = run(List.of("tmux", "capture-pane", "-p", "-t", session, "-S", "-300"), true).out();
            if (screen.replaceAll("\\s+", " ").contains(text)) {
                return screen.replaceAll("\\s+", " ");
            }
            TimeUnit.MILLISECONDS.sleep(100); // polling the screen, bounded by the deadline
        }
        throw new AssertionError("not on screen within " + timeout + ": " + text + "\n---\n" + screen);
    }

    // --- helpers ---

    /** On Podman (.ci/with-daemon podman): its docker CLI 20.10 is not what a student there types. */
    private static boolean podman() {
        return "podman".equals(System.getenv("DOCKERLES_DAEMON"));
    }

    /**
     * docker rm -f of a container that restarts: Podman restarts it at once, and a remove in that moment can fail
     * ("container state improper"); then it is asked again, until the container is gone (at most 10 s).
     */
    private void removeRestarting(String name) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        DockerResult removed = docker(true, "rm", "-f", name);
        while (removed.code() != 0 && docker(true, "inspect", name).code() == 0 && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(200); // asking again, bounded by the deadline
            removed = docker(true, "rm", "-f", name);
        }
        assertThat(docker(true, "inspect", name).code()).as("docker rm -f " + name + ":\n" + removed.out()).isNotZero();
    }

    /** The daemon's socket on this machine: Podman's is not /var/run/docker.sock. */
    private static String socket() {
        String host = System.getenv("DOCKER_HOST");
        return host != null && host.startsWith("unix://") ? host.substring("unix://".length()) : "/var/run/docker.sock";
    }

    /**
     * docker commit; on Podman as a student there types it, with podman against the same service: the docker CLI
     * 20.10's commit fails against Podman's API ("Decode(): EOF").
     */
    private void commit(String container, String image) throws Exception {
        if (podman()) {
            run(List.of("podman", "--remote", "--url", System.getenv("DOCKER_HOST"), "commit", container, image), false);
        } else {
            docker("commit", container, image);
        }
    }

    private String n(String name) {
        return prefix + "-" + name;
    }

    private Map<String, String> env() {
        return Map.of("XDG_DATA_HOME", data.toString());
    }

    /** The labels every container of this test carries (given as one argument, split by docker()). */
    private String labels() {
        return "\u0000labels";
    }

    private DockerlesJar.Result check(String section, int exercise) throws Exception {
        return DockerlesJar.run(LIMIT, env(), "oefen", section, "--check", "--oefening", String.valueOf(exercise),
                "--prefix", prefix);
    }

    private void assertDone(String section, int exercise, String... texts) throws Exception {
        DockerlesJar.Result result = check(section, exercise);
        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(result.out()).contains("✓ Klaar.").contains(texts);
        assertThat(result.err()).isEmpty();
    }

    private void assertNotDone(String section, int exercise, String... texts) throws Exception {
        DockerlesJar.Result result = check(section, exercise);
        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(9);
        assertThat(result.out()).contains("✗ Nog niet klaar.", "Hint: ").contains(texts);
        assertThat(result.err()).isEmpty();
    }

    private void assertEventuallyDone(String section, int exercise, Duration within, String... texts)
            throws Exception {
        assertEventually(section, exercise, within, 0, texts);
    }

    /** Asks again every second until the exit code is the one expected and the texts are there. */
    private void assertEventually(String section, int exercise, Duration within, int exitCode, String... texts)
            throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        DockerlesJar.Result result = check(section, exercise);
        while ((result.exitCode() != exitCode || !List.of(texts).stream().allMatch(result.out()::contains))
                && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            result = check(section, exercise);
        }
        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(exitCode);
        assertThat(result.out()).contains(texts);
    }

    private void awaitPostgres(String container) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (docker(true, "exec", container, "pg_isready", "-h", "127.0.0.1", "-U", "postgres").code() == 0) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError(container + " did not become ready");
    }

    /** docker build of a folder with this Dockerfile, tagged with the prefixed name, with the test's labels. */
    private void build(String name, String dockerfile) throws Exception {
        Path folder = Files.createTempDirectory("dockerles-oefen-build");
        folders.add(folder);
        Files.writeString(folder.resolve("Dockerfile"), dockerfile);
        docker("build", "-q", "--label", TEST_LABEL + "=oefen", "--label", RUN_LABEL + "=" + prefix, "-t", n(name),
                folder.toString());
    }

    record DockerResult(int code, String out) {
    }

    private DockerResult docker(String... args) throws Exception {
        DockerResult result = docker(true, args);
        assertThat(result.code()).as("docker " + String.join(" ", args) + ":\n" + result.out()).isZero();
        return result;
    }

    private DockerResult docker(boolean quiet, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("docker"));
        for (String arg : args) {
            if (arg.equals(labels())) {
                command.addAll(List.of("--label", TEST_LABEL + "=oefen", "--label", RUN_LABEL + "=" + prefix));
            } else {
                command.add(arg);
            }
        }
        return run(command, quiet);
    }

    private static DockerResult run(List<String> command, boolean mayFail) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().put("DOCKER_BUILDKIT", "0");
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
        DockerResult result = new DockerResult(process.exitValue(), new String(out, StandardCharsets.UTF_8));
        if (!mayFail) {
            assertThat(result.code()).as(String.join(" ", command) + ":\n" + result.out()).isZero();
        }
        return result;
    }

    private static List<String> lines(DockerResult result) {
        return result.out().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
