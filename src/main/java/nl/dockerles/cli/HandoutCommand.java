package nl.dockerles.cli;

import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.Messages;
import nl.dockerles.content.Catalog;
import nl.dockerles.content.Section;
import nl.dockerles.content.SectionEntry;
import nl.dockerles.export.CastRecording;
import nl.dockerles.export.ShellScript;
import nl.dockerles.room.RoomFeed;
import nl.dockerles.room.RoomPage;
import nl.dockerles.ui.Console;
import nl.dockerles.ui.Prompter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * {@code dockerles handout <sectie>}: the section as Markdown with the real output of a run, or (--format sh)
 * as the docker CLI script of demos/&lt;id&gt;.sh, or (--format cast|html) as a recording of a real run.
 */
@Command(name = "handout")
final class HandoutCommand extends DockerlesCommand {
    enum Format { md, sh, cast, html }

    private static final int CAST_WIDTH = 100;
    private static final int CAST_HEIGHT = 40;

    @Parameters(paramLabel = "${bundle:label.section}", descriptionKey = "demo.section",
            completionCandidates = SectionIds.class)
    String sectionId;

    @Option(names = {"-o", "--output"}, paramLabel = "${bundle:label.file}", descriptionKey = "handout.output")
    Path output;

    @Option(names = "--format", paramLabel = "md|sh|cast|html", descriptionKey = "handout.format")
    Format format = Format.md;

    HandoutCommand(AppContext context, Messages messages) {
        super(context, messages);
    }

    @Override
    public Integer call() {
        Catalog catalog = new Catalog();
        SectionEntry entry = Sections.findBuilt(catalog, sectionId);
        checkWritable(output);
        String prefix = prefix(); // a bad --prefix is a usage error before the demo runs
        Section section = catalog.section(entry.id());
        String text = switch (format) {
            case sh -> ShellScript.of(section);
            case cast -> cast(entry, section, prefix);
            case html -> html(entry, section, prefix);
            default -> markdown(entry, section, prefix);
        };
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

    /** Runs the section for real, without pauses, and records it as asciicast v2, with the real timing. */
    private String cast(SectionEntry entry, Section section, String prefix) {
        CastRecording recording = new CastRecording(context.time(), CAST_WIDTH, CAST_HEIGHT,
                "dockerles demo " + entry.id());
        Console console = new Console(new PrintStream(OutputStream.nullOutputStream()), true, CAST_WIDTH)
                .tapped(recording::output);
        new SectionRun(context, messages).present(context::connect, entry, section, prefix, console,
                Prompter.AUTO, presenter -> presenter);
        return recording.text();
    }

    /** Runs the section for real and writes the page the room would have seen, as one file. */
    private String html(SectionEntry entry, Section section, String prefix) {
        RoomPage page = new RoomPage(messages);
        RoomFeed feed = new RoomFeed(page);
        new SectionRun(context, messages).present(context::connect, entry, section, prefix,
                Console.silent(), Prompter.AUTO, presenter -> presenter.listenedBy(feed));
        String when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(messages.locale())
                .withZone(ZoneId.systemDefault()).format(context.time().now());
        return page.recording(feed, when);
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
    private String markdown(SectionEntry entry, Section section, String prefix) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        Console console = Console.markdown(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        new SectionRun(context, messages).present(context::connect, entry, section, prefix, console,
                Prompter.AUTO, presenter -> presenter);
        console.finish();
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
