package nl.dockerles.it;

import nl.dockerles.content.Catalog;
import nl.dockerles.content.SectionEntry;
import nl.dockerles.daemon.DaemonInfo;
import nl.dockerles.practice.Course;
import nl.dockerles.practice.Exercise;
import nl.dockerles.practice.ExerciseSet;
import nl.dockerles.practice.SolutionForDaemon;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code solution:} of demos/oefen/*.yaml, run for real with the docker CLI as a student would type it, is
 * judged done by {@code dockerles oefen --check}; and a near miss just before it is judged not done (as rustlings
 * checks its own solutions). Names carry a prefix of this test (--prefix); everything is removed afterwards.
 * A {@code docker run -it} of a solution runs in a tmux session, and the lines after it are typed into it.
 */
class OefenSolutionsIT {
    private static final Duration LIMIT = Duration.ofSeconds(60);

    /**
     * A near miss per exercise (section/id): commands with the exercise's own names, which leave the task not
     * done, and the commands that undo them before the solution runs.
     */
    private static final Map<String, List<String>> NEAR_MISS = Map.ofEntries(
            Map.entry("lifecycle/start-demo", List.of("docker run --name proef busybox sh", "docker rm proef")),
            Map.entry("lifecycle/stop-demo", List.of("docker ps", "")),
            Map.entry("lifecycle/init", List.of("docker run -d --name snel busybox sleep 300 && docker stop -t 1 snel",
                    "docker rm snel")),
            Map.entry("isolation/hostname", List.of("docker run -d --name kamer busybox sleep 600", "docker rm -f kamer")),
            Map.entry("isolation/memory", List.of("docker run -d --name krap --memory 128m busybox sleep 600",
                    "docker rm -f krap")),
            Map.entry("isolation/pid-host", List.of("docker run -d --name gluurder busybox sleep 600",
                    "docker rm -f gluurder")),
            Map.entry("run/detached", List.of("docker create --name slaper busybox sleep 60 && docker start slaper",
                    "docker rm -f slaper")),
            Map.entry("run/exit-code", List.of("docker run --name exit3 busybox true", "docker rm exit3")),
            Map.entry("restart/always", List.of("docker run -d --name stuiter busybox sh -c 'echo foo && sleep 2'",
                    "docker rm -f stuiter")),
            Map.entry("restart/on-failure", List.of("docker run -d --restart=always --name opgever busybox sh -c 'exit 1'",
                    "docker rm -f opgever")),
            Map.entry("ports/publish", List.of("docker run -d --name mijnweb -p 127.0.0.1:8080:8080 nginx",
                    "docker rm -f mijnweb")),
            Map.entry("ports/loopback", List.of("docker run -d --name lokaal -p 127.0.0.1:8081:8080 nginx",
                    "docker rm -f lokaal")),
            Map.entry("snapshots/touch-foo", List.of("docker run --name mijnbusybox busybox true",
                    "docker rm mijnbusybox")),
            Map.entry("snapshots/commit", List.of("docker tag busybox mijnfoo", "docker rmi mijnfoo")),
            Map.entry("layers/base", List.of(
                    "mkdir laag1 && printf 'FROM busybox\\n' > laag1/Dockerfile && docker build -t laag1 laag1",
                    "rm -r laag1 && docker rmi laag1")),
            Map.entry("layers/chain", List.of(
                    "mkdir laag2 && printf 'FROM busybox\\nRUN echo app > /app.txt\\n' > laag2/Dockerfile"
                            + " && docker build -t laag2 laag2",
                    "rm -r laag2 && docker rmi laag2")),
            Map.entry("database/start-db", List.of("docker run -d --name pg postgres:15", "docker rm -f -v pg")),
            Map.entry("database/trap", List.of("docker run -d --name pgtest postgres:15", "docker rm -f -v pgtest")),
            Map.entry("database/commit-data", List.of("docker commit pg klantendb:v1", "docker rmi klantendb:v1")),
            Map.entry("remote/socket", List.of("docker run -d --name binnen busybox sleep 600", "docker rm -f binnen")),
            Map.entry("remote/curl", List.of("curl -sf --unix-socket /var/run/docker.sock -H 'Content-Type: application/json'"
                    + " -d '{\"Image\":\"busybox\",\"Cmd\":[\"sleep\",\"300\"]}'"
                    + " 'http://localhost/containers/create?name=viacurl'", "docker rm -f viacurl")),
            Map.entry("volumes/named-volume", List.of(
                    "docker run --name bewaarder -v mijnvolume:/data busybox sh -c 'echo hallo > /tmp/groet'",
                    "docker rm bewaarder")),
            Map.entry("volumes/dangling", List.of(
                    "docker run --name vergeten -v /data busybox sh -c 'echo hallo > /data/vergeten.txt'"
                            + " && docker rm -v vergeten", "")),
            Map.entry("distributie/registry", List.of(
                    "docker run -d --name mijnregistry -p 127.0.0.1:5001:5001 registry:2", "docker rm -f mijnregistry")),
            Map.entry("distributie/opgehaald", List.of("docker run -d --name opgehaald busybox sleep 300",
                    "docker rm -f opgehaald")),
            Map.entry("tooltje/proberen", List.of("docker run -d --name proberen -p 127.0.0.1:8080:80 adminer",
                    "docker rm -f proberen")),
            Map.entry("tooltje/server", List.of(
                    "docker rm -f proberen && docker run -d --name mijntool -p 127.0.0.1:8080:8080 adminer",
                    "docker rm -f mijntool")),
            Map.entry("prepush/tests", List.of(
                    "docker run --name mijntests -v \"$PWD\":/src -w /src busybox:1.35.0 sh -c 'exit 1'", "docker rm mijntests")),
            Map.entry("prepush/faalt", List.of("docker run --name faalt busybox:1.35.0 true", "docker rm faalt")),
            Map.entry("volumes/as-me", List.of("docker run --name eigenaar -v \"$PWD\":/data busybox touch /data/vanroot",
                    "docker rm eigenaar")));

