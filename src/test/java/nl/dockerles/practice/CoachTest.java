package nl.dockerles.practice;

import nl.dockerles.Messages;
import nl.dockerles.engine.Names;
import nl.dockerles.daemon.DaemonInfo;
import nl.dockerles.daemon.RunIdentity;
import nl.dockerles.testing.FakeDocker;
import nl.dockerles.testing.FakeTime;
import nl.dockerles.ui.Console;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The watcher: done within a second of the change, wrong attempts called out, hints, keys, cleanup offer. */
class CoachTest {
    private final FakeTime time = new FakeTime();
    private final FakeDocker docker = new FakeDocker(time);
    private final StudentWork work = StudentWork.on(docker, time);
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final Progress progress = new Progress();
    private final List<Instant> saves = new ArrayList<>();
    private final ExerciseSet run = new Course().load("run");

    private String screen() {
        return screen.toString(StandardCharsets.UTF_8);
    }

    private Coach coach(ExerciseSet set, ScriptedKeys keys) {
        Console console = new Console(new PrintStream(screen, true, StandardCharsets.UTF_8), false, 100);
        return new Coach(docker, new DaemonLookups(docker, RunIdentity.newRun("oefen"), time), set, progress,
                p -> saves.add(time.now()), console, Messages.dutch(), keys, time, true);
    }

    private StudentWork.Box detached(String name) {
        StudentWork.Box box = work.container(name, "busybox");
        box.attached = false;
        return box;
    }

