package nl.dockerles.cli;

import nl.dockerles.Messages;
import nl.dockerles.testing.FakeDocker;
import nl.dockerles.testing.FakeTime;
import nl.dockerles.testing.Runs;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The help names each option by its name in the help's language: in the synopsis, and first in the list. */
class HelpInLanguageTest {
    private final FakeTime time = new FakeTime();
    private final FakeDocker docker = new FakeDocker(time);

    @Test
    void theDutchSynopsisUsesNoEnglishOnlyNameAndTheEnglishNoDutchOnlyOne() {
        Set<String> dutch = names("nl");
        Set<String> english = names("en");
        for (String language : List.of("nl", "en")) {
            Set<String> other = new java.util.TreeSet<>(language.equals("nl") ? english : dutch);
            other.removeAll(language.equals("nl") ? dutch : english);
            for (String command : commands()) {
                Runs run = Runs.run(docker, time, command, "--help", "--lang", language);
                assertThat(run.exitCode()).as(command).isZero();
                String synopsis = run.out().substring(0, run.out().indexOf("\n\n"));
                for (String name : other) {
                    assertThat(Pattern.compile("(?<![\\w-])" + name + "(?![\\w-])").matcher(synopsis).find())
                            .as("%s in the synopsis of %s --help --lang %s:%n%s", name, command, language, synopsis)
                            .isFalse();
                }
            }
        }
        String demo = Runs.run(docker, time, "demo", "--help").out();
        assertThat(demo).contains("[--vanaf=N]").contains("[--lange-wachttijden[=N]]")
                .contains("--vanaf, --from=N").contains("--lange-wachttijden, --long-waits[=N]");
        String inEnglish = Runs.run(docker, time, "demo", "--help", "--lang", "en").out();
        assertThat(inEnglish).contains("[--from=N]").contains("[--typing[=SPEED]]").contains("[--interactive]")
                .contains("--typing, --typen[=SPEED]").doesNotContain("[--typen").doesNotContain("[--meekijken");
    }

    @Test
    void everyOptionWithANameInEachLanguageIsInBothLists() {
        Set<String> dutch = names("nl");
        Set<String> english = names("en");
        List<String> unlisted = new ArrayList<>();
        for (CommandLine sub : commandLine().getSubcommands().values()) {
            for (OptionSpec option : sub.getCommandSpec().options()) {
                List<String> longNames = Arrays.stream(option.names()).filter(n -> n.length() > 2).toList();
                if (longNames.size() > 1 && (longNames.stream().filter(dutch::contains).count() != 1
                        || longNames.stream().filter(english::contains).count() != 1)) {
                    unlisted.add(sub.getCommandName() + " " + longNames);
                }
            }
        }
        assertThat(unlisted).as("options with two names: one in option.names of each bundle").isEmpty();
        assertThat(dutch).doesNotContainAnyElementsOf(english);
    }

    private static Set<String> names(String language) {
        return Set.of(new Messages(Locale.forLanguageTag(language)).get("option.names").trim().split("\\s+"));
    }

    private static List<String> commands() {
        return RootCommand.SUBCOMMANDS.values().stream().map(names -> names.get(0))
                .filter(name -> !name.equals("help")).toList();
    }

    private CommandLine commandLine() {
        PrintStream none = new PrintStream(OutputStream.nullOutputStream());
        AppContext context = new AppContext(none, none, new ByteArrayInputStream(new byte[0]), Map.of(), false,
                env -> docker, time);
        return Dockerles.commandLine(context, Messages.dutch(), false);
    }
}
