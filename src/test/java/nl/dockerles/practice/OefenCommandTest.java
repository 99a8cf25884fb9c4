package nl.dockerles.practice;

import nl.dockerles.cli.AppContext;
import nl.dockerles.cli.Dockerles;
import nl.dockerles.testing.FakeDocker;
import nl.dockerles.testing.FakeTime;
import nl.dockerles.testing.Runs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code dockerles oefen} as a user runs it, against the fake daemon, with progress in a folder of the test. */
class OefenCommandTest {
    @TempDir
    Path data;

    private final FakeTime time = new FakeTime();
    private final FakeDocker docker = new FakeDocker(time);
    private final StudentWork work = StudentWork.on(docker, time);

    private Runs oefen(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "oefen";
        System.arraycopy(args, 0, all, 1, args.length);
        return Runs.run(env -> docker, time, Map.of("LANG", "C", "XDG_DATA_HOME", data.toString()), all);
    }

    @Test
    void withoutASectionEverySectionWithItsProgress() {
        Runs runs = oefen();
        assertThat(runs.exitCode()).isZero();
        assertThat(runs.out()).contains("Oefenen: je doet het zelf")
                .containsPattern("(?m)^  lifecycle  Het leven van een container +0/3$")
                .containsPattern("(?m)^  ports      Poorten naar buiten +0/2$")
                .containsPattern("(?m)^  volumes    Volumes en eigenaarschap +0/3$")
                .contains("Je voortgang staat in " + data.resolve("dockerles/progress.json"));
        assertThat(docker.calls()).as("no daemon needed").isEmpty();
    }

    @Test
    void checkExitsNineWithTheHintThenZeroAndProgressMovesOn() {
        work.container("slaper", "busybox").attached = true;
        Runs notYet = oefen("run", "--check");
        assertThat(notYet.exitCode()).isEqualTo(9);
        assertThat(notYet.out()).isEqualTo("""
                Oefening run 1/2 · Op de achtergrond
                ✗ Nog niet klaar.
                • Container slaper is niet met -d gestart: hij hangt aan een terminal.
                  Zonder -d hangt de container aan je terminal en wacht je prompt. Verwijder hem (docker rm -f slaper) en start opnieuw met -d.
                Hint: -d (detach) start de container los van je terminal.
                """);

        work.boxes.values().iterator().next().attached = false;
        Runs done = oefen("run", "--check");
        assertThat(done.exitCode()).as(done.err()).isZero();
        assertThat(done.out()).startsWith("Oefening run 1/2 · Op de achtergrond\n✓ Klaar. slaper draait op de "
                + "achtergrond (ID ").contains("Volgende: opdracht 2/2 · De exitcode van het proces (dockerles oefen run)");
        assertThat(oefen().out()).containsPattern("(?m)^  run +Eén blokkerend proces +1/2$");

        Runs second = oefen("run", "--check");
        assertThat(second.exitCode()).isEqualTo(9);
        assertThat(second.out()).startsWith("Oefening run 2/2").contains("Er is (nog) geen container exit3.");

        work.container("exit3", "busybox").exited(3);
        assertThat(oefen("run", "--check").out()).contains("Beide opdrachten van run zijn klaar.");
        Runs after = oefen("run", "--check");
        assertThat(after.exitCode()).isZero();
        assertThat(after.out()).isEqualTo("Beide opdrachten van run zijn klaar.\n");
        assertThat(oefen().out()).containsPattern("(?m)^  run +Eén blokkerend proces +2/2 ✓$");
    }

    @Test
    void aChosenExerciseWithAPrefixInEnglish() {
        work.container("exit3", "busybox").exited(3);
        Runs unprefixed = oefen("run", "--check", "--oefening", "2", "--prefix", "jan", "--lang", "en");
        assertThat(unprefixed.exitCode()).isEqualTo(9);
        assertThat(unprefixed.out()).contains("Exercise run 2/2 · The process's exit code".replace("'", "’").substring(0, 15))
                .contains("There is no container jan-exit3 (yet).")
                .contains("Hint: A shell ends with an exit code of your choice");
        work.container("jan-exit3", "busybox").exited(3);
        Runs done = oefen("run", "--check", "--exercise", "2", "--prefix", "jan", "--lang", "en");
        assertThat(done.exitCode()).isZero();
        assertThat(done.out()).contains("✓ Done. jan-exit3 has status exited with exit code 3");
    }

