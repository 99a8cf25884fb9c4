package nl.dockerles.cmdline;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Parses a step's command text ({@code docker run -it --name demo busybox sh}) into a {@link DockerCommand}.
 * The docker CLI's options are modelled with picocli, so clustered flags ({@code -it}, {@code -qf x}) and
 * {@code --name=x} work as they do in the real CLI.
 */
public final class DockerCli {
    // A section parses each of its commands several times (names, ports, the step itself), and building the
    // picocli model is the slow part: one model for the process, and each command text parsed once.
    private static final Map<String, Invocation> PARSED = new ConcurrentHashMap<>();
    private static CommandLine model;

    private DockerCli() {
    }

    /**
     * A docker command and the daemon it addresses ({@code docker -H tcp://… ps}); host null: the usual one.
     * {@code publishes}: where each {@code -p} value of a {@code docker run} stands in the text, in the order of
     * {@link DockerCommand.Run#publish()}.
     */
    public record Invocation(String host, DockerCommand command, List<Publish> publishes) {
        public Invocation {
            publishes = List.copyOf(publishes);
        }
    }

    /**
     * A {@code -p} value and the word of the command text that holds it: the word is the value ({@code -p 8080:80},
     * {@code -dp 8080:80}) or ends with it ({@code -p8080:80}, {@code --publish=8080:80}).
     */
    public record Publish(ShellWords.Word word, String value) {
    }

    public static DockerCommand parse(String commandLine) {
        return invocation(commandLine).command();
    }

    public static Invocation invocation(String commandLine) {
        return PARSED.computeIfAbsent(commandLine, text -> parse(ShellWords.words(text), text));
    }

    // Filled while picocli parses (under the lock of parse): the position in the argument list of each -p value.
    private static final List<Integer> publishPositions = new ArrayList<>();
    private static int argumentCount;

