package nl.dockerles.cli;

import nl.dockerles.Messages;
import nl.dockerles.content.Catalog;
import nl.dockerles.content.SectionEntry;
import nl.dockerles.testing.FakeDocker;
import nl.dockerles.testing.FakeTime;
import nl.dockerles.ui.Console;
import nl.dockerles.ui.Prompter;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Every section, Dutch and English, presented in a window of 50, 80 and 200 columns against the fake daemon:
 * dockerles's own lines (titles, explanations, commands, notes, its tables, the outro) never pass the window's
 * edge and never break a word. The console says which lines are the daemon's or a container's output: those are
 * printed as the docker CLI prints them, as wide as they come.
 */
class LayoutWidthsTest {
    private static final int[] WIDTHS = {50, 80, 200};

    @TempDir
    Path bin;

    static Stream<String[]> sections() {
        Catalog catalog = new Catalog();
        return catalog.entries().stream().map(SectionEntry::id).filter(catalog::isBuilt)
                .flatMap(id -> Stream.of(new String[] {id, "nl"}, new String[] {id, "en"}));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("sections")
    void ownLinesFitTheWindowAndKeepTheirWords(String section, String lang) throws Exception {
        SectionNarrationTest.assumeRunnableHere(section);
        Set<String> known = null;
        List<String> wrong = new ArrayList<>();
        for (int width : new int[] {200, 80, 50}) {
            List<Line> own = present(section, lang, width).stream().filter(line -> !line.daemon).toList();
            assertThat(own).as(section + " " + lang + " at " + width).isNotEmpty();
            own.stream().filter(line -> line.text.codePointCount(0, line.text.length()) > width)
                    .forEach(line -> wrong.add(width + " columns, too wide: " + line.text));
            Set<String> words = words(own);
            if (known == null) {
                known = words;
                known.addAll(bundleWords(lang));
            } else {
                words.removeAll(known);
                Set<String> wide = known;
                words.stream().filter(word -> !pieceOfALongWord(word, wide, width))
                        .forEach(word -> wrong.add(width + " columns, a broken word: " + word));
            }
        }
        assertThat(wrong).as("%s %s: dockerles's own lines", section, lang).isEmpty();
    }

    /** A file a step writes and then shows ({@code cat}) is dockerles's text too: it fits the narrowest window. */
    @org.junit.jupiter.api.Test
    void theFilesAStepShowsFitFiftyColumns() {
        Catalog catalog = new Catalog();
        List<String> wide = new ArrayList<>();
        int shown = 0;
        for (SectionEntry entry : catalog.entries().stream().filter(e -> catalog.isBuilt(e.id())).toList()) {
            for (nl.dockerles.content.Step step : catalog.section(entry.id()).steps()) {
                String run = step.with() == null ? "" : step.with().getOrDefault("run", "");
                for (var file : step.files().entrySet()) {
                    String name = Path.of(file.getKey()).getFileName().toString();
                    if (!run.matches(".*\\bcat\\b.*" + java.util.regex.Pattern.quote(name) + ".*")) {
                        continue;
                    }
                    shown++;
                    file.getValue().lines().filter(line -> line.length() > WIDTHS[0])
                            .forEach(line -> wide.add(entry.id() + " " + file.getKey() + ": " + line));
                }
            }
        }
        assertThat(shown).as("files a step shows").isPositive();
        assertThat(wide).isEmpty();
    }

    /** Every word of dockerles's texts in {@code lang}: a text that only a narrow window shows (a legend). */
    private static Set<String> bundleWords(String lang) {
        java.util.ResourceBundle bundle = new Messages(Locale.forLanguageTag(lang)).bundle();
        Set<String> words = new LinkedHashSet<>();
        for (String key : bundle.keySet()) {
            for (String word : bundle.getString(key).split("\\s+")) {
                words.add(word);
            }
        }
        return words;
    }

    /** One printed line, and whether any of it came from the daemon or a container. */
    record Line(String text, boolean daemon) {
    }

    private List<Line> present(String section, String lang, int width) throws Exception {
        FakeTime time = new FakeTime();
        FakeDocker docker = new FakeDocker(time).restartsPerFollow(7);
        Map<String, String> env = SectionNarrationTest.stage(section, docker, time, bin);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        List<Line> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        boolean[] daemon = {false};
        Console console = new Console(out, false, () -> width).traced((origin, text) -> {
            for (char c : text.toCharArray()) {
                if (c == '\n') {
                    lines.add(new Line(line.toString().replace("\r", ""), daemon[0]));
                    line.setLength(0);
                    daemon[0] = false;
                } else {
                    line.append(c);
                    daemon[0] |= origin == Console.Origin.DAEMON;
                }
            }
        });
        AppContext context = new AppContext(out, out, new ByteArrayInputStream(new byte[0]), env, false,
                e -> e.containsKey("DOCKER_HOST") ? docker.host(e.get("DOCKER_HOST")) : docker, time);
        Messages messages = new Messages(Locale.forLanguageTag(lang));
        Catalog catalog = new Catalog();
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> new SectionRun(context, messages).present(
                () -> docker, catalog.entry(section).orElseThrow(), catalog.section(section), "", console, Prompter.AUTO,
                presenter -> presenter));
        if (line.length() > 0) {
            lines.add(new Line(line.toString(), daemon[0]));
        }
        assertThat(docker.containers()).as("left behind").isEmpty();
        return lines;
    }

    /**
     * The words of dockerles's own lines, without what wrapping adds: a command's " \\" and its indent, a title's
     * rule. A word that a command broke with a backslash at the end of a line is joined again, as a shell does.
     */
    private static Set<String> words(List<Line> own) {
        Set<String> words = new LinkedHashSet<>();
        StringBuilder text = new StringBuilder();
        for (Line line : own) {
            String row = line.text;
            if (row.endsWith("'\\") && !row.endsWith(" '\\")) {
                text.append(row, 0, row.length() - 2).append("\u0000'"); // the quote opens again on the next line
            } else if (row.endsWith("\\") && !row.endsWith(" \\")) {
                text.append(row, 0, row.length() - 1).append('\u0000');
            } else {
                text.append(row).append('\n');
            }
        }
        String joined = text.toString().replace("\u0000''", "").replace("\u0000", "");
        for (String word : joined.split("\\s+")) {
            if (!word.isEmpty() && !word.equals("\\") && !word.matches("[═─]+")) {
                words.add(word.replaceAll("/tmp/dockerles-[0-9]+", "/tmp/dockerles-12345"));
            }
        }
        return words;
    }

    /** A piece of a word longer than a line at {@code width}: a URL or a digest has to break somewhere. */
    private static boolean pieceOfALongWord(String piece, Set<String> known, int width) {
        return known.stream().anyMatch(word -> word.length() > width - 4 && word.contains(piece));
    }
}
