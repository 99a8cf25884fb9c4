package nl.dockerles.practice;

import nl.dockerles.content.Catalog;
import nl.dockerles.content.Placeholders;
import nl.dockerles.content.SectionEntry;
import nl.dockerles.content.Text;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Validates demos/oefen/: every section has exercises, every text both languages, every check can be judged. */
class OefenContentTest {
    private static final List<String> LANGUAGES = List.of("nl", "en");
    /** What a done text may fill in, per kind of check (see Judge). */
    private static final Set<String> FACTS = Set.of("name", "id", "image", "status", "exitCode", "restarts",
            "hostname", "user", "port", "containerPort", "url", "httpStatus", "imageId", "layers", "baseLayers",
            "newLayers", "volume", "volumeShort");
    private final Course course = new Course();

    @Test
    void everySectionHasAtLeastTwoExercises() {
        for (SectionEntry entry : new Catalog().entries()) {
            assertThat(course.has(entry.id())).as(entry.id()).isTrue();
            assertThat(course.load(entry.id()).exercises()).as(entry.id()).hasSizeGreaterThanOrEqualTo(2);
        }
    }

    /**
     * A student who leaves an exercise's container behind must not block a demo (a name taken by something that is
     * not dockerles's stops the demo): no exercise uses a name any demo uses.
     */
    @Test
    void exerciseNamesNeverCollideWithADemosNames() {
        Catalog catalog = new Catalog();
        StringBuilder demos = new StringBuilder();
        for (SectionEntry entry : catalog.entries()) {
            if (catalog.isBuilt(entry.id())) {
                for (nl.dockerles.content.Step step : catalog.section(entry.id()).steps()) {
                    demos.append(step.command()).append('\n').append(step.with()).append('\n');
                }
            }
        }
        for (SectionEntry entry : catalog.entries()) {
            for (String name : course.load(entry.id()).names()) {
                assertThat(demos.toString()).as(entry.id() + ": exercise name " + name + " is a demo's too")
                        .doesNotContainPattern("(?<![\\w-])" + Pattern.quote(name) + "(?![\\w-])");
            }
        }
    }

    /** The exercises speak as a trainer does (issue 14's examples), in Dutch and English. */
    @Test
    void theExercisesSpeakAsATrainerDoes() {
        for (SectionEntry entry : new Catalog().entries()) {
            ExerciseSet set = course.load(entry.id());
            StringBuilder all = new StringBuilder();
            for (String language : LANGUAGES) {
                all.append(set.intro().in(language)).append('\n');
                for (Exercise e : set.exercises()) {
                    all.append(e.task().in(language)).append('\n').append(e.hint().in(language)).append('\n')
                            .append(e.done().in(language)).append('\n');
                    e.hints().values().forEach(t -> all.append(t.in(language)).append('\n'));
                }
            }
            assertThat(all.toString()).as(entry.id()).doesNotContainPattern("\\w\\(s\\)").doesNotContain("bungel")
                    .doesNotContain("zo een").doesNotContain("netwerkkaarten").doesNotContain("Are you root")
                    .doesNotContain("vraagt het hem zelf").doesNotContain("nog, of de poort")
                    .doesNotContain("container snel van").doesNotContain("notities").doesNotContain("from the notes");
        }
    }

    /** The practice-mode slips of the notes' students: the lifecycle exercises need a second terminal, said first. */
    @Test
    void lifecycleSaysUpFrontItNeedsASecondTerminal() {
        Text intro = course.load("lifecycle").intro();
        assertThat(intro.in("nl")).contains("twee").contains("terminals");
        assertThat(intro.in("en")).contains("two").contains("terminals");
    }

    /** No hint or solution contradicts its section: ports are published on 127.0.0.1 only. */
    @Test
    void portsAreAlwaysPublishedOnLoopbackInHintsAndSolutions() {
        for (SectionEntry entry : new Catalog().entries()) {
            for (Exercise exercise : course.load(entry.id()).exercises()) {
                StringBuilder all = new StringBuilder(exercise.solution()).append('\n');
                for (String language : LANGUAGES) {
                    all.append(exercise.hint().in(language)).append('\n');
                    exercise.hints().values().forEach(t -> all.append(t.in(language)).append('\n'));
                }
                assertThat(all.toString()).as(entry.id() + "/" + exercise.id())
                        .doesNotContainPattern("-p \\d+:\\d+");
            }
        }
    }

