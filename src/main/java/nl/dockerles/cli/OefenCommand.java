package nl.dockerles.cli;

import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.Messages;
import nl.dockerles.content.Catalog;
import nl.dockerles.content.SectionEntry;
import nl.dockerles.daemon.DaemonAddress;
import nl.dockerles.daemon.Docker;
import nl.dockerles.engine.Names;
import nl.dockerles.daemon.RunIdentity;
import nl.dockerles.practice.Coach;
import nl.dockerles.practice.Course;
import nl.dockerles.practice.DaemonLookups;
import nl.dockerles.practice.Exercise;
import nl.dockerles.practice.ExerciseSet;
import nl.dockerles.practice.Judge;
import nl.dockerles.ui.KeySource;
import nl.dockerles.ui.LineKeys;
import nl.dockerles.practice.Progress;
import nl.dockerles.practice.ProgressStore;
import nl.dockerles.ui.TerminalKeys;
import nl.dockerles.practice.Verdict;
import nl.dockerles.ui.Console;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code dockerles oefen [sectie]}: exercises the student does with the real docker CLI in another terminal while
 * dockerles watches the daemon. Without a section: every section with its progress. {@code --check} judges the
 * current exercise once (exit 0 done, 9 not yet); {@code --reset} forgets progress, after a yes.
 */
@Command(name = "oefen", aliases = "practice")
final class OefenCommand extends DockerlesCommand {
    @Parameters(arity = "0..1", paramLabel = "${bundle:label.section}", descriptionKey = "oefen.section",
            completionCandidates = SectionIds.class)
    String sectionId;

    @Option(names = {"--check", "--controleer"}, descriptionKey = "oefen.check")
    boolean check;

    @Option(names = {"--oefening", "--exercise"}, paramLabel = "N", descriptionKey = "oefen.exercise")
    Integer number;

    @Option(names = "--reset", descriptionKey = "oefen.reset")
    boolean reset;

    @Option(names = {"--ja", "--yes", "-y"}, descriptionKey = "oefen.yes")
    boolean yes;

    OefenCommand(AppContext context, Messages messages) {
        super(context, messages);
    }

    @Override
    public Integer call() {
        ProgressStore store = ProgressStore.of(context.env());
        Catalog catalog = new Catalog();
        Course course = new Course();
        if (reset) {
            return reset(store, catalog, course);
        }
        if (sectionId == null) {
            return overview(store, catalog, course);
        }
        SectionEntry entry = Sections.find(catalog, sectionId);
        if (!course.has(entry.id())) {
            throw new DockerlesException(ExitCode.USAGE, "oefen.error.nosection", entry.id());
        }
        String prefix = prefix();
        ExerciseSet plain = course.load(entry.id());
        Names names = plain.namer(prefix);
        ExerciseSet set = plain.named(names);
        if (number != null && (number < 1 || number > set.exercises().size())) {
            throw new DockerlesException(ExitCode.USAGE, "oefen.error.exercise", number, entry.id(),
                    set.exercises().size());
        }
        Progress progress = store.load();
        Set<String> studentNames = plain.names().stream().map(names::apply).collect(Collectors.toSet());
        return check ? checkOnce(entry, set, progress, store, prefix)
                : watch(entry, set, progress, store, prefix, studentNames);
    }

    // --- dockerles oefen ---

    private int overview(ProgressStore store, Catalog catalog, Course course) {
        Progress progress = store.load();
        PrintStream out = context.out();
        String language = messages.locale().getLanguage();
        out.println(messages.get("oefen.overview.header"));
        out.println();
        for (SectionEntry entry : catalog.entries()) {
            String count;
            if (course.has(entry.id())) {
                ExerciseSet set = course.load(entry.id());
                int done = progress.doneCount(set);
                count = done + "/" + set.exercises().size() + (done == set.exercises().size() ? " ✓" : "");
            } else {
                count = messages.get("oefen.overview.none");
            }
            out.printf("  %-10s %-34s %s%n", entry.id(), entry.title().in(language), count);
        }
        out.println();
        out.println(messages.get("oefen.overview.footer", store.file()));
        return ExitCode.OK.code;
    }

    // --- --reset ---

    private int reset(ProgressStore store, Catalog catalog, Course course) {
        String section = sectionId == null ? null : Sections.find(catalog, sectionId).id();
        Progress progress = section == null ? loadOrEmpty(store) : store.load();
        String question;
        if (section == null) {
            question = messages.get("oefen.reset.ask.all", progress.doneCount());
        } else {
            int total = course.has(section) ? course.load(section).exercises().size() : 0;
            int done = course.has(section) ? progress.doneCount(course.load(section)) : 0;
            question = messages.get("oefen.reset.ask.section", section, done, total);
        }
        if (!yes) {
            if (!context.terminal()) {
                throw new DockerlesException(ExitCode.USAGE, "oefen.reset.needsyes",
                        section == null ? "" : section + " ");
            }
            context.out().print(question);
            context.out().flush();
            if (!confirmed()) {
                context.out().println(messages.get("oefen.reset.kept"));
                return ExitCode.OK.code;
            }
        }
        if (section == null) {
            progress.resetAll();
        } else {
            progress.reset(section);
        }
        store.save(progress);
        context.out().println(section == null ? messages.get("oefen.reset.done.all", store.file())
                : messages.get("oefen.reset.done.section", section, store.file()));
        return ExitCode.OK.code;
    }

