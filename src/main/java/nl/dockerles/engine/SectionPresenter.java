package nl.dockerles.engine;

import nl.dockerles.Messages;
import nl.dockerles.content.Section;
import nl.dockerles.content.SectionEntry;
import nl.dockerles.content.Step;
import nl.dockerles.ui.Console;
import nl.dockerles.ui.Prompter;

import java.util.List;

/**
 * Presents a section: for each step the heading, the explanation, {@code $ docker …}, the real output and
 * the note with real values; waits for the presenter in between; cleans up what the run made.
 */
public final class SectionPresenter {
    private final Docker docker;
    private final Console console;
    private final Prompter prompter;
    private final TimeSource time;
    private final Messages messages;
    private final String language;

    public SectionPresenter(Docker docker, Console console, Prompter prompter, TimeSource time, Messages messages) {
        this.docker = docker;
        this.console = console;
        this.prompter = prompter;
        this.time = time;
        this.messages = messages;
        this.language = messages.locale().getLanguage();
    }

    /** Runs the section; returns normally when it ended or the presenter quit, after cleaning up. */
    public void present(SectionEntry entry, Section section, RunIdentity run) {
        console.title(entry.title().in(language) + "  (" + entry.part() + ")");
        console.paragraph(section.intro().in(language));
        new Preflight(docker, console, messages).prepare(section, run);

        Facts facts = new Facts();
        StepExecutor executor = new StepExecutor(docker, run, time, console, facts, messages.locale());
        List<Step> steps = section.steps();
        int i = 0;
        while (i < steps.size()) {
            Prompter.Key key = prompter.await(messages.get("prompt.next", i + 1, steps.size()));
            if (key == Prompter.Key.QUIT) {
                console.info(messages.get("presenter.quit"));
                break;
            } else if (key == Prompter.Key.SKIP) {
                i++;
                continue;
            } else if (key == Prompter.Key.REPEAT && i > 0) {
                i--;
            }
            show(executor, steps.get(i), i + 1, steps.size(), facts);
            i++;
        }
        if (i == steps.size()) {
            console.heading(messages.get("presenter.end"));
            console.paragraph(facts.fill(section.outro().in(language)));
        }
        List<String> removed = new Cleanup(docker).removeContainers(run.runFilter());
        if (!removed.isEmpty()) {
            console.info(messages.get("presenter.cleaned", String.join(", ", removed)));
        }
    }

    private void show(StepExecutor executor, Step step, int number, int total, Facts facts) {
        console.heading(messages.get("step.heading", number, total, step.title().in(language)));
        console.paragraph(facts.fill(step.explain().in(language)));
        console.command(step.command());
        executor.execute(step);
        console.note(facts.fill(step.note().in(language)));
    }
}