    private final String prefix = "s" + HexFormat.of().formatHex(new SecureRandom().generateSeed(3)) + "-";
    private final List<String> sessions = new ArrayList<>();
    /** What the solution's shell lines printed, for the message when it is not judged done. */
    private final StringBuilder said = new StringBuilder();
    private Path work;
    private Path data;
    private Set<String> volumesBefore;

    static Stream<String> sections() {
        Course course = new Course();
        return new Catalog().entries().stream().map(SectionEntry::id).filter(course::has);
    }

    @Test
    void everyExerciseHasANearMiss() {
        Set<String> ids = new HashSet<>();
        sections().forEach(section -> new Course().load(section).exercises()
                .forEach(e -> ids.add(section + "/" + e.id())));
        assertThat(NEAR_MISS.keySet()).containsExactlyInAnyOrderElementsOf(ids);
    }

    @ParameterizedTest
    @MethodSource("sections")
    void everySolutionIsJudgedDoneAndANearMissIsNot(String section) throws Exception {
        work = Files.createTempDirectory("dockerles-solutions");
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxrwxrwx"));
        data = Files.createTempDirectory("dockerles-solutions-data");
        volumesBefore = new HashSet<>(lines(shell("docker volume ls -q", true)));
        ExerciseSet set = new Course().load(section);
        ExerciseSet named = set.named(set.namer(prefix));
        for (int i = 0; i < named.exercises().size(); i++) {
            Exercise exercise = named.exercises().get(i);
            String where = section + "/" + exercise.id();
            List<String> near = NEAR_MISS.get(where);
            shell(forDaemon(set.namer(prefix).apply(near.get(0))), true);
            Result miss = check(section, i + 1);
            if (where.equals("run/detached") && "podman".equals(System.getenv("DOCKERLES_DAEMON"))) {
                // Podman's inspect cannot tell create + start from run -d: the verdict says it could not check.
                assertThat(miss.code()).as(where + "\n" + miss.out()).isZero();
                assertThat(miss.out()).as(where).contains("Let op: Podman laat niet zien of een container met -d is gestart.");
            } else {
                assertThat(miss.code()).as(where + ": the near miss is not done\n" + miss.out()).isEqualTo(9);
                assertThat(miss.out()).as(where).contains("✗ Nog niet klaar.");
            }
            if (!near.get(1).isEmpty()) {
                undo(forDaemon(set.namer(prefix).apply(near.get(1))));
            }

            solve(where, exercise.solution());
            Result done = awaitDone(section, i + 1, where.startsWith("restart/") || where.startsWith("database/")
                    ? Duration.ofSeconds(90) : Duration.ofSeconds(30));
            assertThat(done.code()).as(where + ": the solution is done\n" + said + "\n" + done.out()).isZero();
            assertThat(done.out()).as(where).contains("✓ Klaar.").doesNotContainPattern("\\{[A-Za-z]+}");
        }
    }

