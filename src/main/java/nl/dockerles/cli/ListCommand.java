package nl.dockerles.cli;

import nl.dockerles.ExitCode;
import nl.dockerles.Messages;
import nl.dockerles.content.Catalog;
import nl.dockerles.content.SectionEntry;
import picocli.CommandLine.Command;

/** The sections of the workshop, a line each; needs no Docker. */
@Command(name = "list", aliases = "lijst")
final class ListCommand extends DockerlesCommand {
    ListCommand(AppContext context, Messages messages) {
        super(context, messages);
    }

    @Override
    public Integer call() {
        Catalog catalog = new Catalog();
        String language = messages.locale().getLanguage();
        context.out().println(messages.get("list.header"));
        context.out().println();
        for (SectionEntry entry : catalog.entries()) {
            String when = catalog.isBuilt(entry.id())
                    ? messages.get("list.seconds", entry.seconds())
                    : messages.get("list.notbuilt");
            context.out().printf("  %-10s %-34s %s%n", entry.id(), entry.title().in(language), when);
        }
        context.out().println();
        context.out().println(messages.get("list.footer"));
        return ExitCode.OK.code;
    }
}
