package nl.dockerles.cli;

import nl.dockerles.Messages;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

/**
 * What every subcommand shares (as jbang's BaseCommand): the outside world, the texts, the global options, and
 * the rules that follow from them: colour or not, the width to wrap at, the prefix. A command adds its own
 * options and its work; {@link Dockerles}'s factory gives it the context and the messages.
 */
abstract class DockerlesCommand implements Callable<Integer> {
    protected final AppContext context;
    protected final Messages messages;

    @ParentCommand
    RootCommand root;

    DockerlesCommand(AppContext context, Messages messages) {
        this.context = context;
        this.messages = messages;
    }

    /** The options every command has; the root command holds them. */
    GlobalOptions global() {
        return root.global;
    }

    /** {@code --prefix} (or DOCKERLES_PREFIX) as names use it: "jan-", or "" without one. */
    protected String prefix() {
        return Prefix.normalize(global().prefix);
    }

    /** Colour only on a terminal, and not with {@code --no-color} or NO_COLOR (no-color.org). */
    protected boolean color() {
        return context.terminal() && !global().noColor && !context.env().containsKey("NO_COLOR");
    }

    /** The width to wrap at where no terminal says it: COLUMNS, else {@code fallback}. */
    protected int columns(int fallback) {
        try {
            return Integer.parseInt(context.env().getOrDefault("COLUMNS", String.valueOf(fallback)));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