    /**
     * Undoes a near miss. A docker rm -f of a container that restarts can fail on Podman, which restarts it at once
     * ("container state improper"): then it is asked again, for at most 10 s.
     */
    private void undo(String line) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Result result = shell(line, true);
        while (result.code() != 0 && line.startsWith("docker rm -f ") && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(200); // asking again, bounded by the deadline
            result = shell(line, true);
            if (result.code() != 0 && result.out().toLowerCase(java.util.Locale.ROOT).contains("no such container")) {
                return; // the first attempt removed it after all
            }
        }
        assertThat(result.code()).as(line + "\n" + result.out()).isZero();
    }

    /** Runs a solution line by line: a shell line in bash, a line after {@code docker run -it} typed into it. */
    private void solve(String where, String solution) throws Exception {
        said.setLength(0);
        String session = null;
        for (String line : solution.strip().split("\\R")) {
            if (session != null && !line.startsWith("docker ") && !line.startsWith("until ")
                    && !line.startsWith("timeout ")) {
                type(session, line);
                continue;
            }
            if (line.matches("docker (run|start) .*-(it|ai)\\b.*")) {
                session = "dockerles-solution-" + prefix + sessions.size();
                sessions.add(session);
                run(List.of("tmux", "new-session", "-d", "-s", session, "-x", "100", "-y", "30", "-c",
                        work.toString(), line + "; sleep 600"), false);
                awaitPrompt(session);
                continue;
            }
            // A line may fail on purpose (the trap's SELECT finds no table): the judge decides, not the exit code.
            Result result = shell(forDaemon(asStudent(line)), true);
            said.append("$ ").append(line).append(" → ").append(result.code()).append('\n').append(result.out());
        }
        if (session != null && solution.strip().lines().reduce((a, b) -> b).orElse("").equals("exit")) {
            awaitScreen(session, "/ # exit");
        }
    }

    /** As root (CI), "as your own user" means another uid than 0, as the exercise's hint says. */
    private static String asStudent(String line) {
        boolean root = "root".equals(System.getProperty("user.name"));
        return root ? line.replace("\"$(id -u):$(id -g)\"", "1000:1000") : line;
    }

    /**
     * The line as dockerles shows it to a student on this daemon ({@link SolutionForDaemon}): on Podman
     * (.ci/with-daemon podman) commit, and push and pull of the registry on 127.0.0.1, with podman against the
     * same service, and curl at Podman's socket. Typing what dockerles shows proves that it works.
     */
    private static String forDaemon(String line) {
        String host = System.getenv().getOrDefault("DOCKER_HOST", "unix:///var/run/docker.sock");
        boolean podman = "podman".equals(System.getenv("DOCKERLES_DAEMON"));
        DaemonInfo daemon = new DaemonInfo(host, "", "", "", "linux", "", "", "", "", false, podman);
        return SolutionForDaemon.lines(line, daemon).get(0);
    }

    private void type(String session, String line) throws Exception {
        run(List.of("tmux", "send-keys", "-t", session, line, "Enter"), false);
        if (!line.equals("exit")) {
            awaitScreen(session, "/ # " + line);
            awaitPrompt(session);
        }
    }

    private void awaitPrompt(String session) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            String screen = run(List.of("tmux", "capture-pane", "-p", "-t", session), true).out().stripTrailing();
            if (screen.endsWith("/ #")) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(100); // polling the screen, bounded by the deadline
        }
        throw new AssertionError("no shell prompt in " + session);
    }

    private void awaitScreen(String session, String text) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (run(List.of("tmux", "capture-pane", "-p", "-t", session), true).out().contains(text)) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(100); // polling the screen, bounded by the deadline
        }
        throw new AssertionError("not on screen in " + session + ": " + text);
    }

    private Result awaitDone(String section, int exercise, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        Result result = check(section, exercise);
        while (result.code() != 0 && System.nanoTime() < deadline) {
            TimeUnit.SECONDS.sleep(1); // asking again, bounded by the deadline
            result = check(section, exercise);
        }
        return result;
    }

    private Result check(String section, int exercise) throws Exception {
        DockerlesJar.Result result = DockerlesJar.run(LIMIT, Map.of("XDG_DATA_HOME", data.toString()), "oefen",
                section, "--check", "--oefening", String.valueOf(exercise), "--prefix", prefix);
        assertThat(result.err()).as(section + " " + exercise).isEmpty();
        return new Result(result.exitCode(), result.out());
    }

    @AfterEach
    void removeWhatTheTestMade() throws Exception {
        for (String session : sessions) {
            run(List.of("tmux", "kill-session", "-t", session), true);
        }
        List<String> containers = lines(shell("docker ps -aq --filter name=^" + prefix, true));
        if (!containers.isEmpty()) {
            shell("docker rm -f -v " + String.join(" ", containers), true);
        }
        for (String image : lines(shell("docker images --format '{{.Repository}}:{{.Tag}}'", true))) {
            // The prefix stands after a registry host too: 127.0.0.1:5001/<prefix>oefen/busybox (distributie).
            if (image.startsWith(prefix) || image.contains("/" + prefix)) {
                shell("docker rmi -f " + image, true);
            }
        }
        // Volumes with the prefix, and the anonymous ones the solutions left behind on purpose (volumes/dangling).
        for (String volume : lines(shell("docker volume ls -q", true))) {
            if (volume.startsWith(prefix) || volumesBefore != null && !volumesBefore.contains(volume)
                    && volume.matches("[0-9a-f]{64}")) {
                shell("docker volume rm -f " + volume, true);
            }
        }
        assertThat(lines(shell("docker ps -aq --filter name=^" + prefix, true))).as("containers of this test").isEmpty();
        assertThat(lines(shell("docker ps -aq --filter label=nl.dockerles.section=oefen --filter label=nl.dockerles.prefix="
                + prefix, true))).as("look-up containers of dockerles").isEmpty();
        Path[] folders = {work, data};
        work = null;
        for (Path folder : folders) {
            if (folder != null) {
                try (Stream<Path> paths = Files.walk(folder)) {
                    paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    record Result(int code, String out) {
    }

    private Result shell(String script, boolean mayFail) throws Exception {
        Result result = run(List.of("bash", "-c", script), true);
        if (!mayFail) {
            assertThat(result.code()).as(script + "\n" + result.out()).isZero();
        }
        return result;
    }

    private Result run(List<String> command, boolean mayFail) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .directory(work == null ? null : work.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        // The output goes to a file, so a command that never ends cannot hold the test: it gets 120 s.
        Path log = Files.createTempFile("dockerles-solutions-out", ".txt");
        builder.redirectOutput(log.toFile());
        Process process = builder.start();
        boolean ended = process.waitFor(120, TimeUnit.SECONDS);
        if (!ended) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String out = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
        Files.delete(log);
        assertThat(ended).as(String.join(" ", command) + " ended within 120 s:\n" + out).isTrue();
        Result result = new Result(process.exitValue(), out);
        if (!mayFail) {
            assertThat(result.code()).as(String.join(" ", command) + ":\n" + result.out()).isZero();
        }
        return result;
    }

    private static List<String> lines(Result result) {
        return result.out().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
