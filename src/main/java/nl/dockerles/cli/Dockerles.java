package nl.dockerles.cli;

import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.Messages;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;

/** Builds the command line and wires every handler in one place (as jbang's getCommandLine does). */
public final class Dockerles {
    private Dockerles() {
    }

    public static int execute(String[] args, AppContext context) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            // The same answer as picocli's, without building the model of every command first (half the start).
            try {
                for (String line : new VersionProvider().getVersion()) {
                    context.out().println(line);
                }
                return ExitCode.OK.code;
            } catch (Exception e) {
                // fall through: picocli reports it
            }
        }
        Locale locale = Language.resolve(args, context.env());
        boolean debug = Arrays.asList(args).contains("--debug");
        Messages messages = new Messages(locale);
        String asked = Language.optionValue(args, "--lang");
        if (asked != null && !Language.known(asked)) {
            context.err().println(messages.get("error.usage", messages.get("error.lang.unknown", asked)));
            return ExitCode.USAGE.code;
        }
        // demo --auto runs step 1 at once: connecting while picocli reads the command line brings it 10 to 15 ms
        // sooner. Not for a presenter: it costs the first screen as much, and step 1 waits for the Enter anyway.
        boolean auto = subcommandsFor(args).equals(java.util.List.of(DemoCommand.class))
                && Arrays.asList(args).contains("--auto")
                && java.util.Collections.disjoint(Arrays.asList(args), java.util.List.of("-h", "--help"));
        return commandLine(auto ? context.connectingAhead() : context, messages, debug, args).execute(args);
    }

    static CommandLine commandLine(AppContext context, Messages messages, boolean debug) {
        return commandLine(context, messages, debug, new String[0]);
    }

    /**
     * The command line for {@code args}: with only the subcommands named in them when there are any (picocli's
     * model of a command costs start-up time: a tenth of a second for all of them), else with every one (help,
     * completion, a usage error that suggests the nearest name).
     */
    static CommandLine commandLine(AppContext context, Messages messages, boolean debug, String[] asked) {
        CommandFactory factory = new CommandFactory(context, messages);
        CommandLine cli = new CommandLine(new RootCommand(context, messages), factory);
        for (Class<?> type : subcommandsFor(asked)) {
            cli.addSubcommand(type);
        }
        cli.setResourceBundle(messages.bundle());
        HelpInLanguage.install(cli, messages.get("option.names"));
        cli.setOut(new PrintWriter(context.out(), true));
        cli.setErr(new PrintWriter(context.err(), true));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        NarrowHelp.install(cli, () -> context.terminal() ? nl.dockerles.ui.SystemTerminal.columns() : 0);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof DockerlesException known) {
                context.err().println(messages.of(known));
                if (debug && known.getCause() != null) {
                    known.getCause().printStackTrace(context.err());
                }
                return known.exitCode().code;
            }
            context.err().println(messages.get("error.unexpected", String.valueOf(e)));
            if (debug) {
                e.printStackTrace(context.err());
            }
            return ExitCode.ERROR.code;
        });
        cli.setParameterExceptionHandler((e, args) -> {
            context.err().println(messages.get("error.usage", UsageErrors.describe(e, args, messages)));
            if (debug) {
                e.printStackTrace(context.err());
            }
            return ExitCode.USAGE.code;
        });
        return cli;
    }

    /** The subcommands whose names occur in {@code args}; all of them when none does, or help or completion. */
    static java.util.List<Class<?>> subcommandsFor(String[] args) {
        java.util.Set<String> words = new java.util.HashSet<>(Arrays.asList(args));
        java.util.List<Class<?>> named = new java.util.ArrayList<>();
        RootCommand.SUBCOMMANDS.forEach((type, names) -> {
            if (names.stream().anyMatch(words::contains)) {
                named.add(type);
            }
        });
        boolean whole = named.isEmpty() || named.contains(CommandLine.HelpCommand.class)
                || named.contains(CompletionCommand.class);
        return whole ? java.util.List.copyOf(RootCommand.SUBCOMMANDS.keySet()) : named;
    }

    /** Gives each subcommand the context and messages it needs (options stay in the command classes). */
    private record CommandFactory(AppContext context, Messages messages) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                return type.getDeclaredConstructor(AppContext.class, Messages.class).newInstance(context, messages);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }
}
