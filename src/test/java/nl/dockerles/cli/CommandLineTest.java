package nl.dockerles.cli;

import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.daemon.RunIdentity;
import nl.dockerles.testing.FakeDocker;
import nl.dockerles.testing.FakeTime;
import nl.dockerles.testing.Runs;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CommandLineTest {
    private final FakeTime time = new FakeTime();
    private final FakeDocker docker = new FakeDocker(time);

    @Test
    void versionNamesTheTool() {
        Runs run = Runs.run(docker, time, "--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).matches("dockerles \\d+\\.\\d+\\.\\d+( \\(commit [0-9a-f]{7,40}\\))?\\R");
    }

    @Test
    void helpIsDutch() {
        Runs run = Runs.run(docker, time, "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Gebruik: dockerles").contains("Opdrachten:").contains("Exitcodes:")
                .contains("Toont de secties van de workshop");
        assertThat(Runs.run(docker, time, "demo", "--help").out()).contains("--auto")
                .contains("Loopt zonder te wachten");
    }

    @Test
    void withoutACommandItListsAllSectionsMarkingTheUnbuiltOnes() {
        Runs run = Runs.run(docker, time);
        assertThat(run.exitCode()).isZero();
        var catalog = new nl.dockerles.content.Catalog();
        var lines = run.out().lines().filter(line -> line.startsWith("  ")).toList();
        assertThat(lines).hasSize(13);
        for (int i = 0; i < lines.size(); i++) {
            var entry = catalog.entries().get(i);
            assertThat(lines.get(i)).startsWith("  " + entry.id())
                    .endsWith(catalog.isBuilt(entry.id()) ? "~" + entry.seconds() + " s" : "(nog niet gebouwd)");
        }
        assertThat(Runs.run(docker, time, "list").out()).isEqualTo(run.out());
        assertThat(docker.calls()).isEmpty();
    }

    @Test
    void anUnknownSectionSuggestsTheNearestOne() {
        Runs run = Runs.run(docker, time, "demo", "lifecylce");
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code);
        assertThat(run.err()).contains("Een sectie \"lifecylce\" bestaat niet. Bedoel je \"lifecycle\"?");
    }

    @Test
    void aWordNearNoSectionOrCommandSuggestsNothingAndPointsToTheList() {
        Runs section = Runs.run(docker, time, "demo", "nope");
        assertThat(section.exitCode()).isEqualTo(ExitCode.USAGE.code);
        assertThat(section.err()).contains("Een sectie \"nope\" bestaat niet. Alle secties: dockerles list")
                .doesNotContain("Bedoel je");
        assertThat(Runs.run(docker, time, "oefen", "nope").err()).doesNotContain("Bedoel je").contains("dockerles list");
        assertThat(Runs.run(docker, time, "nope").err()).contains("Een opdracht \"nope\" bestaat niet.")
                .doesNotContain("Bedoel je");
        assertThat(Runs.run(docker, time, "help", "nope").err()).contains("Een opdracht \"nope\" bestaat niet.")
                .doesNotContain("Unknown");
        assertThat(Runs.run(docker, time, "demo", "lifecycle", "--lol").err())
                .contains("De optie --lol ken ik niet").doesNotContain("Bedoel je");
        assertThat(Runs.run(docker, time, "demo", "lifecycle", "--vanav", "2").err()).contains("Bedoel je --vanaf?");
        assertThat(Runs.run(docker, time, "demo", "Lifecycle", "--vanaf", "0").err()).contains("de sectie lifecycle");
    }

    @Test
    void anUnknownOptionIsADutchUsageError() {
        Runs run = Runs.run(docker, time, "demo", "lifecycle", "--snel");
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code);
        assertThat(run.err()).contains("--snel").contains("Zie dockerles --help");
    }

    @Test
    void aForeignContainerWithTheSameNameIsNeverTouched() {
        String id = docker.addForeignContainer("demo", Map.of("eigenaar", "student"));
        Runs run = Runs.run(docker, time, "demo", "lifecycle", "--auto");

        assertThat(run.exitCode()).isEqualTo(ExitCode.CONFLICT.code);
        assertThat(run.err()).contains("Er bestaat al een container met de naam \"demo\" die niet van dockerles is")
                .contains("docker rename demo demo-oud").doesNotContain("Exception");
        assertThat(docker.containers()).extracting(c -> c.id).containsExactly(id);
        assertThat(docker.calls()).noneMatch(call -> call.startsWith("remove") || call.startsWith("create"));
    }

    @Test
    void aLeftoverOfAnAbortedRunIsRemovedWithANote() {
        Map<String, String> labels = new java.util.HashMap<>(new RunIdentity("lifecycle", "0ld0ld00").labels());
        labels.put(nl.dockerles.daemon.RunOwner.LABEL,
                nl.dockerles.daemon.RunOwner.current().replaceFirst("/\\d+/", "/999999999/")); // a process gone
        docker.addForeignContainer("demo", labels);
        Runs run = Runs.run(docker, time, "demo", "lifecycle", "--auto");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Opgeruimd van een eerdere demo die niet netjes eindigde: demo");
        assertThat(docker.containers()).isEmpty();
    }

    @Test
    void aRunThatStillLivesIsLeftAloneAndTheSecondRunSaysSo() {
        docker.addForeignContainer("demo", new RunIdentity("lifecycle", "1ive1ive").labels()); // this process: alive
        Runs run = Runs.run(docker, time, "demo", "lifecycle", "--auto");

        assertThat(run.exitCode()).isEqualTo(ExitCode.CONFLICT.code);
        assertThat(run.err()).contains("De sectie lifecycle draait al").contains("--prefix");
        assertThat(docker.containers()).hasSize(1);
        assertThat(docker.calls()).noneMatch(call -> call.startsWith("remove") || call.startsWith("create"));
    }

    @Test
    void noDaemonIsADutchMessageAndItsExitCodeWithoutAStackTrace() {
        Runs run = Runs.run(env -> {
            throw new DockerlesException(ExitCode.DOCKER_UNAVAILABLE, "error.docker.unreachable", "  - test");
        }, time, Map.of(), "demo", "lifecycle", "--auto");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).doesNotContain("at nl.dockerles").doesNotContain("Exception");
    }

    @Test
    void aMissingImageThatCannotBePulledNamesTheImage() {
        docker.forgetImage("busybox:latest");
        Runs run = Runs.run(docker, time, "demo", "lifecycle", "--auto");
        assertThat(run.exitCode()).isEqualTo(ExitCode.IMAGE_MISSING.code);
        assertThat(run.out()).contains("Image busybox:latest is er nog niet");
        assertThat(run.err()).contains("busybox:latest");
    }

    @Test
    void badOptionValuesAreSentencesInTheUsersLanguageAndNothingRuns() {
        for (String[] args : new String[][] {{"demo", "lifecycle", "--vanaf", "99"}, {"demo", "lifecycle", "--vanaf", "0"},
                {"demo", "lifecycle", "--vanaf", "-1"}, {"--lang", "fr", "list"}, {"lisst"}, {"demo"},
                {"demo", "lifecycle", "--bla"}, {"demo", "lifecycle", "--vanaf", "abc"},
                {"handout", "lifecycle", "-o", "/nonexistent/x.md"}, {"demo", "lifecycle", "--lange-wachttijden"},
                {"demo", "restart", "--lange-wachttijden=0"}, {"demo", "restart", "--long-waits=99"}}) {
            Runs run = Runs.run(docker, time, args);
            assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(ExitCode.USAGE.code);
            assertThat(run.err()).as(String.join(" ", args)).doesNotContain("Unmatched", "Missing", "Unknown",
                    "Invalid", "Exception");
        }
        assertThat(Runs.run(docker, time, "lisst").err()).contains("Bedoel je \"list\"?");
        assertThat(Runs.run(docker, time, "demo", "lifecycle", "--vanaf", "99").err())
                .contains("de stappen 1 tot en met 10");
        assertThat(Runs.run(docker, time, "demo", "lifecycle", "--lange-wachttijden").err())
                .contains("--lange-wachttijden hoort bij de sectie restart");
        assertThat(Runs.run(docker, time, "demo", "restart", "--lange-wachttijden=0").err())
                .contains("geef een RestartCount van 1 tot en met 20");
        assertThat(Runs.run(docker, time, "--lang", "fr", "list").err()).contains("kies nl").contains("of en");
        assertThat(docker.calls()).noneMatch(call -> call.startsWith("create"));
    }

    @Test
    void aBadPrefixIsAUsageErrorBeforeTheFirstScreen() {
        for (String command : new String[] {"demo", "handout"}) {
            Runs run = Runs.run(docker, time, command, "lifecycle", "--prefix", "a b");
            assertThat(run.exitCode()).as(command).isEqualTo(ExitCode.USAGE.code);
            assertThat(run.err()).as(command).contains("Het voorvoegsel \"a b\" kan niet");
            assertThat(run.out()).as(command).doesNotContain("Het leven van een container");
        }
        assertThat(docker.calls()).isEmpty();
    }

    @Test
    void anOptionIsNamedAsTypedAndAMissingValueSaysSo() {
        assertThat(Runs.run(docker, time, "demo", "--typen=abc", "lifecycle").err())
                .contains("De waarde \"abc\" past niet bij --typen.");
        assertThat(Runs.run(docker, time, "--lang", "en", "demo", "--typing=abc", "lifecycle").err())
                .contains("The value \"abc\" does not fit --typing.");
        assertThat(Runs.run(docker, time, "demo", "lifecycle", "--from", "x").err())
                .contains("De waarde \"x\" past niet bij --from.");
        Runs missing = Runs.run(docker, time, "demo", "lifecycle", "--vanaf");
        assertThat(missing.exitCode()).isEqualTo(ExitCode.USAGE.code);
        assertThat(missing.err()).contains("Bij --vanaf hoort een waarde.").doesNotContain("Voorbeeld");
    }

    @Test
    void aSectionNameIsMatchedWhateverItsCase() {
        Runs run = Runs.run(docker, time, "demo", "Lifecycle", "--auto");
        assertThat(run.exitCode()).isZero();
    }
}
