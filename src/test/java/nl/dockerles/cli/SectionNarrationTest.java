package nl.dockerles.cli;

import nl.dockerles.testing.FakeDocker;
import nl.dockerles.testing.FakePostgres;
import nl.dockerles.testing.FakeTime;
import nl.dockerles.testing.Golden;
import nl.dockerles.testing.Runs;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Each section against the fake daemon, in Dutch and English, word for word: golden files
 * {@code src/test/resources/golden/<id>.<lang>.txt}. A change of narration fails here; rewrite the files on purpose
 * with {@code ./mvnw test -Dtest=SectionNarrationTest,LifecycleNarrationTest -Dgolden.update=true} and read the
 * diff. lifecycle has its own test ({@link LifecycleNarrationTest}).
 *
 * <p>ports, tooltje, distributie and remote really listen on 127.0.0.1 (8080, 8081, 5001; the forward on 2375
 * goes to no daemon at all), and are skipped when those ports are taken here. volumes makes files in a folder of
 * this machine owned by root, as Docker's daemon does: it runs only as root (as CI does). prepush runs git on this
 * machine, and its git hook the docker CLI: the test puts a stand-in {@code docker} (and {@code busybox}) first on
 * the PATH of dockerles's environment, which runs the project's tests with this machine's sh, so no daemon is asked.
 */
class SectionNarrationTest {
    /** A script the section's image runs; the fake's busybox does not know it. */
    private static final String GROET = "Hallo uit dockerles-app (taal: nl, map: /app)\ngereedschap uit dockerles-basis\n";

    /** Every section with a demo, from the catalog: a new one fails here until it has its golden files. */
    static Stream<String[]> sections() {
        nl.dockerles.content.Catalog catalog = new nl.dockerles.content.Catalog();
        return catalog.entries().stream().map(nl.dockerles.content.SectionEntry::id)
                .filter(id -> catalog.isBuilt(id) && !id.equals("lifecycle"))
                .flatMap(id -> Stream.of(new String[] {id, "nl"}, new String[] {id, "en"}));
    }

    /** What {@code busybox | head -n 1} says in busybox:1.35.0, in the container and in the hook alike. */
    private static final String BUSYBOX = "BusyBox v1.35.0 (2022-11-19 10:13:10 UTC) multi-call binary.";

    /** The docker CLI as the pre-push hook uses it: run the tests in the mounted folder, rm says the name. */
    private static final String DOCKER_CLI = """
            #!/bin/sh
            # Stand-in for the docker CLI in SectionNarrationTest (prepush): no daemon is asked.
            case "$1" in
              run)
                shift
                src=.
                while [ $# -gt 0 ]; do
                  case "$1" in
                    -v) src=${2%%:*}; shift 2 ;;
                    --name|-w) shift 2 ;;
                    *) break ;;
                  esac
                done
                shift
                cd "$src" && exec "$@" ;;
              rm) echo "$2" ;;
              *) echo "docker (stand-in): $*" >&2; exit 1 ;;
            esac
            """;

    @TempDir
    Path bin;

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("sections")
    void theNarrationIsAsBefore(String section, String lang) throws Exception {
        assumeRunnableHere(section);
        FakeTime time = new FakeTime();
        FakeDocker docker = new FakeDocker(time).restartsPerFollow(7);
        java.util.Map<String, String> env = stage(section, docker, time, bin);
        // "Another daemon" (tooltje): DOCKER_HOST points at a TCP port forwarded to this same daemon.
        java.util.Map<String, String> environment = env;
        Runs run = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> Runs.run(e -> e.containsKey("DOCKER_HOST")
                ? docker.host(e.get("DOCKER_HOST")) : docker, time, environment,
                "demo", section, "--auto", "--lang", lang));

