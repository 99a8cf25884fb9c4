package nl.dockerles.cli;

import nl.dockerles.Messages;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;


/** {@code dockerles} on its own shows the sections, like {@code dockerles list}. */
/** Its subcommands are added by {@link Dockerles#commandLine}: only the one asked for, when that is clear. */
@Command(name = "dockerles", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        usageHelpAutoWidth = true, scope = CommandLine.ScopeType.INHERIT)
final class RootCommand extends DockerlesCommand {
    /** Every subcommand, in the order of the help, with its names (as in its {@code @Command}). */
    static final java.util.Map<Class<?>, java.util.List<String>> SUBCOMMANDS = subcommands();

    private static java.util.Map<Class<?>, java.util.List<String>> subcommands() {
        var all = new java.util.LinkedHashMap<Class<?>, java.util.List<String>>();
        all.put(ListCommand.class, java.util.List.of("list", "lijst"));
        all.put(DemoCommand.class, java.util.List.of("demo"));
        all.put(HandoutCommand.class, java.util.List.of("handout"));
        all.put(CheckCommand.class, java.util.List.of("check", "controleer"));
        all.put(PrepareCommand.class, java.util.List.of("prepare", "voorbereiden"));
        all.put(CleanupCommand.class, java.util.List.of("cleanup", "opruimen"));
        all.put(OefenCommand.class, java.util.List.of("oefen", "practice"));
        all.put(CompletionCommand.class, java.util.List.of("completion"));
        all.put(CommandLine.HelpCommand.class, java.util.List.of("help"));
        return java.util.Collections.unmodifiableMap(all);
    }

    @Mixin
    GlobalOptions global;

    RootCommand(AppContext context, Messages messages) {
        super(context, messages);
    }

    @Override
    GlobalOptions global() {
        return global;
    }

    @Override
    public Integer call() {
        return new ListCommand(context, messages).call();
    }
}
