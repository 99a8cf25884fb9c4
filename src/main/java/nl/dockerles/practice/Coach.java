package nl.dockerles.practice;

import nl.dockerles.Messages;
import nl.dockerles.content.Placeholders;
import nl.dockerles.content.Text;
import nl.dockerles.daemon.Docker;
import nl.dockerles.daemon.RunIdentity;
import nl.dockerles.engine.TimeSource;
import nl.dockerles.ui.Console;
import nl.dockerles.ui.KeySource;
import nl.dockerles.ui.Wrap;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * {@code dockerles oefen <section>}: shows a task, watches the daemon (its events, and a look twice a second)
 * and says as soon as the task is done; then the next one. A wrong attempt that stays a while gets its own
 * hint; after a while without success, or on h, the exercise's hint; a second h shows the commands. At the
 * end it offers to remove what the student made (only what it saw being made), and removes nothing unasked.
 */
public final class Coach {
    /** How long a key is waited for before the daemon is looked at again (events wake it sooner). */
    static final Duration TICK = Duration.ofMillis(100);
    static final Duration POLL = Duration.ofMillis(500);
    /** A wrong attempt is called out once it has stayed this long (not while the student is still typing). */
    static final Duration STABLE = Duration.ofSeconds(2);

    enum Outcome { DONE, SKIPPED, QUIT }

    private final Docker docker;
    private final Lookups lookups;
    private final ExerciseSet set;
    private final Progress progress;
    private final Consumer<Progress> save;
    private final Console console;
    private final Messages messages;
    private final KeySource keys;
    private final TimeSource time;
    private final boolean portsReachable;
    private final String language;
    private final AtomicBoolean changed = new AtomicBoolean(true);
    private StudentObjects made;
    private String prefix = "";

    public Coach(Docker docker, Lookups lookups, ExerciseSet set, Progress progress, Consumer<Progress> save,
                 Console console, Messages messages, KeySource keys, TimeSource time, boolean portsReachable) {
        this.docker = docker;
        this.lookups = lookups;
        this.set = set;
        this.progress = progress;
        this.save = save;
        this.console = console;
        this.messages = messages;
        this.keys = keys;
        this.time = time;
        this.portsReachable = portsReachable;
        this.language = messages.locale().getLanguage();
    }

    /**
     * Runs the exercises from {@code first} (0-based) on: each open one, or only that one when {@code only}.
     * Returns how many of the section's exercises are done afterwards. {@code names} and {@code prefix} say
     * what may be the student's (see {@link StudentObjects}).
     */
    public int run(int first, boolean only, Set<String> names, String prefix) {
        this.prefix = prefix == null ? "" : prefix;
        made = new StudentObjects(docker, names, prefix);
        AutoCloseable events = docker.followEvents(Map.of(), this::onEvent);
        try {
            for (int i = first; i < set.exercises().size(); i++) {
                Exercise exercise = set.exercises().get(i);
                if (!only && i > first && progress.isDone(set.section(), exercise.id())) {
                    continue;
                }
                Outcome outcome = exercise(i, exercise);
                if (outcome == Outcome.QUIT || only) {
                    break;
                }
            }
        } finally {
            try {
                events.close();
            } catch (Exception e) {
                // Closing the event stream failed: watching is over anyway.
            }
        }
        int done = progress.doneCount(set);
        if (done == set.exercises().size()) {
            console.note(messages.get("oefen.section.complete", done, set.section()));
        } else {
            console.blank();
            console.info(messages.get("oefen.quit", done, set.exercises().size()));
        }
        offerCleanup();
        return done;
    }

    private void onEvent(Docker.ContainerEvent event) {
        if (RunIdentity.isManaged(event.attributes())) {
            return; // dockerles's own look-up containers
        }
        made.saw(event);
        lookups.changed();
        changed.set(true);
    }

