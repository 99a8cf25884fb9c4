package nl.dockerles.cli;

import nl.dockerles.Messages;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;


/** {@code dockerles} on its own shows the sections, like {@code dockerles list}. */
@Command(name = "dockerles", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        subcommands = {ListCommand.class, DemoCommand.class, HandoutCommand.class, CheckCommand.class,
                PrepareCommand.class, CleanupCommand.class, OefenCommand.class, CompletionCommand.class,
                CommandLine.HelpCommand.class},
        usageHelpAutoWidth = true, scope = CommandLine.ScopeType.INHERIT)
final class RootCommand extends DockerlesCommand {
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
