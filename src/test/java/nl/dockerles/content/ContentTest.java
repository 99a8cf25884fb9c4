package nl.dockerles.content;

import nl.dockerles.cmdline.DockerCli;
import nl.dockerles.cmdline.DockerCommand;
import nl.dockerles.engine.Actions;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Validates all content under demos/, as rustlings checks its course: a broken section fails the build. */
class ContentTest {
    private static final List<String> LANGUAGES = List.of("nl", "en");
    private final Catalog catalog = new Catalog();

    @Test
    void everyPartOfTheNotesHasASection() {
        assertThat(catalog.entries()).extracting(SectionEntry::id).containsExactly("lifecycle", "isolation", "run",
                "restart", "ports", "snapshots", "layers", "distributie", "prepush", "database", "tooltje", "remote",
                "volumes");
        for (SectionEntry entry : catalog.entries()) {
            assertThat(entry.part()).as(entry.id()).isNotBlank();
            assertThat(entry.seconds()).as(entry.id()).isPositive();
            assertAllLanguages(entry.title(), entry.id() + " title");
            assertAllLanguages(entry.summary(), entry.id() + " summary");
        }
    }

    @Test
    void everyBuiltSectionIsComplete() {
        List<String> built = new ArrayList<>();
        for (SectionEntry entry : catalog.entries()) {
            if (!catalog.isBuilt(entry.id())) {
                continue;
            }
            built.add(entry.id());
            Section section = catalog.section(entry.id());
            assertThat(section.images()).as(entry.id() + " images").isNotEmpty();
            assertThat(section.steps()).as(entry.id() + " steps").isNotEmpty();
            assertAllLanguages(section.intro(), entry.id() + " intro");
            assertAllLanguages(section.outro(), entry.id() + " outro");
            for (int i = 0; i < section.steps().size(); i++) {
                checkStep(section.steps().get(i), entry.id() + " step " + (i + 1));
            }
        }
        assertThat(built).contains("lifecycle");
    }

    private static void checkStep(Step step, String where) {
        assertAllLanguages(step.title(), where + " title");
        assertAllLanguages(step.explain(), where + " explain");
        assertAllLanguages(step.note(), where + " note");
        assertThat(step.command() == null ^ step.action() == null).as(where + ": a command or an action").isTrue();
        if (step.action() != null) {
            assertThat(Actions.find(step.action())).as(where + " action " + step.action()).isPresent();
        } else {
            assertThatCode(() -> DockerCli.parse(step.command())).as(where + ": " + step.command())
                    .doesNotThrowAnyException();
        }
        assertThat(step.end()).as(where + " end").isIn(Step.END_CTRL_D, Step.END_DETACH);
        checkUndo(step, where);
        step.extract().forEach((name, regex) ->
                assertThatCode(() -> Pattern.compile(regex)).as(where + " extract " + name)
                        .doesNotThrowAnyException());
    }

    /** Data a step changes inside a container (psql's writes, a file written in it). */
    private static final Pattern CHANGES_INSIDE = Pattern.compile(
            "(?i)\\b(CREATE|DROP|ALTER|INSERT|UPDATE|DELETE|TRUNCATE)\\b|\\b(touch|rm|mkdir|mv|cp|tee)\\s|>");

    /**
     * r (issue 11): a docker exec that changes data inside a container has an undo:, which the snapshot before a
     * step cannot see; the undo is a docker exec in that same container, said in every language; only such a step
     * has one.
     */
    private static void checkUndo(Step step, String where) {
        boolean exec = step.command() != null && DockerCli.parse(step.command()) instanceof DockerCommand.Exec;
        if (exec && CHANGES_INSIDE.matcher(step.command()).find()) {
            assertThat(step.undo()).as(where + ": docker exec that changes data needs undo: for r").isNotNull();
        }
        if (step.undo() == null) {
            return;
        }
        assertThat(exec).as(where + ": undo: only on a docker exec step").isTrue();
        assertThat(step.undo().command()).as(where + " undo.command").isNotBlank();
        DockerCommand undo = DockerCli.parse(step.undo().command());
        assertThat(undo).as(where + " undo.command is a docker exec").isInstanceOf(DockerCommand.Exec.class);
        assertThat(((DockerCommand.Exec) undo).container()).as(where + " undo in the step's container")
                .isEqualTo(((DockerCommand.Exec) DockerCli.parse(step.command())).container());
        assertAllLanguages(step.undo().said(), where + " undo.said");
    }

    private static void assertAllLanguages(Text text, String where) {
        assertThat(text).as(where).isNotNull();
        for (String language : LANGUAGES) {
            assertThat(text.has(language)).as(where + " in " + language).isTrue();
        }
    }
}
