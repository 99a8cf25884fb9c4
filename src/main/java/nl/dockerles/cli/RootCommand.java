package nl.dockerles.cli;

import nl.dockerles.Messages;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code dockerles} on its own shows the sections, like {@code dockerles list}. */
@Command(name = "dockerles", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        subcommands = {ListCommand.class, DemoCommand.class, HandoutCommand.class, CheckCommand.class,
                PrepareCommand.class, CleanupCommand.class, OefenCommand.class, CompletionCommand.class,
                CommandLine.HelpCommand.class},
        usageHelpAutoWidth = true, scope = CommandLine.ScopeType.INHERIT)
final class RootCommand implements Callable<Integer> {
    private final AppContext context;
    private final Messages messages;

    @Mixin
    GlobalOptions global;

    RootCommand(AppContext context, Messages messages) {
        this.context = context;
        this.messages = messages;
    }

    @Override
    public Integer call() {
        return new ListCommand(context, messages).call();
    }
}