    @Test
    void everyExerciseIsComplete() {
        for (SectionEntry entry : new Catalog().entries()) {
            ExerciseSet set = course.load(entry.id());
            assertAllLanguages(set.intro(), entry.id() + " intro");
            Set<String> ids = new HashSet<>();
            for (Exercise exercise : set.exercises()) {
                String where = entry.id() + "/" + exercise.id();
                assertThat(exercise.id()).as(where).matches("[a-z0-9-]+");
                assertThat(ids.add(exercise.id())).as(where + " unique id").isTrue();
                assertAllLanguages(exercise.title(), where + " title");
                assertAllLanguages(exercise.task(), where + " task");
                assertAllLanguages(exercise.hint(), where + " hint");
                assertAllLanguages(exercise.done(), where + " done");
                assertThat(exercise.solution()).as(where + " solution").isNotBlank();
                assertThat(exercise.hintDelay().toSeconds()).as(where + " hintAfter").isPositive();
                assertThat(exercise.check() != null && !exercise.checks().isEmpty()).as(where + ": check or checks")
                        .isFalse();
                assertThat(exercise.allChecks()).as(where + " checks").isNotEmpty();

                Set<String> conditions = new HashSet<>();
                for (Check check : exercise.allChecks()) {
                    assertThat(check.problems()).as(where + " " + check).isEmpty();
                    conditions.addAll(check.conditions());
                    for (String name : namesIn(check)) {
                        assertThat(set.names()).as(where + ": the name " + name + " is in names (for --prefix)")
                                .contains(name);
                    }
                }
                exercise.hints().forEach((condition, text) -> {
                    assertThat(conditions).as(where + " hints." + condition + " is a condition it checks")
                            .contains(condition);
                    assertAllLanguages(text, where + " hints." + condition);
                });
                for (String language : LANGUAGES) {
                    for (String name : Placeholders.names(exercise.done().in(language))) {
                        assertThat(FACTS).as(where + " done {" + name + "}").contains(name);
                    }
                }
            }
        }
    }

    /** The names the student gives: a named container, image or volume (not the images they start from). */
    private static List<String> namesIn(Check check) {
        List<String> names = new ArrayList<>();
        if (check instanceof ContainerCheck c) {
            addRepository(names, c.name());
            addRepository(names, c.volume());
            if (c.image() != null && !GIVEN.contains(repository(c.image()))) {
                addRepository(names, c.image());
            }
        } else if (check instanceof ImageCheck c) {
            addRepository(names, c.name());
            if (c.baseImage() != null && !GIVEN.contains(repository(c.baseImage()))) {
                addRepository(names, c.baseImage());
            }
        } else if (check instanceof VolumeCheck c) {
            addRepository(names, c.name());
        }
        return names;
    }

    /** The images the sections start from, not names the student gives. */
    private static final Set<String> GIVEN = Set.of("busybox", "nginx", "postgres", "registry", "adminer");

    /** "busybox:1.35.0" → "busybox"; "127.0.0.1:5001/oefen/busybox:1.0" → "127.0.0.1:5001/oefen/busybox". */
    private static String repository(String reference) {
        return reference.replaceFirst(":[^/:]*$", "");
    }

    private static void addRepository(List<String> names, String reference) {
        if (reference != null) {
            names.add(repository(reference));
        }
    }

    @Test
    void anUnknownKindOrConditionFailsToLoad() {
        assertThatThrownBy(() -> parse("{kind: netwerk, name: x}")).isInstanceOf(IOException.class)
                .hasMessageContaining("netwerk");
        assertThatThrownBy(() -> parse("{kind: container, name: x, kleur: blauw}")).isInstanceOf(IOException.class)
                .hasMessageContaining("kleur");
        assertThatThrownBy(() -> parse("{name: x, running: true}")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> parse("{kind: image, name: x, running: true}")).isInstanceOf(IOException.class);
    }

