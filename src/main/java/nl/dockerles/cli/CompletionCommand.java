package nl.dockerles.cli;

import nl.dockerles.ExitCode;
import nl.dockerles.Messages;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code dockerles completion}: picocli's completion script for bash and zsh, section names included. */
@Command(name = "completion")
final class CompletionCommand extends DockerlesCommand {
    @Spec
    CommandSpec spec;

    CompletionCommand(AppContext context, Messages messages) {
        super(context, messages);
    }

    @Override
    public Integer call() {
        context.out().print(AutoComplete.bash("dockerles", spec.root().commandLine()));
        context.out().flush();
        return ExitCode.OK.code;
    }
}
