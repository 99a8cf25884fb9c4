package nl.dockerles.practice;

import com.sun.net.httpserver.HttpServer;
import nl.dockerles.Messages;
import nl.dockerles.daemon.Docker;
import nl.dockerles.daemon.RunIdentity;
import nl.dockerles.testing.FakeDocker;
import nl.dockerles.testing.FakeTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The checks against a fake daemon: what passes, and which miss (and so which hint) a wrong attempt gets. */
class JudgeTest {
    private final FakeTime time = new FakeTime();
    private final FakeDocker docker = new FakeDocker(time);
    private final StudentWork work = StudentWork.on(docker, time);
    private final DaemonLookups lookups = new DaemonLookups(docker, RunIdentity.newRun("oefen"), time);
    private final Messages dutch = Messages.dutch();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private Verdict judge(Check check) {
        return judge(check, null);
    }

    private Verdict judge(Check check, Instant since) {
        return new Judge(docker, lookups, since, true).judge(check);
    }

    private String text(Verdict verdict) {
        return dutch.get(verdict.unmet().key(), verdict.unmet().argArray());
    }

    private int serveHttp() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = "<title>Welcome to nginx!</title>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server.getAddress().getPort();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    // --- ports: {kind: container, image: nginx, running: true, publishes: 80, http: true} ---

    private static final ContainerCheck NGINX_PUBLISHED = ContainerCheckBuilder.ofImage("nginx")
            .with("running", true).with("publishes", 80).with("http", true).build();

    @Test
    void nothingYetIsAbsentAndNotCalledOut() {
        Verdict verdict = judge(NGINX_PUBLISHED);
        assertThat(verdict.done()).isFalse();
        assertThat(verdict.unmet().absent()).isTrue();
        assertThat(text(verdict)).isEqualTo("Er is nog geen container van nginx die je maakte sinds je aan deze "
                + "opdracht begon.");
    }

    @Test
    void nginxPublishedOnTheWrongContainerPortDoesNotPassAndSaysWhichPortItPublishes() {
        work.container("verkeerd", "nginx").publish("0.0.0.0", 8080, 8080);
        Verdict verdict = judge(NGINX_PUBLISHED);
        assertThat(verdict.done()).isFalse();
        assertThat(verdict.unmet().condition()).isEqualTo("publishes");
        assertThat(text(verdict)).isEqualTo(
                "Container verkeerd publiceert 0.0.0.0:8080 → 8080/tcp, maar niet poort 80 van de container.");
    }

    @Test
    void aStoppedNginxDoesNotPass() {
        work.container("gestopt", "nginx").publish("0.0.0.0", 8080, 80).exited(0);
        Verdict verdict = judge(NGINX_PUBLISHED);
        assertThat(verdict.unmet().condition()).isEqualTo("running");
        assertThat(text(verdict)).isEqualTo("Container gestopt draait niet (status exited, exitcode 0).");
    }

    @Test
    void publishedButNobodyAnswersIsNotDone() throws IOException {
        int port = freePort();
        work.container("stil", "nginx").publish("0.0.0.0", port, 80);
        Verdict verdict = judge(NGINX_PUBLISHED);
        assertThat(verdict.unmet().condition()).isEqualTo("http");
        assertThat(text(verdict)).contains("http://127.0.0.1:" + port + "/");
    }

    @Test
    void nginxThatAnswersOnItsPublishedPortPassesWithTheFacts() throws IOException {
        int port = serveHttp();
        work.container("web", "nginx:latest").publish("0.0.0.0", port, 80).publish("::", port, 80);
        Verdict verdict = judge(NGINX_PUBLISHED);
        assertThat(verdict.done()).as(verdict.toString()).isTrue();
        assertThat(verdict.facts()).containsEntry("name", "web").containsEntry("port", String.valueOf(port))
                .containsEntry("url", "http://127.0.0.1:" + port + "/").containsEntry("httpStatus", "200");
    }

