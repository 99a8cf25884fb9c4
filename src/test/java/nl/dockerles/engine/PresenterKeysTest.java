package nl.dockerles.engine;

import nl.dockerles.Messages;
import nl.dockerles.content.Catalog;
import nl.dockerles.daemon.RunIdentity;
import nl.dockerles.testing.FakeDocker;
import nl.dockerles.testing.FakeTime;
import nl.dockerles.ui.Console;
import nl.dockerles.ui.Prompter;
import nl.dockerles.ui.StopRequest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The presenter's keys against the fake daemon: r replaces, s is said, a step after a skip says why it fails. */
class PresenterKeysTest {
    private final FakeTime time = new FakeTime();
    private final FakeDocker docker = new FakeDocker(time);
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Console console = new Console(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, 100);
    private final Catalog catalog = new Catalog();

    private String present(String section, StopRequest stop, Prompter.Key... keys) {
        Deque<Prompter.Key> script = new ArrayDeque<>(List.of(keys));
        Prompter prompter = label -> script.isEmpty() ? Prompter.Key.QUIT : script.pop();
        new SectionPresenter(docker, console, prompter, time, Messages.dutch(), host -> {
            throw new IllegalStateException(host);
        }).stopOn(stop).present(catalog.entry(section).orElseThrow(), catalog.section(section),
                RunIdentity.newRun(section));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void repeatReplacesTheContainerOfTheStepAndSkipIsSaid() {
        String out = present("lifecycle", new StopRequest(), Prompter.Key.NEXT, Prompter.Key.REPEAT,
                Prompter.Key.NEXT, Prompter.Key.SKIP, Prompter.Key.NEXT, Prompter.Key.NEXT, Prompter.Key.NEXT);
        assertThat(out).doesNotContain("al in gebruik").contains("Stap 3/10 overgeslagen: ")
                .containsPattern("(?s)Stap 1/10.*Stap 1/10.*Stap 2/10");
        assertThat(docker.calls().stream().filter(call -> call.equals("create demo")).count()).isEqualTo(2);
        assertThat(docker.containers()).isEmpty();
    }

    @Test
    void repeatReplacesTheContainerAnActionRunsAsWell() {
        // run's step 3 is the action time, with its docker run -d --name duurt_lang in with.command.
        String out = present("run", new StopRequest(), Prompter.Key.NEXT, Prompter.Key.NEXT, Prompter.Key.NEXT,
                Prompter.Key.REPEAT, Prompter.Key.QUIT);
        assertThat(out).doesNotContain("al in gebruik").containsPattern("(?s)Stap 3/5.*Stap 3/5");
        assertThat(docker.calls().stream().filter(call -> call.equals("create duurt_lang")).count()).isEqualTo(2);
        assertThat(docker.containers()).isEmpty();
    }

    @Test
    void aStepThatCannotRunAfterASkipSaysWhyAndTheDemoGoesOn() {
        // s at step 1: the container demo never exists, so docker stop demo (step 3) cannot work.
        String out = present("lifecycle", new StopRequest(), Prompter.Key.SKIP, Prompter.Key.NEXT,
                Prompter.Key.NEXT, Prompter.Key.QUIT);
        assertThat(out).contains("Stap 1/10 overgeslagen").contains("omdat een eerdere stap is overgeslagen")
                .contains("Gestopt op verzoek.").doesNotContain("Dat duurde");
    }

    @Test
    void repeatingDockerStopStartsTheContainerAgainFirstAndSaysSo() {
        // r at the prompt of step 4: demo ran before step 3, so it runs again first, and docker stop waits again.
        String out = present("lifecycle", new StopRequest(), Prompter.Key.NEXT, Prompter.Key.NEXT,
                Prompter.Key.NEXT, Prompter.Key.REPEAT, Prompter.Key.QUIT);
        String again = out.substring(out.lastIndexOf("Stap 3/10")).replaceAll("\\s+", " ");

        assertThat(out).contains("Eerst teruggezet zoals het vóór deze stap was: demo weer gestart.");
        assertThat(out.split("Dat duurde", -1)).hasSize(3); // both stops waited, and their notes say so
        assertThat(again).contains("$ docker stop demo").contains("128 + 9").doesNotContain("draaide al niet meer");
        assertThat(docker.containers()).isEmpty();
    }

    @Test
    void repeatingAStepThatRemovedAContainerSaysItCannotAndGoesOn() {
        // tooltje step 3 is docker rm -f tooltje: r cannot bring it back, so the step does not run again.
        docker.addImage("adminer:latest");
        String out = present("tooltje", new StopRequest(), Prompter.Key.NEXT, Prompter.Key.SKIP, Prompter.Key.NEXT,
                Prompter.Key.REPEAT, Prompter.Key.QUIT);

        assertThat(out.replaceAll("\\s+", " "))
                .contains("Stap 3/9 haalde tooltje weg, en dat kan dockerles niet terugzetten.")
                .doesNotContain("lukte niet");
        assertThat(out.split("\\$ docker rm -f tooltje", -1)).hasSize(2);
    }

    @Test
    void repeatingAHostStepPutsTheTemporaryFolderBackAsItWas() throws Exception {
        // A step that changes files of the run's folder; r gives the folder back as it was before that step.
        Workspace workspace = new Workspace();
        java.nio.file.Path folder = workspace.folder();
        java.nio.file.Files.writeString(folder.resolve("a.txt"), "voor");
        java.nio.file.Files.createDirectories(folder.resolve("sub"));
        workspace.remember(); // at the prompt
        workspace.adopt(); // the step runs
        java.nio.file.Files.writeString(folder.resolve("a.txt"), "na");
        java.nio.file.Files.writeString(folder.resolve("sub/nieuw"), "x");
        java.nio.file.Files.createDirectories(folder.resolve(".git/objects"));

        assertThat(workspace.putBack()).isTrue();
        assertThat(java.nio.file.Files.readString(folder.resolve("a.txt"))).isEqualTo("voor");
        try (var files = java.nio.file.Files.walk(folder)) {
            assertThat(files.map(p -> folder.relativize(p).toString()).sorted().toList())
                    .containsExactly("", "a.txt", "sub");
        }
        assertThat(workspace.putBack()).as("nothing changed since").isFalse();
        // The prompt after it looks again, but until the next step runs r puts back the folder of this one.
        java.nio.file.Files.writeString(folder.resolve("a.txt"), "na");
        workspace.remember();
        assertThat(workspace.putBack()).isTrue();
        assertThat(java.nio.file.Files.readString(folder.resolve("a.txt"))).isEqualTo("voor");
        workspace.close();
        assertThat(folder).doesNotExist();
    }

    @Test
    void ctrlDInTheHandedOverShellGivesNotesThatFollowTheDaemon() {
        // --interactief: the presenter types ps ax, then Ctrl-D, where the section expects Ctrl-P Ctrl-Q.
        Deque<Prompter.Key> script = new ArrayDeque<>(List.of(Prompter.Key.NEXT, Prompter.Key.NEXT,
                Prompter.Key.NEXT, Prompter.Key.QUIT));
        new SectionPresenter(docker, console, label -> script.pop(), time, Messages.dutch(), host -> null)
                .handOverShells((keys, ended, resize) -> {
                    resize.accept(80, 24);
                    keys.accept("ps ax\r".getBytes(StandardCharsets.UTF_8));
                    keys.accept(new byte[] {0x04});
                })
                .present(catalog.entry("lifecycle").orElseThrow(), catalog.section("lifecycle"),
                        RunIdentity.newRun("lifecycle"));
        String out = bytes.toString(StandardCharsets.UTF_8).replaceAll("\\s+", " ");

        assertThat(out).contains("Maak je los met Ctrl-P Ctrl-Q").contains("Ctrl-D of exit stopt hem")
                .contains("De shell is gestopt (Ctrl-D of exit), en daarmee de container demo: exitcode 0")
                .contains("demo draaide al niet meer (status exited, exitcode 0)")
                .doesNotContain("we ons losgemaakt").doesNotContain("de container draait door")
                .doesNotContain("shell draait nog").doesNotContain("Dat duurde").doesNotContain("128 + 9");
    }

    @Test
    void attachWaitedFromTheKeyToTheDaemonsFinishedAt() {
        Deque<Prompter.Key> script = new ArrayDeque<>(List.of(Prompter.Key.NEXT, Prompter.Key.NEXT,
                Prompter.Key.NEXT, Prompter.Key.NEXT, Prompter.Key.QUIT));
        new SectionPresenter(docker, console, label -> {
            if (script.size() == 2) {
                time.advance(java.time.Duration.ofSeconds(4)); // the presenter talks 4 s before attach
            }
            return script.pop();
        }, time, Messages.dutch(), host -> null).present(catalog.entry("run").orElseThrow(), catalog.section("run"),
                RunIdentity.newRun("run"));
        String out = bytes.toString(StandardCharsets.UTF_8).replaceAll("\\s+", " ");

        // sleep 10 started at step 3 (the fake's start takes 1 s), the key for attach came 4 s later.
        assertThat(out).contains("$ docker attach duurt_lang").contains("attach wachtte 5,0 seconden");
    }

    @Test
    void attachAfterTheContainerHadExitedSaysItHadStopped() {
        Deque<Prompter.Key> script = new ArrayDeque<>(List.of(Prompter.Key.NEXT, Prompter.Key.NEXT,
                Prompter.Key.NEXT, Prompter.Key.NEXT, Prompter.Key.QUIT));
        new SectionPresenter(docker, console, label -> {
            if (script.size() == 2) {
                docker.containers().stream().filter(c -> c.name.endsWith("duurt_lang")).forEach(c -> {
                    c.running = false; // 14 s of talking: sleep 10 is done
                    c.finished = time.now();
                });
                time.advance(java.time.Duration.ofSeconds(14));
            }
            return script.pop();
        }, time, Messages.dutch(), host -> null).present(catalog.entry("run").orElseThrow(), catalog.section("run"),
                RunIdentity.newRun("run"));
        String out = bytes.toString(StandardCharsets.UTF_8).replaceAll("\\s+", " ");

        assertThat(out).contains("$ docker attach duurt_lang").contains("De container duurt_lang draait niet meer")
                .doesNotContain("attach wachtte");
    }

    @Test
    void aStopRequestedAtThePromptCleansUpAndEndsWith130() {
        StopRequest stop = new StopRequest();
        Deque<Prompter.Key> script = new ArrayDeque<>(List.of(Prompter.Key.NEXT));
        Prompter prompter = label -> {
            if (script.isEmpty()) {
                stop.request(StopRequest.Reason.INTERRUPT); // Ctrl-C at the second prompt
                return Prompter.Key.QUIT;
            }
            return script.pop();
        };
        SectionPresenter presenter = new SectionPresenter(docker, console, prompter, time, Messages.dutch(),
                host -> null).stopOn(stop);
        assertThatThrownBy(() -> presenter.present(catalog.entry("lifecycle").orElseThrow(),
                catalog.section("lifecycle"), RunIdentity.newRun("lifecycle")))
                .isInstanceOfSatisfying(nl.dockerles.DockerlesException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(nl.dockerles.ExitCode.INTERRUPTED);
                    assertThat(Messages.dutch().of(e)).isEqualTo("Onderbroken. Opgeruimd wat deze demo maakte: demo");
                });
        assertThat(docker.containers()).isEmpty();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).doesNotContain("stap 2/10").doesNotContain("Stap 2/10");
    }

    /** The prompt after the last step (issue 11): r repeats that step there too, and the help line says so. */
    @Test
    void theEndPromptRepeatsTheLastStepAndEnterEndsWithTheSummary() {
        List<String> labels = new java.util.ArrayList<>();
        Deque<Prompter.Key> script = new ArrayDeque<>(List.of(Prompter.Key.NEXT, Prompter.Key.NEXT,
                Prompter.Key.NEXT, Prompter.Key.NEXT, Prompter.Key.NEXT, Prompter.Key.REPEAT, Prompter.Key.SKIP,
                Prompter.Key.NEXT));
        new SectionPresenter(docker, console, label -> {
            labels.add(label);
            return script.isEmpty() ? Prompter.Key.QUIT : script.pop();
        }, time, Messages.dutch(), host -> null).present(catalog.entry("run").orElseThrow(), catalog.section("run"),
                RunIdentity.newRun("run"));
        String out = bytes.toString(StandardCharsets.UTF_8).replaceAll("\\s+", " ");

        assertThat(script).as("every key used").isEmpty();
        assertThat(labels.subList(5, 8)).as("the end prompt, after r and after s")
                .allSatisfy(label -> assertThat(label).startsWith("⏎ einde").contains("r: laatste stap opnieuw")
                        .doesNotContain("overslaan"));
        assertThat(out.split("Stap 5/5 ·", -1)).hasSize(3);
        assertThat(out.lastIndexOf("── Klaar")).isGreaterThan(out.lastIndexOf("Stap 5/5 ·"));
        assertThat(out).contains("Opgeruimd wat deze demo maakte:").doesNotContain("Gestopt op verzoek")
                .doesNotContain("overgeslagen").doesNotContain("lukte niet");
        assertThat(docker.containers()).isEmpty();
    }

    @Test
    void qAtAStepPromptEndsWithOneLineAfterTheCleanUpAsQDuringAStep() {
        String out = present("ports", new StopRequest(), Prompter.Key.NEXT, Prompter.Key.QUIT);
        List<String> lines = out.lines().filter(line -> !line.isBlank()).toList();

        assertThat(lines.get(lines.size() - 1)).isEqualTo("Gestopt op verzoek. Opgeruimd wat deze demo maakte: web");
        assertThat(out.split("Gestopt op verzoek", -1)).hasSize(2);
        assertThat(docker.containers()).isEmpty();
    }

    @Test
    void qAtTheEndPromptStopsAndCleansUpAsAtAnyPrompt() {
        String out = present("run", new StopRequest(), Prompter.Key.NEXT, Prompter.Key.NEXT, Prompter.Key.NEXT,
                Prompter.Key.NEXT, Prompter.Key.NEXT, Prompter.Key.QUIT);

        assertThat(out.replaceAll("\\s+", " ")).contains("Gestopt op verzoek.")
                .contains("Opgeruimd wat deze demo maakte:").doesNotContain("── Klaar");
        assertThat(docker.containers()).isEmpty();
    }

    @Test
    void ctrlCAtTheEndPromptCleansUpAndEndsWith130() {
        StopRequest stop = new StopRequest();
        Deque<Prompter.Key> script = new ArrayDeque<>(List.of(Prompter.Key.NEXT, Prompter.Key.NEXT,
                Prompter.Key.NEXT, Prompter.Key.NEXT, Prompter.Key.NEXT));
        Prompter prompter = label -> {
            if (script.isEmpty()) {
                stop.request(StopRequest.Reason.INTERRUPT); // Ctrl-C at the end prompt
                return Prompter.Key.QUIT;
            }
            return script.pop();
        };
        SectionPresenter presenter = new SectionPresenter(docker, console, prompter, time, Messages.dutch(),
                host -> null).stopOn(stop);
        assertThatThrownBy(() -> presenter.present(catalog.entry("run").orElseThrow(), catalog.section("run"),
                RunIdentity.newRun("run")))
                .isInstanceOfSatisfying(nl.dockerles.DockerlesException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(nl.dockerles.ExitCode.INTERRUPTED);
                    assertThat(Messages.dutch().of(e)).startsWith("Onderbroken. Opgeruimd wat deze demo maakte: ")
                            .contains("eenmalig").contains("duurt_lang");
                });
        assertThat(docker.containers()).isEmpty();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).doesNotContain("── Klaar");
    }
}