    @Test
    void saysWithinASecondThatATaskIsDoneAndGoesOnToTheNext() {
        Instant[] made = new Instant[2];
        ScriptedKeys keys = new ScriptedKeys(time, false)
                .at(Duration.ofSeconds(3), () -> {
                    made[0] = time.now();
                    detached("slaper");
                })
                .at(Duration.ofSeconds(8), () -> {
                    made[1] = time.now();
                    work.container("exit3", "busybox").exited(3);
                });

        int done = coach(run, keys).run(0, false, Set.of("slaper", "exit3"), "");

        assertThat(done).isEqualTo(2);
        assertThat(progress.isDone("run", "detached")).isTrue();
        assertThat(progress.isDone("run", "exit-code")).isTrue();
        String out = screen();
        assertThat(out).contains("── Opdracht 1/2 · Op de achtergrond", "── Opdracht 2/2 · De exitcode van het proces",
                "✓ Gelukt! slaper draait op de achtergrond (ID ", "✓ Gelukt! exit3 heeft status exited met exitcode 3",
                "Beide opdrachten van run zijn klaar.")
                .doesNotContain("Hint:");
        assertThat(out.indexOf("Opdracht 2/2")).isGreaterThan(out.indexOf("✓ Gelukt! slaper"));
        // Saved: the start of exercise 1, done 1 (+ start 2), done 2.
        assertThat(saves).hasSize(4);
        assertThat(Duration.between(made[0], saves.get(1))).isLessThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(Duration.between(made[1], saves.get(3))).isLessThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aWrongAttemptThatStaysIsCalledOutOnceWithItsOwnHint() {
        ScriptedKeys keys = new ScriptedKeys(time, false)
                .at(Duration.ofSeconds(1), () -> work.container("slaper", "busybox").attached = true)
                .key(Duration.ofSeconds(20), 'q');

        coach(run, keys).run(0, false, Set.of(), "");

        String out = screen();
        assertThat(out).contains("• Container slaper is niet met -d gestart: hij hangt aan een terminal.",
                "Zonder -d hangt de container aan je terminal en wacht je prompt.");
        assertThat(out.split("niet met -d gestart", -1)).hasSize(2);
        assertThat(out).contains("Gestopt. Je voortgang is bewaard: 0/2 klaar.");
        assertThat(progress.isDone("run", "detached")).isFalse();
        assertThat(progress.started("run", "detached")).isPresent();
    }

    @Test
    void theHintComesByItselfAfterAWhileAndHTwiceShowsTheCommands() {
        ExerciseSet restart = new Course().load("restart");
        ScriptedKeys keys = new ScriptedKeys(time, true)
                .key(Duration.ofSeconds(50), 'h')
                .key(Duration.ofSeconds(55), 'q');

        coach(restart, keys).run(0, false, Set.of(), "");

        String out = screen();
        assertThat(out).contains("Na 45 seconden nog niet gelukt; een hint:",
                "• Er is (nog) geen container stuiter.",
                "Hint: Het herstartbeleid geef je mee met --restart=always.",
                "Met h zie je de commando’s.",
                "Zo kan het:",
                "$ docker run -d --restart=always --name stuiter busybox sh -c 'echo foo && sleep 2'");
        assertThat(out.indexOf("Na 45 seconden")).isLessThan(out.indexOf("Zo kan het:"));
    }

    /** Task 2 of lifecycle begins with the running container of task 1: that is no mistake of the student's. */
    @Test
    void theStateAnExerciseBeginsWithIsNotCalledOutAsAMistake() {
        ExerciseSet lifecycle = new Course().load("lifecycle");
        StudentWork.Box proef = work.container("proef", "busybox");
        proef.attached = true;
        ScriptedKeys keys = new ScriptedKeys(time, true)
                .at(Duration.ofSeconds(12), () -> {
                    proef.exited(137);
                    work.emit("die", proef);
                })
                .key(Duration.ofSeconds(15), 'q');

        coach(lifecycle, keys).run(1, false, Set.of("proef"), "");

        String out = screen();
        assertThat(out).contains("── Opdracht 2/3", "✓ Gelukt! proef is gestopt met exitcode 137")
                .doesNotContain("heeft status running");
    }

    @Test
    void hRightAwayGivesTheHintAndSSkips() {
        ScriptedKeys keys = new ScriptedKeys(time, true)
                .key(Duration.ofSeconds(1), 'h')
                .key(Duration.ofSeconds(2), 's')
                .key(Duration.ofSeconds(3), 'q');

        coach(run, keys).run(0, false, Set.of(), "");

        assertThat(screen()).contains("Hint: -d (detach) start de container los van je terminal.",
                "Overgeslagen. Later alsnog: dockerles oefen run --oefening 1", "── Opdracht 2/2")
                .doesNotContain("Na 60 seconden");
        assertThat(progress.isDone("run", "detached")).isFalse();
    }

    @Test
    void onPodmanTheTaskSaysWhatToTypeWithPodmanAndTheSolutionShowsIt() {
        docker.onDaemon = () -> new DaemonInfo("unix:///run/podman/podman.sock", "4.3.1", "1.41", "1.41", "linux",
                "amd64", "Debian GNU/Linux 12 (bookworm)", "6.1.0", "overlay", false, true);
        solutionOfSnapshotsCommitAsked();

        assertThat(screen()).contains("Je daemon is Podman. De docker CLI kan daar niet committen",
                "$ podman --remote --url unix:///run/podman/podman.sock commit …",
                "$ podman --remote --url unix:///run/podman/podman.sock commit mijnbusybox mijnfoo")
                .doesNotContain("--tls-verify");
    }

    /** snapshots' commit exercise, h twice (the hint, then the solution), q. */
    private void solutionOfSnapshotsCommitAsked() {
        ExerciseSet snapshots = new Course().load("snapshots");
        int commit = snapshots.exercises().stream().map(Exercise::id).toList().indexOf("commit");
        ScriptedKeys keys = new ScriptedKeys(time, true)
                .key(Duration.ofSeconds(1), 'h')
                .key(Duration.ofSeconds(2), 'h')
                .key(Duration.ofSeconds(3), 'q');
        coach(snapshots, keys).run(commit, true, Set.of(), "");
    }

    @Test
    void onDockerTheTaskSaysNothingAboutPodman() {
        solutionOfSnapshotsCommitAsked();

        assertThat(screen()).doesNotContain("Podman").contains("docker commit mijnbusybox mijnfoo");
    }

    @Test
    void whatTheStudentMadeIsOfferedForRemovalAndOnlyThatAndOnlyOnYes() {
        StudentWork.Box mine = detached("van-voor");
        ScriptedKeys keys = new ScriptedKeys(time, true)
                .at(Duration.ofSeconds(1), () -> detached("slaper"))
                .at(Duration.ofSeconds(2), () -> work.container("exit3", "busybox").exited(3))
                .key(Duration.ofSeconds(4), 'j');

        coach(run, keys).run(0, false, Set.of("slaper", "exit3"), "");

        assertThat(screen()).contains("Dit maakte je tijdens het oefenen, en het staat er nog: container slaper, "
                + "container exit3.", "Weghalen? j/N", "Weggehaald: slaper, exit3");
        assertThat(work.removed).containsExactly("container slaper", "container exit3");
        assertThat(work.boxes).containsKey(mine.id);
    }

    @Test
    void noMeansItStaysWithTheCommandsToRemoveIt() {
        ScriptedKeys keys = new ScriptedKeys(time, true)
                .at(Duration.ofSeconds(1), () -> detached("slaper"))
                .key(Duration.ofSeconds(3), 'q')
                .key(Duration.ofSeconds(4), 'n');

        coach(run, keys).run(0, false, Set.of(), "");

        assertThat(screen()).contains("Het blijft staan: het is van jou. Zelf weghalen kan met: docker rm -f -v slaper");
        assertThat(work.removed).isEmpty();
    }

    @Test
    void withoutATerminalNothingIsAskedAndNothingRemoved() {
        ScriptedKeys keys = new ScriptedKeys(time, false)
                .at(Duration.ofSeconds(1), () -> detached("slaper"))
                .at(Duration.ofSeconds(2), () -> work.container("exit3", "busybox").exited(3));

        coach(run, keys).run(0, false, Set.of(), "");

        assertThat(screen()).doesNotContain("Weghalen?").contains("docker rm -f -v slaper exit3");
        assertThat(work.removed).isEmpty();
    }

    @Test
    void imagesAndVolumesWithTheExercisesNamesThatAppearedAreOfferedToo() {
        ExerciseSet snapshots = new Course().load("snapshots");
        ScriptedKeys keys = new ScriptedKeys(time, true)
                .at(Duration.ofSeconds(1), () -> {
                    StudentWork.Box box = work.container("mijnbusybox", "busybox").exited(0);
                    box.diff.add(new nl.dockerles.daemon.Docker.Change('A', "/foo"));
                })
                .at(Duration.ofSeconds(2), () -> work.image("mijnfoo:latest", "b1", "f").files().add("/foo"))
                .at(Duration.ofSeconds(3), () -> work.image("iets-anders:latest", "b1", "g"))
                .key(Duration.ofSeconds(5), 'y');

        coach(snapshots, keys).run(0, false, Set.of("mijnbusybox", "mijnfoo"), "");

        assertThat(progress.doneCount(snapshots)).isEqualTo(2);
        assertThat(work.removed).containsExactly("container mijnbusybox", "image mijnfoo:latest");
    }

    @Test
    void withAPrefixTheStudentsNamesAreTheirOwn() {
        ExerciseSet named = run.named(run.namer("jan-"));
        ScriptedKeys keys = new ScriptedKeys(time, false)
                .at(Duration.ofSeconds(1), () -> detached("slaper"))
                .at(Duration.ofSeconds(2), () -> detached("jan-slaper"))
                .key(Duration.ofSeconds(4), 'q');

        coach(named, keys).run(0, true, Set.of(), "jan-");

        assertThat(screen()).contains("Start een container jan-slaper van busybox", "✓ Gelukt! jan-slaper draait")
                .contains("Zelf weghalen kan met: docker rm -f -v jan-slaper")
                .as("another student's container is not offered").doesNotContain("rm -f -v slaper");
        assertThat(new Names("jan-", Set.of("exit3")).apply("docker rm exit3")).isEqualTo("docker rm jan-exit3");
    }
}