    @Test
    void theBestAttemptGivesTheHintAndAnyGoodOnePasses() throws IOException {
        work.container("een", "nginx").exited(1);
        work.container("twee", "nginx").publish("0.0.0.0", 8080, 8080);
        assertThat(judge(NGINX_PUBLISHED).unmet().condition()).isEqualTo("publishes");
        int port = serveHttp();
        work.container("drie", "nginx").publish("127.0.0.1", port, 80);
        assertThat(judge(NGINX_PUBLISHED).facts()).containsEntry("name", "drie");
    }

    @Test
    void onlyContainersMadeSinceTheExerciseBeganCountAndNeverDockerlesOwn() throws IOException {
        int port = serveHttp();
        work.container("oud", "nginx").publish("0.0.0.0", port, 80);
        time.advance(Duration.ofSeconds(5));
        Instant began = time.now();
        assertThat(judge(NGINX_PUBLISHED, began).unmet().absent()).isTrue();
        StudentWork.Box demo = work.container("web", "nginx").publish("0.0.0.0", port, 80);
        demo.labels.putAll(RunIdentity.newRun("ports").labels());
        assertThat(judge(NGINX_PUBLISHED, began).unmet().absent()).as("dockerles's own demo container").isTrue();
        assertThat(judge(NGINX_PUBLISHED, null).done()).isTrue();
    }

    @Test
    void withAPrefixOnlyContainersWithTheStudentsNamesCount() throws IOException {
        int port = serveHttp();
        work.container("iemand-anders", "nginx").publish("0.0.0.0", port, 80);
        Judge judge = new Judge(docker, lookups, null, true, "jan-");
        Verdict verdict = judge.judge(NGINX_PUBLISHED);
        assertThat(verdict.unmet().absent()).isTrue();
        assertThat(text(verdict)).isEqualTo(
                "Er is nog geen container van nginx met een naam die begint met jan- (je voorvoegsel).");
        work.container("jan-web", "nginx").publish("127.0.0.1", port, 80);
        assertThat(judge.judge(NGINX_PUBLISHED).facts()).containsEntry("name", "jan-web");
    }

    @Test
    void otherImagesDoNotCount() {
        work.container("bb", "busybox").publish("0.0.0.0", 8080, 80);
        assertThat(judge(NGINX_PUBLISHED).unmet().condition()).isEqualTo("none");
    }

    @Test
    void publishedOnEveryInterfaceIsNotLoopbackOnly() throws IOException {
        ContainerCheck loopback = ContainerCheckBuilder.named("web2").with("image", "nginx").with("running", true)
                .with("publishes", 80).with("loopbackOnly", true).with("http", true).build();
        int port = serveHttp();
        work.container("web2", "nginx").publish("0.0.0.0", port, 80);
        Verdict verdict = judge(loopback);
        assertThat(verdict.unmet().condition()).isEqualTo("loopbackOnly");
        assertThat(text(verdict)).isEqualTo("Container web2 publiceert poort 80 op 0.0.0.0:" + port + " → 80/tcp: "
                + "dat is niet alleen 127.0.0.1.");
        work.boxes.values().iterator().next().ports.set(0,
                new nl.dockerles.daemon.PortMapping("127.0.0.1", port, 80, "tcp"));
        assertThat(judge(loopback).done()).isTrue();
    }

    // --- lifecycle ---

    private static ContainerCheck stopped(String name, Integer exitCode, Boolean init) {
        return ContainerCheckBuilder.named(name).with("init", init).with("status", "exited").with("exitCode", exitCode)
                .build();
    }

    @Test
    void stoppedByDockerStopIs137AndEndingTheShellIsNot() {
        StudentWork.Box demo = work.container("demo", "busybox");
        Verdict running = judge(stopped("demo", 137, null));
        assertThat(text(running)).isEqualTo("Container demo heeft status running; de opdracht vraagt exited.");
        demo.exited(0);
        Verdict ctrlD = judge(stopped("demo", 137, null));
        assertThat(ctrlD.unmet().condition()).isEqualTo("exitCode");
        assertThat(text(ctrlD)).isEqualTo("Container demo stopte met exitcode 0, niet met 137.");
        demo.exited(137);
        assertThat(judge(stopped("demo", 137, null)).done()).isTrue();
    }