    @Test
    void wrongInputIsAUsageError() {
        Runs unknown = oefen("port", "--check");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("Bedoel je \"ports\"?");
        Runs number = oefen("ports", "--oefening", "7");
        assertThat(number.exitCode()).isEqualTo(2);
        assertThat(number.err()).contains("Er is geen opdracht 7 in ports: kies 1 tot en met 2.");
    }

    @Test
    void resetAsksFirstAndWithoutATerminalNeedsYes() throws IOException {
        work.container("slaper", "busybox");
        assertThat(oefen("run", "--check").exitCode()).isZero();
        Path file = data.resolve("dockerles/progress.json");
        assertThat(Files.readString(file)).contains("\"detached\"");

        Runs refused = oefen("run", "--reset");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("dockerles oefen run --reset --ja");
        assertThat(Files.readString(file)).contains("\"detached\"");

        Runs no = inTerminal("n\n", "oefen", "run", "--reset");
        assertThat(no.out()).contains("Je voortgang van run wissen (1/2 klaar)? j/N", "Niets gewist.");
        assertThat(Files.readString(file)).contains("\"detached\"");

        Runs yes = inTerminal("j\n", "oefen", "run", "--reset");
        assertThat(yes.exitCode()).isZero();
        assertThat(yes.out()).contains("Je voortgang van run is gewist");
        assertThat(Files.readString(file)).doesNotContain("\"detached\"");
        assertThat(work.boxes).as("the student's containers stay").hasSize(1);

        assertThat(oefen("run", "--check").exitCode()).isZero();
        Runs all = oefen("--reset", "--yes");
        assertThat(all.exitCode()).isZero();
        assertThat(all.out()).contains("Je voortgang is gewist");
        assertThat(oefen().out()).containsPattern("(?m)^  run +Eén blokkerend proces +0/2$");
    }

    @Test
    void anUnreadableProgressFileSaysSoAndResetMendsIt() throws IOException {
        Path file = data.resolve("dockerles/progress.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "kapot{");
        Runs broken = oefen();
        assertThat(broken.exitCode()).isEqualTo(1);
        assertThat(broken.err()).contains("Je voortgang in " + file + " is niet te lezen",
                "dockerles oefen --reset --ja");
        assertThat(oefen("--reset", "--ja").exitCode()).isZero();
        assertThat(oefen().exitCode()).isZero();
    }

    @Test
    void watchingWithoutATerminalEndsWhenEverythingIsDone() {
        work.container("slaper", "busybox");
        work.container("exit3", "busybox").exited(3);
        Runs runs = oefen("run");
        assertThat(runs.exitCode()).as(runs.err()).isZero();
        assertThat(runs.out().replaceAll("\\s+", " ")).contains("Oefenen · run · Eén blokkerend proces", "Je voortgang: 0/2 opdrachten klaar.",
                "── Opdracht 1/2 · Op de achtergrond", "Typ h, s of q en Enter", "✓ Gelukt! slaper draait",
                "── Opdracht 2/2", "✓ Gelukt! exit3 heeft status exited", "Beide opdrachten van run zijn klaar.")
                .doesNotContain("Weghalen?");
        assertThat(work.removed).isEmpty();
        Runs again = oefen("run");
        assertThat(again.out()).contains("Je hebt beide opdrachten van run al gedaan.");
    }

    @Test
    void theHelpListsOefen() {
        Runs help = Runs.run(env -> docker, time, Map.of("LANG", "C"), "--help");
        assertThat(help.out()).contains("oefen", "Oefenen: jij typt de docker-commando’s");
        Runs oefenHelp = Runs.run(env -> docker, time, Map.of("LANG", "C"), "oefen", "--help");
        assertThat(oefenHelp.out()).contains("--check", "--reset", "--oefening", "--ja",
                "Exitcode met --check: 0 als de opdracht klaar is, 9 als hij dat nog niet is");
    }

    private Runs inTerminal(String input, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        AppContext context = new AppContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                Map.of("LANG", "C", "XDG_DATA_HOME", data.toString()), true, env -> docker, time);
        int code = Dockerles.execute(args, context);
        return new Runs(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