    /** Resetting everything also mends a progress file that cannot be read. */
    private static Progress loadOrEmpty(ProgressStore store) {
        try {
            return store.load();
        } catch (DockerlesException unreadable) {
            return new Progress();
        }
    }

    private boolean confirmed() {
        if (context.terminal() && context.in() == System.in) {
            // One key, as the clean-up offer at the end of an exercise takes it: j or y is yes.
            try (TerminalKeys keys = TerminalKeys.open()) {
                int key;
                do {
                    key = keys.next(java.time.Duration.ofSeconds(60));
                } while (key == KeySource.NONE);
                context.out().println();
                return key == 'j' || key == 'J' || key == 'y' || key == 'Y';
            }
        }
        try {
            String line = new BufferedReader(new InputStreamReader(context.in(), StandardCharsets.UTF_8)).readLine();
            String answer = line == null ? "" : line.strip().toLowerCase(java.util.Locale.ROOT);
            return answer.startsWith("j") || answer.startsWith("y");
        } catch (IOException e) {
            return false;
        }
    }

    // --- --check ---

    private int checkOnce(SectionEntry entry, ExerciseSet set, Progress progress, ProgressStore store,
                          String prefix) {
        int index = number != null ? number - 1 : progress.firstOpen(set);
        PrintStream out = context.out();
        String language = messages.locale().getLanguage();
        if (index < 0) {
            out.println(messages.get("oefen.check.alldone", entry.id(), set.exercises().size()));
            return ExitCode.OK.code;
        }
        Exercise exercise = set.exercises().get(index);
        int total = set.exercises().size();
        out.println(messages.get("oefen.check.header", entry.id(), index + 1, total, exercise.title().in(language)));
        try (Docker docker = context.connect()) {
            DaemonLookups lookups = new DaemonLookups(docker, RunIdentity.newRun("oefen", prefix), context.time());
            Judge judge = new Judge(docker, lookups, progress.started(entry.id(), exercise.id()).orElse(null),
                    DaemonAddress.isLocal(docker.host()), prefix);
            Verdict verdict = judge.judge(exercise);
            if (verdict.done()) {
                progress.markDone(entry.id(), exercise.id(), context.time().now());
                int next = progress.firstOpen(set);
                if (next >= 0) {
                    progress.start(entry.id(), set.exercises().get(next).id(), context.time().now());
                }
                store.save(progress);
                out.println(messages.get("oefen.check.done") + " "
                        + Coach.fill(exercise.done().in(language), verdict.facts()).replaceAll("\\s*\\R\\s*", " "));
                verdict.uncheckedNote().ifPresent(key -> out.println(messages.get(key)));
                if (next >= 0) {
                    out.println(messages.get("oefen.check.next", entry.id(), next + 1, total,
                            set.exercises().get(next).title().in(language)));
                } else {
                    out.println(messages.get("oefen.check.alldone", entry.id(), total));
                }
                return ExitCode.OK.code;
            }
            if (verdict.unmet().absent() && progress.started(entry.id(), exercise.id()).isEmpty()) {
                // Nothing there yet: the exercise begins now (a container found by image counts from here on).
                progress.start(entry.id(), exercise.id(), context.time().now());
                store.save(progress);
            }
            out.println(messages.get("oefen.check.notdone"));
            out.println(Coach.describeUnmet(exercise, verdict.unmet(), messages, language));
            out.println(messages.get("oefen.hint", exercise.hint().in(language)));
            return ExitCode.NOT_DONE.code;
        }
    }

    // --- watching ---

    private int watch(SectionEntry entry, ExerciseSet set, Progress progress, ProgressStore store, String prefix,
                      Set<String> studentNames) {
        String language = messages.locale().getLanguage();
        int first = number != null ? number - 1 : progress.firstOpen(set);
        boolean color = color();
        if (first < 0) {
            context.out().println(messages.get("oefen.section.alldone", entry.id(), set.exercises().size()));
            return ExitCode.OK.code;
        }
        try (Docker docker = context.connect()) {
            KeySource keys = context.terminal() ? TerminalKeys.open() : new LineKeys(context.in());
            try (keys) {
                int width = keys instanceof TerminalKeys terminal ? terminal.width() : columns(80);
                Console console = new Console(context.out(), color, width);
                console.title(messages.get("oefen.title", entry.id(), entry.title().in(language)));
                if (set.intro() != null) {
                    console.paragraph(set.intro().in(language));
                }
                String host = docker.host();
                console.info(messages.get("oefen.progress", progress.doneCount(set), set.exercises().size(), host));
                if (!prefix.isEmpty()) {
                    console.info(messages.get("oefen.prefix.note", prefix));
                }
                DaemonLookups lookups = new DaemonLookups(docker, RunIdentity.newRun("oefen", prefix), context.time());
                Coach coach = new Coach(docker, lookups, set, progress, store::save, console, messages, keys,
                        context.time(), DaemonAddress.isLocal(host));
                coach.run(first, number != null, studentNames, prefix);
                console.finish();
            }
        }
        return ExitCode.OK.code;
    }
}