    @Test
    void withoutInitTheInitConditionComesFirst() {
        work.container("snel", "busybox").exited(137);
        Verdict verdict = judge(stopped("snel", 143, true));
        assertThat(verdict.unmet().condition()).isEqualTo("init");
        work.boxes.values().iterator().next().init = true;
        work.boxes.values().iterator().next().exitCode = 143;
        assertThat(judge(stopped("snel", 143, true)).done()).isTrue();
    }

    @Test
    void aNamedContainerThatIsNotThereIsAbsent() {
        Verdict verdict = judge(stopped("demo", 137, null));
        assertThat(verdict.unmet().absent()).isTrue();
        assertThat(text(verdict)).isEqualTo("Er is (nog) geen container demo.");
    }

    @Test
    void theImageOfANamedContainerMatters() {
        work.container("demo", "nginx");
        ContainerCheck check = ContainerCheckBuilder.named("demo").with("image", "busybox").with("running", true).build();
        assertThat(text(judge(check))).isEqualTo("Container demo is gemaakt van nginx, niet van busybox.");
    }

    // --- restart ---

    @Test
    void restartPolicyAndCount() {
        ContainerCheck always = ContainerCheckBuilder.named("c").with("restartPolicy", "always").with("minRestarts", 3).build();
        StudentWork.Box box = work.container("c", "busybox").exited(0);
        assertThat(text(judge(always))).isEqualTo("Container c heeft het herstartbeleid no, niet always.");
        box.restartPolicy = "always";
        box.restarts = 1;
        Verdict waiting = judge(always);
        assertThat(text(waiting)).isEqualTo("Container c is 1 keer herstart; wacht tot het er 3 zijn.");
        box.restarts = 3;
        assertThat(judge(always).facts()).containsEntry("restarts", "3");

        ContainerCheck onFailure = ContainerCheckBuilder.named("c").with("restartPolicy", "on-failure:2").with("status", "exited")
                .with("minRestarts", 2).build();
        assertThat(text(judge(onFailure))).isEqualTo("Container c heeft het herstartbeleid always, niet on-failure:2.");
        box.restartPolicy = "on-failure";
        box.maxRetries = 5;
        assertThat(judge(onFailure).unmet().condition()).isEqualTo("restartPolicy");
        box.maxRetries = 2;
        assertThat(judge(onFailure).done()).isTrue();
    }

    // --- how it was made: hostname, memory, pid, user, mounts, labels, -d ---