        assertThat(run.err()).as(section + " " + lang + ":\n" + run.out()).isEmpty();
        assertThat(run.exitCode()).as(section + " " + lang).isZero();
        String out = stable(run.out());
        // What a presenter would never show: a placeholder left, a null, a field the daemon did not have.
        assertThat(out).doesNotContainPattern("(?<!\\{)\\{[a-zA-Z0-9][a-zA-Z0-9.-]*}(?!})").doesNotContainPattern("(?<!/dev/)null").doesNotContain("<no value>")
                .doesNotContain(": not found");
        assertThat(docker.containers()).as("left behind").isEmpty();
        Golden.assertMatches(out, section + "." + lang + ".txt");
    }

    /** Skips {@code section} where this machine cannot run it as the goldens show it (a port taken, not root). */
    static void assumeRunnableHere(String section) {
        // ports publishes 8080 and 8081 on this machine, as the handout says; taken by something else, the demo
        // would (rightly) pick other ports, and the narration would differ.
        assumeTrue(!section.equals("ports") || free(8080) && free(8081), "8080 and 8081 are free here");
        assumeTrue(!section.equals("distributie") || free(5001), "5001 is free here");
        // volumes shows who owns the files a container made in a folder of this machine: as Docker's daemon, the
        // fake makes them as root (or --user's uid), which only root can do here.
        assumeTrue(!section.equals("volumes") || "root".equals(System.getProperty("user.name")),
                "the tests run as root here");
        assumeTrue(!section.equals("remote") || free(2375), "2375 is free here");
        assumeTrue(!section.equals("tooltje") || free(8080) && free(2375),
                () -> "8080 and 2375 are free here: 8080 " + free(8080) + ", 2375 " + free(2375));
    }

    /**
     * The fake daemon as {@code section} needs it (its programs, HTTP answers, images); dockerles's environment,
     * with the stand-ins in {@code bin} for prepush.
     */
    static java.util.Map<String, String> stage(String section, FakeDocker docker, FakeTime time, Path bin)
            throws java.io.IOException {
        java.util.Map<String, String> env = java.util.Map.of("LANG", "C");
        if (section.equals("database")) {
            FakePostgres.on(docker, time);
        } else if (section.equals("prepush")) {
            assumeTrue(new java.io.File("/usr/bin/git").canExecute() || new java.io.File("/bin/git").canExecute(),
                    "git is here");
            env = prepush(docker, bin);
        } else {
            docker.programs(c -> c.command.equals(List.of("sh", "groet.sh")) ? FakeDocker.Program.done(GROET)
                    : FakeDocker.busybox(c));
        }
        docker.http(c -> adminer(c).or(() -> registry(c)).or(() -> FakeDocker.nginx(c)));
        docker.addImage("adminer:latest");
        docker.addImage("registry:2");
        return env;
    }

    /**
     * prepush: the tests in busybox:1.35.0 on the fake, and dockerles's environment for git and its hook: the
     * stand-ins first on the PATH, no global or system git settings, and fixed dates so commits keep their ids.
     */
    private static java.util.Map<String, String> prepush(FakeDocker docker, Path bin) throws java.io.IOException {
        docker.addImage("busybox:1.35.0");
        docker.programs(c -> c.command.equals(List.of("sh", "test.sh"))
                ? FakeDocker.Program.done("goed: 2 + 3 = 5\ngoed: 10 + -4 = 6\ngetest met " + BUSYBOX + "\n")
                : FakeDocker.busybox(c));
        executable(bin.resolve("docker"), DOCKER_CLI);
        executable(bin.resolve("busybox"), "#!/bin/sh\necho '" + BUSYBOX + "'\n");
        String date = "2026-11-27T10:00:00+01:00";
        return java.util.Map.of("LANG", "C", "PATH", bin + ":" + System.getenv("PATH"),
                "GIT_CONFIG_GLOBAL", "/dev/null", "GIT_CONFIG_NOSYSTEM", "1",
                "GIT_AUTHOR_DATE", date, "GIT_COMMITTER_DATE", date);
    }

    private static void executable(Path file, String text) throws java.io.IOException {
        java.nio.file.Files.writeString(file, text);
        java.nio.file.Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString(
                "rwxr-xr-x"));
    }

    /** An empty registry's catalog, for the registry image. */
    static java.util.Optional<FakeDocker.HttpAnswer> registry(FakeDocker.Container c) {
        return c.image.startsWith("registry") ? java.util.Optional.of(new FakeDocker.HttpAnswer(200, "",
                "application/json; charset=utf-8", "{\"repositories\":[]}\n")) : java.util.Optional.empty();
    }

    /** Adminer's login page, for the adminer image. */
    static java.util.Optional<FakeDocker.HttpAnswer> adminer(FakeDocker.Container c) {
        if (!c.image.startsWith("adminer")) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new FakeDocker.HttpAnswer(200, "", "text/html; charset=utf-8", """
                <!DOCTYPE html>
                <html lang="en" dir="ltr">
                <meta http-equiv="Content-Type" content="text/html; charset=utf-8">
                <meta name="robots" content="noindex">
                <title>Login - Adminer</title>
                <link rel="stylesheet" type="text/css" href="?file=default.css&amp;version=4.8.1">
                <body class="ltr nojs">
                <form action="" method="post">
                <table cellspacing="0" class="layout">
                <tr><th>System<td><select name="auth[driver]"><option value="server" selected>MySQL</select>
                <tr><th>Server<td><input name="auth[server]" value="" title="hostname[:port]">
                <tr><th>Username<td><input name="auth[username]" id="username" value="">
                <tr><th>Password<td><input type="password" name="auth[password]">
                </table>
                <p><input type="submit" value="Login">
                </form>
                </body>
                </html>
                """));
    }

    private static boolean free(int port) {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(port, 1,
                java.net.InetAddress.getByName("127.0.0.1"))) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** What differs from run to run in a real run too: the temporary folder, the run's id and its owner. */
    static String stable(String out) {
        return out.replaceAll("/tmp/dockerles-[0-9]+", "/tmp/dockerles-12345")
                .replaceAll("nl\\.dockerles\\.owner=[^\\s\"]+", "nl.dockerles.owner=laptop/4242/1764237600")
                .replaceAll("nl\\.dockerles\\.run=[0-9a-f]+", "nl.dockerles.run=3f9c1e7a");
    }
}