    @Test
    void checksThatCannotBeJudgedAreProblems() throws IOException {
        assertThat(parse("{kind: container, running: true}").problems()).isNotEmpty();
        assertThat(parse("{kind: container, name: x, memory: veel}").problems()).isNotEmpty();
        assertThat(parse("{kind: container, name: x, restartPolicy: sometimes}").problems()).isNotEmpty();
        assertThat(parse("{kind: container, name: x, restartPolicy: \"always:3\"}").problems()).isNotEmpty();
        assertThat(parse("{kind: container, name: x, status: sleeping}").problems()).isNotEmpty();
        assertThat(parse("{kind: container, name: x, http: true}").problems()).isNotEmpty();
        assertThat(parse("{kind: container, name: x, running: false}").problems()).isNotEmpty();
        assertThat(parse("{kind: container, name: x, exists: false, running: true}").problems()).isNotEmpty();
        assertThat(parse("{kind: container, name: x, fileAdded: foo}").problems()).isNotEmpty();
        assertThat(parse("{kind: image, fileExists: /foo}").problems()).isNotEmpty();
        assertThat(parse("{kind: volume, name: v, exists: false, dangling: true}").problems()).isNotEmpty();
        assertThat(parse("{kind: container, image: nginx, running: true, publishes: 80, http: true}").problems())
                .isEmpty();
    }

    private Check parse(String check) throws IOException {
        String yaml = "section: s\nexercises:\n  - id: e\n    check: " + check + "\n";
        try (InputStream in = new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))) {
            return course.parse(in).exercises().get(0).check();
        }
    }

    @Test
    void everyMessageKeyOfTheExercisesIsInBothLanguagesAndFormats() throws IOException {
        Set<String> keys = new TreeSet<>();
        Pattern literal = Pattern.compile("\"(oefen\\.[a-zA-Z.]+[a-zA-Z])\"");
        Pattern variant = Pattern.compile("failAs\\(\"\\w+\", \"([\\w.]+)\"");
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/java/nl/dockerles/practice"))) {
            sources.addAll(files.toList());
        }
        sources.add(Path.of("src/main/java/nl/dockerles/cli/OefenCommand.java"));
        for (Path source : sources) {
            String code = Files.readString(source);
            Matcher m = literal.matcher(code);
            while (m.find()) {
                keys.add(m.group(1));
            }
            Matcher v = variant.matcher(code);
            while (v.find()) {
                keys.add("oefen.miss.container." + v.group(1));
            }
        }
        for (String condition : ContainerCheck.ORDER) {
            keys.add("oefen.miss.container." + condition);
        }
        keys.add("oefen.miss.container.none");
        ImageCheck.ORDER.forEach(c -> keys.add("oefen.miss.image." + c));
        VolumeCheck.ORDER.forEach(c -> keys.add("oefen.miss.volume." + c));
        for (String kind : List.of("container", "image", "volume")) {
            keys.add("oefen.thing." + kind);
        }
        keys.removeIf(k -> k.endsWith(".") || k.equals("oefen.miss"));
        assertThat(keys).contains("oefen.miss.container.publishes.other", "oefen.check.done", "oefen.reset.needsyes");

        for (String bundle : List.of("/nl/dockerles/Messages.properties", "/nl/dockerles/Messages_en.properties")) {
            Properties texts = new Properties();
            try (InputStream in = OefenContentTest.class.getResourceAsStream(bundle)) {
                texts.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            }
            for (String key : keys) {
                assertThat(texts.getProperty(key)).as(bundle + " " + key).isNotBlank();
                // Counts are written as a person writes them ({0,choice,...}): those take numbers.
                new MessageFormat(texts.getProperty(key)).format(texts.getProperty(key).contains(",choice,")
                        ? new Object[] {2, 3, 4, 5} : new Object[] {"a", "b", "c", "d"});
                assertThat(texts.getProperty(key)).as(bundle + " " + key + ": a lone ' vanishes in MessageFormat")
                        .doesNotContainPattern("(?<!')'(?!')");
            }
        }
    }

    private static void assertAllLanguages(Text text, String where) {
        assertThat(text).as(where).isNotNull();
        for (String language : LANGUAGES) {
            assertThat(text.has(language)).as(where + " in " + language).isTrue();
        }
    }
}
