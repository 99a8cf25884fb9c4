package nl.dockerles.cli;

import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.Messages;
import nl.dockerles.content.Catalog;
import nl.dockerles.content.Section;
import nl.dockerles.content.SectionEntry;
import nl.dockerles.daemon.Docker;
import nl.dockerles.engine.SectionPresenter;
import nl.dockerles.ui.Console;
import nl.dockerles.ui.KeyPrompter;
import nl.dockerles.ui.Prompter;
import nl.dockerles.ui.SystemTerminal;
import picocli.CommandLine;
import nl.dockerles.ui.StopRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dockerles demo <sectie>}: presents one section live against the daemon. */
@Command(name = "demo")
final class DemoCommand extends DockerlesCommand {
    @Parameters(paramLabel = "${bundle:label.section}", descriptionKey = "demo.section",
            completionCandidates = SectionIds.class)
    String sectionId;

    @Option(names = "--auto", descriptionKey = "demo.auto")
    boolean auto;

    @Option(names = "--api", descriptionKey = "demo.api")
    boolean api;

    @Option(names = {"--vanaf", "--from"}, paramLabel = "N", descriptionKey = "demo.from")
    int startAt = 1;

    @Option(names = {"--typen", "--typing"}, paramLabel = "${bundle:label.speed}", arity = "0..1", fallbackValue = "25",
            descriptionKey = "demo.typing")
    int typing;

    /** Without N: up to RestartCount 11, so that Docker's waits of 51,2 s and 60 s are the last two. */
    @Option(names = {"--lange-wachttijden", "--long-waits"}, paramLabel = "N", arity = "0..1",
            fallbackValue = "11", descriptionKey = "demo.longwaits")
    Integer longWaits;

    private static final int MOST_LONG_WAITS = 20;

    @Option(names = {"--interactief", "--interactive"}, descriptionKey = "demo.interactive")
    boolean handOver;

    @Option(names = {"--meekijken", "--follow-along"}, paramLabel = "lan|${bundle:label.address}", arity = "0..1",
            parameterConsumer = RoomValue.class, descriptionKey = "demo.room")
    String room;

    /**
     * {@code --meekijken} takes a value only when it is one ({@code lan}, an address): in {@code demo
     * --meekijken lifecycle} the section stays the section.
     */
    static final class RoomValue implements CommandLine.IParameterConsumer {
        private static final java.util.regex.Pattern VALUE = java.util.regex.Pattern.compile(
                "(?i)lan|zaal|room|local|lokaal|localhost|[0-9\\[:].*|.*[.:].*");

        @Override
        public void consumeParameters(java.util.Stack<String> args, CommandLine.Model.ArgSpec argSpec,
                                      CommandLine.Model.CommandSpec commandSpec) {
            boolean value = !args.isEmpty() && VALUE.matcher(args.peek()).matches();
            argSpec.setValue(value ? args.pop() : "");
        }
    }

    DemoCommand(AppContext context, Messages messages) {
        super(context, messages);
    }

    @Override
    public Integer call() {
        boolean presenter = context.terminal() && !auto;
        boolean color = color();
        BackgroundSetUp<Docker> docker = BackgroundSetUp.start("connect", context::connect);
        BackgroundSetUp<KeyPrompter> terminal = presenter
                ? BackgroundSetUp.start("terminal", () -> KeyPrompter.open(new Console(context.out(), color, 80),
                        StopRequest.process())) : null;
        SectionEntry entry;
        Section section;
        String prefix;
        Room live = null;
        try {
            Catalog catalog = new Catalog();
            entry = Sections.findBuilt(catalog, sectionId);
            section = catalog.section(entry.id());
            if (startAt < 1 || startAt > section.steps().size()) {
                throw new DockerlesException(ExitCode.USAGE, "error.from.range", startAt, section.steps().size(),
                        entry.id());
            }
            prefix = prefix(); // a bad --prefix is a usage error before the first screen
            if (typing < 0) {
                throw new DockerlesException(ExitCode.USAGE, "error.typing.range", typing);
            }
            if (longWaits != null && (longWaits < 1 || longWaits > MOST_LONG_WAITS)) {
                throw new DockerlesException(ExitCode.USAGE, "error.longwaits.range", longWaits, MOST_LONG_WAITS);
            }
            if (longWaits != null && section.steps().stream().noneMatch(s -> "restart-watch".equals(s.action()))) {
                throw new DockerlesException(ExitCode.USAGE, "error.longwaits.section", entry.id());
            }
            live = room != null ? Room.open(room, messages) : null;
        } catch (RuntimeException e) {
            docker.abandon(Docker::close);
            if (terminal != null) {
                terminal.abandon(KeyPrompter::close);
            }
            throw e;
        }

        KeyPrompter keys = terminal != null ? terminal.get() : null;
        // In a window (with or without --auto) the narration follows its width; piped, COLUMNS or 80.
        Console console = (keys != null ? new Console(context.out(), color, keys::width)
                : context.terminal() ? new Console(context.out(), color, SystemTerminal.columnsNow(columns(80)))
                : new Console(context.out(), color, columns(80))).typing(context.terminal() ? typing : 0);
        Prompter prompter = keys != null ? keys : Prompter.AUTO;
        Room following = live;
        try {
            if (following != null) {
                following.show(console, color);
            }
            new SectionRun(context, messages).present(docker::get, entry, section, prefix, console,
                    prompter, sections -> following != null ? options(sections, keys).listenedBy(following.feed())
                            : options(sections, keys));
        } finally {
            if (following != null) {
                following.close();
            }
            if (keys != null) {
                keys.close();
            }
        }
        return ExitCode.OK.code;
    }

    private SectionPresenter options(SectionPresenter sections, KeyPrompter keys) {
        return sections.showApiCalls(api).startAt(startAt).longWaits(longWaits == null ? 0 : longWaits)
                .handOverShells(handOver && keys != null ? keys : null);
    }
}