    private Outcome exercise(int index, Exercise exercise) {
        int total = set.exercises().size();
        // Asked before the task shows (the first answer about the daemon can take a second, on Podman): once the
        // student sees the task, watching has begun.
        List<SolutionForDaemon.PodmanNote> podmanNotes = SolutionForDaemon.podmanNotes(exercise.solution(),
                docker.daemon());
        Instant since = progress.start(set.section(), exercise.id(), time.now());
        save.accept(progress);
        console.heading(messages.get("oefen.exercise.heading", index + 1, total, exercise.title().in(language)));
        console.paragraph(exercise.task().in(language));
        for (SolutionForDaemon.PodmanNote note : podmanNotes) {
            console.note(messages.get(note.key()));
            console.command(note.command());
        }
        console.blank();
        console.info(messages.get(keys.canAsk() ? "oefen.watching.keys" : "oefen.watching.lines"));

        Judge judge = new Judge(docker, lookups, since, portsReachable, prefix);
        long began = time.nanoTime();
        long lastLook = Long.MIN_VALUE;
        int hintLevel = 0;
        String shown = null;
        String pending = null;
        long pendingSince = 0;
        // What is "wrong" when the exercise begins is where the student starts (task 2 of lifecycle begins with
        // a running container): it is no mistake of theirs, so it is not called out until something changed.
        String baseline = null;
        boolean judgedOnce = false;
        Verdict verdict = null;
        while (true) {
            long now = time.nanoTime();
            if (changed.getAndSet(false) || lastLook == Long.MIN_VALUE || now - lastLook >= POLL.toNanos()) {
                lastLook = now;
                verdict = judge.judge(exercise);
                if (verdict.done()) {
                    progress.markDone(set.section(), exercise.id(), time.now());
                    if (index + 1 < total) {
                        progress.start(set.section(), set.exercises().get(index + 1).id(), time.now());
                    }
                    save.accept(progress);
                    console.note(messages.get("oefen.done") + " " + fill(exercise.done().in(language),
                            verdict.facts()));
                    verdict.uncheckedNote().ifPresent(key -> console.note(messages.get(key)));
                    return Outcome.DONE;
                }
                UnmetCondition miss = verdict.unmet();
                String text = miss.absent() ? null : describe(exercise, miss);
                if (!judgedOnce) {
                    judgedOnce = true;
                    baseline = text;
                }
                if (text != null && !text.equals(baseline)) {
                    baseline = null;
                }
                if (text == null || text.equals(shown) || text.equals(baseline)) {
                    pending = null;
                } else if (!text.equals(pending)) {
                    pending = text;
                    pendingSince = now;
                }
            }
            if (pending != null && now - pendingSince >= STABLE.toNanos()) {
                show(exercise, verdict.unmet());
                shown = pending;
                pending = null;
            }
            if (hintLevel == 0 && now - began >= exercise.hintDelay().toNanos()) {
                hintLevel = hint(exercise, verdict, shown, 1, true);
            }
            int key = keys.next(TICK);
            switch (key) {
                case 'h', 'H', '?' -> hintLevel = hint(exercise, verdict, shown, hintLevel + 1, false);
                case 's', 'S' -> {
                    console.info(messages.get("oefen.skipped", set.section(), index + 1));
                    return Outcome.SKIPPED;
                }
                case 'q', 'Q', 3, 4 -> {
                    return Outcome.QUIT;
                }
                case '\r', '\n', ' ' -> changed.set(true);
                default -> {
                    // Other keys do nothing.
                }
            }
        }
    }

    /** Level 1: the hint (and what is wrong now, unless just said); level 2 and on: the commands. */
    private int hint(Exercise exercise, Verdict verdict, String shown, int level, boolean byItself) {
        console.blank();
        if (level == 1) {
            if (byItself) {
                console.info(messages.get("oefen.hint.after", exercise.hintDelay().toSeconds()));
            }
            if (verdict != null && !verdict.done() && !describe(exercise, verdict.unmet()).equals(shown)) {
                show(exercise, verdict.unmet());
            }
            console.paragraph(messages.get("oefen.hint", exercise.hint().in(language)));
            // After the timed hint h was never pressed: "once more" would not be true.
            console.info(messages.get(byItself ? "oefen.hint.more.key" : "oefen.hint.more"));
        } else {
            console.paragraph(messages.get(level == 2 ? "oefen.solution" : "oefen.solution.again"));
            for (String line : SolutionForDaemon.lines(exercise.solution(), docker.daemon())) {
                console.command(line);
            }
        }
        return level;
    }

    /** The miss in yellow, the exercise's own words for it below, indented. */
    private void show(Exercise exercise, UnmetCondition miss) {
        console.warn("• " + messages.get(miss.key(), miss.argArray()));
        Text extra = exercise.hints().get(miss.condition());
        if (extra != null) {
            console.stream().println(Wrap.wrap(extra.in(language), console.width(), "  "));
        }
    }

    /** The miss as a sentence, with the exercise's own words for it when it has them. */
    String describe(Exercise exercise, UnmetCondition miss) {
        return describeUnmet(exercise, miss, messages, language);
    }

    public static String describeUnmet(Exercise exercise, UnmetCondition miss, Messages messages, String language) {
        String text = "• " + messages.get(miss.key(), miss.argArray());
        Text extra = exercise.hints().get(miss.condition());
        if (extra != null) {
            text += System.lineSeparator() + "  " + extra.in(language);
        }
        return text;
    }

    /** {port} → 8080: the facts of the passing check; an unknown one stays as it is. */
    public static String fill(String text, Map<String, String> facts) {
        return Placeholders.fill(text, facts::get);
    }

    private void offerCleanup() {
        List<StudentObjects.Thing> things = made.leftovers();
        if (things.isEmpty()) {
            return;
        }
        String list = String.join(", ", things.stream()
                .map(t -> messages.get("oefen.thing." + t.kind(), t.name())).toList());
        console.blank();
        console.paragraph(messages.get("oefen.cleanup.list", list));
        boolean yes = false;
        if (keys.canAsk()) {
            console.prompt(messages.get("oefen.cleanup.ask"));
            int key;
            do {
                key = keys.next(Duration.ofSeconds(60));
            } while (key == KeySource.NONE);
            yes = key == 'j' || key == 'J' || key == 'y' || key == 'Y';
            console.clearLine();
        }
        if (!yes) {
            console.info(messages.get("oefen.cleanup.kept", StudentObjects.commands(things)));
            return;
        }
        List<String> removed = StudentObjects.remove(docker, things,
                (thing, e) -> console.warn(messages.get("oefen.cleanup.failed", thing.name(), messages.of(e))));
        if (!removed.isEmpty()) {
            console.info(messages.get("oefen.cleanup.done", String.join(", ", removed)));
        }
    }
}