    @Test
    void theSettingsOfDockerRunAreReadFromInspect() {
        StudentWork.Box box = work.container("x", "busybox");
        assertThat(text(judge(check("hostname", "eiland")))).isEqualTo(
                "Container x heeft binnen de hostnaam " + box.hostname + ", niet eiland.");
        box.hostname = "eiland";
        assertThat(judge(check("hostname", "eiland")).done()).isTrue();

        assertThat(text(judge(check("memory", "64m")))).isEqualTo(
                "Container x heeft geen grens aan zijn geheugen; de opdracht vraagt 64 MiB.");
        box.memory = 128L * 1024 * 1024;
        assertThat(text(judge(check("memory", "64m")))).isEqualTo("Container x mag 128 MiB geheugen gebruiken, niet 64 MiB.");
        box.memory = 64L * 1024 * 1024;
        assertThat(judge(check("memory", "64m")).done()).isTrue();

        assertThat(text(judge(check("pidMode", "host")))).contains("eigen PID-namespace");
        box.pidMode = "host";
        assertThat(judge(check("pidMode", "host")).done()).isTrue();

        assertThat(text(judge(check("nonRoot", true)))).isEqualTo("Container x draait als root: dat is root.");
        box.user = "0:0";
        assertThat(judge(check("nonRoot", true)).done()).isFalse();
        box.user = "1000:1000";
        assertThat(judge(check("nonRoot", true)).facts()).containsEntry("user", "1000:1000");

        assertThat(text(judge(check("mount", "/data")))).isEqualTo("In container x is niets gekoppeld op /data.");
        box.mounts.add(new String[] {"bind", "", "/data"});
        assertThat(judge(check("mount", "/data")).done()).isTrue();
        assertThat(judge(check("volume", "mijnvolume")).done()).isFalse();
        box.mounts.add(new String[] {"volume", "mijnvolume", "/v"});
        assertThat(judge(check("volume", "mijnvolume")).done()).isTrue();

        assertThat(text(judge(check("labels", Map.of("gemaakt-met", "curl"))))).isEqualTo(
                "Container x heeft geen label gemaakt-met (gevraagd: gemaakt-met=curl).");
        box.labels.put("gemaakt-met", "cli");
        assertThat(text(judge(check("labels", Map.of("gemaakt-met", "curl"))))).isEqualTo(
                "Container x heeft het label gemaakt-met=cli, niet gemaakt-met=curl.");
        box.labels.put("gemaakt-met", "curl");
        assertThat(judge(check("labels", Map.of("gemaakt-met", "curl"))).done()).isTrue();

        box.attached = true;
        assertThat(judge(check("detached", true)).unmet().condition()).isEqualTo("detached");
        box.attached = false;
        assertThat(judge(check("detached", true)).done()).isTrue();
    }

    /** A container check on "x" with one condition set. */
    private static ContainerCheck check(String condition, Object value) {
        return ContainerCheckBuilder.named("x").with(condition, value).build();
    }

    // --- file systems and exec ---

    @Test
    void anAddedFileIsReadFromDiff() {
        StudentWork.Box box = work.container("x", "busybox").exited(0);
        box.diff.add(new Docker.Change('A', "/root/.ash_history"));
        assertThat(text(judge(check("fileAdded", "/foo")))).isEqualTo(
                "In container x is /foo niet toegevoegd of veranderd (docker diff x).");
        box.diff.add(new Docker.Change('A', "/foo"));
        assertThat(judge(check("fileAdded", "/foo")).done()).isTrue();
    }

    @Test
    void aCommandThatMustSucceedRunsWithExecInARunningContainer() {
        StudentWork.Box box = work.container("x", "postgres");
        box.exec = command -> command.equals(List.of("pg_isready", "-h", "127.0.0.1", "-U", "postgres"))
                ? new Docker.ExecResult(2, "127.0.0.1:5432 - no response\n") : new Docker.ExecResult(127, "");
        ContainerCheck ready = check("succeeds", "pg_isready -h 127.0.0.1 -U postgres");
        assertThat(text(judge(ready))).isEqualTo("In container x lukt \"pg_isready -h 127.0.0.1 -U postgres\" (nog) "
                + "niet: exitcode 2. 127.0.0.1:5432 - no response");
        box.exec = command -> new Docker.ExecResult(0, "accepting connections");
        time.advance(Duration.ofSeconds(3));
        assertThat(judge(ready).done()).isTrue();
        box.exited(1);
        assertThat(judge(ready).unmet().condition()).isEqualTo("running");
    }

    // --- images ---

    @Test
    void anImageWithAFileIsLookedAtByAShortLivedContainerOfDockerles() {
        ImageCheck metfoo = new ImageCheck("metfoo", null, "/foo");
        assertThat(text(judge(metfoo))).isEqualTo("Er is (nog) geen image metfoo.");
        StudentWork.Img image = work.image("metfoo:latest", "b1", "f1");
        assertThat(text(judge(metfoo))).isEqualTo("In het image metfoo staat geen /foo.");
        StudentWork.Img withFoo = work.image("metfoo2:latest", "b1", "f2");
        withFoo.files().add("/foo");
        docker.removeImage("metfoo:latest");
        withFoo.tags().set(0, "metfoo:latest");
        assertThat(judge(metfoo).done()).isTrue();
        assertThat(work.probesLeft()).as("look-up containers removed").isZero();
        assertThat(work.probeLabels).allSatisfy(labels -> assertThat(RunIdentity.isManaged(labels)).isTrue());
        assertThat(image.files()).isEmpty();
    }