    /** picocli resets every option before it parses, so one model serves all commands, one at a time. */
    private static synchronized Invocation parse(List<ShellWords.Word> written, String commandLine) {
        List<String> words = written.stream().map(ShellWords.Word::text).toList();
        if (words.isEmpty() || !words.get(0).equals("docker")) {
            throw new IllegalArgumentException("a step starts with 'docker': " + commandLine);
        }
        if (model == null) {
            model = new CommandLine(new Root())
                    .setStopAtPositional(true)
                    .setPosixClusteredShortOptionsAllowed(true)
                    .setExpandAtFiles(false);
            for (CommandLine sub : model.getSubcommands().values()) {
                sub.setStopAtPositional(true);
            }
        }
        CommandLine.ParseResult result;
        publishPositions.clear();
        argumentCount = words.size() - 1;
        try {
            result = model.parseArgs(words.subList(1, words.size()).toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(e.getMessage() + ": " + commandLine, e);
        }
        CommandLine.ParseResult leaf = result;
        while (leaf.hasSubcommand()) {
            leaf = leaf.subcommand();
        }
        Object command = leaf.commandSpec().userObject();
        if (!(command instanceof Supplier<?> supplier)) {
            throw new IllegalArgumentException("not a docker command dockerles knows: " + commandLine);
        }
        Root root = (Root) result.commandSpec().userObject();
        DockerCommand parsed = (DockerCommand) supplier.get();
        List<Publish> publishes = new ArrayList<>();
        if (parsed instanceof DockerCommand.Run run) {
            for (int i = 0; i < run.publish().size(); i++) {
                ShellWords.Word word = written.get(publishPositions.get(i) + 1);
                String value = run.publish().get(i);
                if (!word.text().endsWith(value)) {
                    throw new IllegalStateException("-p " + value + " is not in " + word.text() + ": " + commandLine);
                }
                publishes.add(new Publish(word, value));
            }
        }
        return new Invocation(root.host, parsed, publishes);
    }

    /**
     * Notes where a {@code -p} value stands, then lets picocli take it as usual. picocli hands the value on the
     * top of the stack of arguments still to parse: the next word ({@code -p 8080:80}), or the rest of this word
     * pushed back ({@code -p8080:80}, {@code --publish=8080:80}). Either way the word is the one the stack's size
     * points at.
     */
    static final class PublishPosition implements CommandLine.IParameterPreprocessor {
        @Override
        public boolean preprocess(java.util.Stack<String> args, CommandLine.Model.CommandSpec commandSpec,
                                  CommandLine.Model.ArgSpec argSpec, Map<String, Object> info) {
            publishPositions.add(argumentCount - args.size());
            return false;
        }
    }

    private static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    @Command(name = "docker", subcommands = {RunCmd.class, PsCmd.class, StopCmd.class, StartCmd.class,
            RmCmd.class, ExecCmd.class, LogsCmd.class, AttachCmd.class, CommitCmd.class, DiffCmd.class,
            HistoryCmd.class, PortCmd.class, InspectCmd.class, VolumeCmd.class, BuildCmd.class, TagCmd.class,
            PushCmd.class, PullCmd.class, RmiCmd.class, SaveCmd.class, LoadCmd.class, ImageCmd.class})
    static final class Root {
        @Option(names = {"-H", "--host"}) String host;
    }

    @Command(name = "run")
    static final class RunCmd implements Supplier<DockerCommand> {
        @Option(names = {"-d", "--detach"}) boolean detach;
        @Option(names = {"-i", "--interactive"}) boolean interactive;
        @Option(names = {"-t", "--tty"}) boolean tty;
        @Option(names = "--name") String name;
        @Option(names = "--rm") boolean remove;
        @Option(names = {"-p", "--publish"}, preprocessor = PublishPosition.class) List<String> publish;
        @Option(names = {"-v", "--volume"}) List<String> volumes;
        @Option(names = {"-e", "--env"}) List<String> env;
        @Option(names = "--restart") String restart;
        @Option(names = {"-u", "--user"}) String user;
        @Option(names = "--init") boolean init;
        @Option(names = {"-w", "--workdir"}) String workdir;
        @Parameters(index = "0") String image;
        @Parameters(index = "1..*") List<String> command;

        @Override
        public DockerCommand get() {
            return new DockerCommand.Run(detach, interactive, tty, name, remove, list(publish), list(volumes),
                    list(env), restart, user, init, image, list(command), workdir);
        }
    }

    @Command(name = "ps")
    static final class PsCmd implements Supplier<DockerCommand> {
        @Option(names = {"-a", "--all"}) boolean all;
        @Option(names = {"-q", "--quiet"}) boolean quiet;
        @Option(names = {"-f", "--filter"}) List<String> filters;

        @Override
        public DockerCommand get() {
            return new DockerCommand.Ps(all, quiet, list(filters));
        }
    }

    @Command(name = "stop")
    static final class StopCmd implements Supplier<DockerCommand> {
        @Option(names = {"-t", "--time"}) Integer time;
        @Parameters(arity = "1..*") List<String> containers;

        @Override
        public DockerCommand get() {
            return new DockerCommand.Stop(time, list(containers));
        }
    }

    @Command(name = "start")
    static final class StartCmd implements Supplier<DockerCommand> {
        @Option(names = {"-a", "--attach"}) boolean attach;
        @Option(names = {"-i", "--interactive"}) boolean interactive;
        @Parameters(arity = "1..*") List<String> containers;

        @Override
        public DockerCommand get() {
            return new DockerCommand.Start(attach, interactive, list(containers));
        }
    }

    @Command(name = "rm")
    static final class RmCmd implements Supplier<DockerCommand> {
        @Option(names = {"-f", "--force"}) boolean force;
        @Option(names = {"-v", "--volumes"}) boolean volumes;
        @Parameters(arity = "1..*") List<String> containers;

        @Override
        public DockerCommand get() {
            return new DockerCommand.Rm(force, volumes, list(containers));
        }
    }

    @Command(name = "exec")
    static final class ExecCmd implements Supplier<DockerCommand> {
        @Option(names = {"-i", "--interactive"}) boolean interactive;
        @Option(names = {"-t", "--tty"}) boolean tty;
        @Option(names = {"-u", "--user"}) String user;
        @Parameters(index = "0") String container;
        @Parameters(index = "1..*", arity = "1..*") List<String> command;

        @Override
        public DockerCommand get() {
            return new DockerCommand.Exec(interactive, tty, user, container, list(command));
        }
    }

    @Command(name = "logs")
    static final class LogsCmd implements Supplier<DockerCommand> {
        // The notes write "--tail NAME"; the real CLI needs a number, so does this parser.
        @Option(names = {"-n", "--tail"}) Integer tail;
        @Parameters(index = "0") String container;

        @Override
        public DockerCommand get() {
            return new DockerCommand.Logs(tail, container);
        }
    }

    @Command(name = "attach")
    static final class AttachCmd implements Supplier<DockerCommand> {
        @Parameters(index = "0") String container;

        @Override
        public DockerCommand get() {
            return new DockerCommand.Attach(container);
        }
    }

    @Command(name = "commit")
    static final class CommitCmd implements Supplier<DockerCommand> {
        @Option(names = {"-m", "--message"}) String message;
        @Option(names = {"-c", "--change"}) List<String> changes;
        @Parameters(index = "0") String container;
        @Parameters(index = "1") String repository;

        @Override
        public DockerCommand get() {
            return new DockerCommand.Commit(message, list(changes), container, repository);
        }
    }

    @Command(name = "diff")
    static final class DiffCmd implements Supplier<DockerCommand> {
        @Parameters(index = "0") String container;

        @Override
        public DockerCommand get() {
            return new DockerCommand.Diff(container);
        }
    }

    @Command(name = "history")
    static final class HistoryCmd implements Supplier<DockerCommand> {
        @Option(names = "--no-trunc") boolean noTrunc;
        @Parameters(index = "0") String image;

        @Override
        public DockerCommand get() {
            return new DockerCommand.History(noTrunc, image);
        }
    }

    @Command(name = "port")
    static final class PortCmd implements Supplier<DockerCommand> {
        @Parameters(index = "0") String container;
        @Parameters(index = "1", arity = "0..1") String privatePort;

        @Override
        public DockerCommand get() {
            return new DockerCommand.Port(container, privatePort);
        }
    }

    @Command(name = "inspect")
    static final class InspectCmd implements Supplier<DockerCommand> {
        @Option(names = {"-f", "--format"}) String format;
        @Parameters(arity = "1..*") List<String> names;

        @Override
        public DockerCommand get() {
            return new DockerCommand.Inspect(format, list(names));
        }
    }

    @Command(name = "build")
    static final class BuildCmd implements Supplier<DockerCommand> {
        @Option(names = {"-t", "--tag"}) List<String> tags;
        @Option(names = {"-f", "--file"}) String file;
        @Parameters(index = "0") String path;

        @Override
        public DockerCommand get() {
            return new DockerCommand.Build(list(tags), file, path);
        }
    }

    @Command(name = "volume", subcommands = VolumeLsCmd.class)
    static final class VolumeCmd {
    }

    @Command(name = "ls", aliases = "list")
    static final class VolumeLsCmd implements Supplier<DockerCommand> {
        @Option(names = {"-q", "--quiet"}) boolean quiet;
        @Option(names = {"-f", "--filter"}) List<String> filters = new ArrayList<>();

        @Override
        public DockerCommand get() {
            return new DockerCommand.VolumeLs(quiet, list(filters));
        }
    }

    @Command(name = "tag")
    static final class TagCmd implements Supplier<DockerCommand> {
        @Parameters(index = "0") String source;
        @Parameters(index = "1") String target;

        @Override
        public DockerCommand get() {
            return new DockerCommand.Tag(source, target);
        }
    }

    @Command(name = "push")
    static final class PushCmd implements Supplier<DockerCommand> {
        @Parameters(index = "0") String reference;

        @Override
        public DockerCommand get() {
            return new DockerCommand.Push(reference);
        }
    }

    @Command(name = "pull")
    static final class PullCmd implements Supplier<DockerCommand> {
        @Parameters(index = "0") String reference;

        @Override
        public DockerCommand get() {
            return new DockerCommand.Pull(reference);
        }
    }

    @Command(name = "rmi")
    static final class RmiCmd implements Supplier<DockerCommand> {
        @Parameters(arity = "1..*") List<String> references;

        @Override
        public DockerCommand get() {
            return new DockerCommand.Rmi(list(references));
        }
    }

    @Command(name = "save")
    static final class SaveCmd implements Supplier<DockerCommand> {
        @Option(names = {"-o", "--output"}, required = true) String output;
        @Parameters(arity = "1..*") List<String> images;

        @Override
        public DockerCommand get() {
            return new DockerCommand.Save(output, list(images));
        }
    }

    @Command(name = "load")
    static final class LoadCmd implements Supplier<DockerCommand> {
        @Option(names = {"-i", "--input"}, required = true) String input;

        @Override
        public DockerCommand get() {
            return new DockerCommand.Load(input);
        }
    }

    /** {@code docker image inspect}: the same as {@code docker inspect}, for an image. */
    @Command(name = "image", subcommands = ImageInspectCmd.class)
    static final class ImageCmd {
    }

    @Command(name = "inspect")
    static final class ImageInspectCmd implements Supplier<DockerCommand> {
        @Option(names = {"-f", "--format"}) String format;
        @Parameters(arity = "1..*") List<String> names;

        @Override
        public DockerCommand get() {
            return new DockerCommand.Inspect(format, list(names));
        }
    }
}
