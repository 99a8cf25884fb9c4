package nl.dockerles.cli;

import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.Messages;
import nl.dockerles.content.Catalog;
import nl.dockerles.content.Section;
import nl.dockerles.content.SectionEntry;
import nl.dockerles.export.ShellScript;
import nl.dockerles.ui.Console;
import nl.dockerles.ui.Prompter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code dockerles handout <sectie>}: the section as Markdown with the real output of a run, or (--format sh)
 * as the docker CLI script of demos/&lt;id&gt;.sh.
 */
@Command(name = "handout")
final class HandoutCommand implements Callable<Integer> {
    enum Format { md, sh }

    private final AppContext context;
    private final Messages messages;

    @ParentCommand
    RootCommand root;

    @Parameters(paramLabel = "SECTIE", descriptionKey = "demo.section")
    String sectionId;

    @Option(names = {"-o", "--output"}, paramLabel = "BESTAND", descriptionKey = "handout.output")
    Path output;

    @Option(names = "--format", paramLabel = "md|sh", descriptionKey = "handout.format")
    Format format = Format.md;

    HandoutCommand(AppContext context, Messages messages) {
        this.context = context;
        this.messages = messages;
    }

    @Override
    public Integer call() {
        Catalog catalog = new Catalog();
        SectionEntry entry = Sections.findBuilt(catalog, sectionId);
        checkWritable(output);
        Section section = catalog.section(entry.id());
        String text = format == Format.sh ? ShellScript.of(section) : markdown(entry, section);
        if (output == null) {
            context.out().print(text);
        } else {
            try {
                Files.writeString(output, text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new DockerlesException(ExitCode.USAGE, e, "error.output.unwritable", output);
            }
            context.err().println(messages.get("handout.written", output));
        }
        return ExitCode.OK.code;
    }

    /** Before the demo runs (a minute of work): the file can be written where asked. */
    private static void checkWritable(Path output) {
        if (output == null) {
            return;
        }
        Path folder = output.toAbsolutePath().getParent();
        if (Files.isDirectory(output) || folder == null || !Files.isDirectory(folder) || !Files.isWritable(folder)
                || (Files.exists(output) && !Files.isWritable(output))) {
            throw new DockerlesException(ExitCode.USAGE, "error.output.unwritable", output);
        }
    }

    /** Runs the section for real, without pauses, and records it as Markdown. */
    private String markdown(SectionEntry entry, Section section) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        Console console = Console.markdown(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        new SectionRun(context, messages).present(context::connect, entry, section, root.global.prefix, console,
                Prompter.AUTO, presenter -> presenter);
        console.finish();
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