    @Test
    void anImageIsBuiltOnAnotherWhenItsLayersStartWithThoseOfTheOther() {
        work.image("laag1:latest", "b1", "l1").files().add("/hallo.txt");
        ImageCheck laag1 = new ImageCheck("laag1", "busybox", "/hallo.txt");
        Verdict verdict = judge(laag1);
        assertThat(verdict.done()).isTrue();
        assertThat(verdict.facts()).containsEntry("layers", "2").containsEntry("baseLayers", "1")
                .containsEntry("newLayers", "1");

        ImageCheck laag2 = new ImageCheck("laag2", "laag1", "/app.txt");
        work.image("laag2:latest", "b1", "x2").files().add("/app.txt");
        assertThat(text(judge(laag2))).isEqualTo("Het image laag2 is niet gebouwd op laag1.");
        assertThat(text(judge(new ImageCheck("laag2", "laag0", null))))
                .isEqualTo("Het image laag0 ontbreekt, dus laag2 kan er niet op gebouwd zijn.");
    }

    // --- volumes ---

    @Test
    void aVolumeWithAFileThatNoContainerUsesAnyMore() {
        VolumeCheck dangling = new VolumeCheck("mijnvolume", null, true, "/groet");
        assertThat(text(judge(dangling))).isEqualTo("Er is (nog) geen volume mijnvolume.");
        work.volumes.put("mijnvolume", new java.util.HashSet<>());
        StudentWork.Box writer = work.container("schrijver", "busybox").exited(0);
        writer.mounts.add(new String[] {"volume", "mijnvolume", "/data"});
        assertThat(text(judge(dangling))).isEqualTo("Het volume mijnvolume wordt nog gebruikt door een container.");
        assertThat(judge(new VolumeCheck("mijnvolume", null, false, null)).done()).isTrue();
        docker.removeContainer(writer.id, false, true);
        assertThat(text(judge(dangling))).isEqualTo("In het volume mijnvolume staat geen /groet.");
        work.volumes.get("mijnvolume").add("/groet");
        lookups.changed();
        assertThat(judge(dangling).done()).isTrue();
        assertThat(text(judge(new VolumeCheck("mijnvolume", false, null, null))))
                .isEqualTo("Het volume mijnvolume bestaat nog.");
    }

    @Test
    void aContainerThatMustBeGone() {
        ContainerCheck gone = ContainerCheckBuilder.named("schrijver").with("exists", false).build();
        assertThat(judge(gone).done()).isTrue();
        work.container("schrijver", "busybox").exited(0);
        assertThat(text(judge(gone))).isEqualTo("Container schrijver bestaat nog (status exited).");
    }

    @Test
    void allChecksOfAnExerciseMustHoldTheFirstMissCounts() {
        Exercise exercise = new Exercise("e", null, null, null, "x", null, null,
                List.of(ContainerCheckBuilder.named("schrijver").with("exists", false).build(),
                        new VolumeCheck("mijnvolume", null, true, null)), null, null);
        Verdict verdict = new Judge(docker, lookups, null, true).judge(exercise);
        assertThat(verdict.unmet().key()).isEqualTo("oefen.miss.volume.missing");
        work.volumes.put("mijnvolume", new java.util.HashSet<>());
        assertThat(new Judge(docker, lookups, null, true).judge(exercise).done()).isTrue();
    }

    @Test
    void numbersAreNotFormattedAsDutchThousands() {
        work.container("web", "nginx").publish("0.0.0.0", 8080, 8080);
        assertThat(text(judge(NGINX_PUBLISHED))).contains("8080").doesNotContain("8.080");
    }
}
