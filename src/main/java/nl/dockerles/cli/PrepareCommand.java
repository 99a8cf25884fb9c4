package nl.dockerles.cli;

import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.Messages;
import nl.dockerles.content.Catalog;
import nl.dockerles.daemon.Docker;
import nl.dockerles.ops.BarPullDisplay;
import nl.dockerles.ops.ImageArchive;
import nl.dockerles.ops.ImagePulls;
import nl.dockerles.ops.Marks;
import nl.dockerles.ops.PlainPullDisplay;
import nl.dockerles.ops.WorkshopNeeds;
import nl.dockerles.render.HumanSize;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code dockerles prepare}: every image the sections need, pulled a few at once with progress bars; with
 * {@code --save FILE} also written to one archive, with {@code --load FILE} read from one (a USB stick when the
 * room's network is slow). Both check afterwards what they did.
 */
@Command(name = "prepare", aliases = "voorbereiden")
final class PrepareCommand extends DockerlesCommand {
    @Option(names = "--save", paramLabel = "${bundle:label.file}", descriptionKey = "prepare.save")
    Path save;

    @Option(names = "--load", paramLabel = "${bundle:label.file}", descriptionKey = "prepare.load")
    Path load;

    PrepareCommand(AppContext context, Messages messages) {
        super(context, messages);
    }

    @Override
    public Integer call() {
        if (save != null && load != null) {
            throw new DockerlesException(ExitCode.USAGE, "error.prepare.both");
        }
        if (load != null && !Files.isRegularFile(load)) {
            throw new DockerlesException(ExitCode.USAGE, "error.archive.load.nofile", load);
        }
        List<String> images = WorkshopNeeds.of(new Catalog()).imageList();
        Marks marks = new Marks(color());
        try (Docker docker = context.connect()) {
            if (load != null) {
                return loadArchive(docker, images, marks);
            }
            pull(docker, images, marks);
            if (save != null) {
                saveArchive(docker, images, marks);
            }
        }
        return ExitCode.OK.code;
    }

    private void pull(Docker docker, List<String> images, Marks marks) {
        PrintStream out = context.out();
        out.println(messages.get("prepare.header", images.size(), String.join(", ", images)));
        out.println();
        List<ImagePulls.Result> results;
        try (ImagePulls.Display display = context.terminal()
                ? new BarPullDisplay(out, messages, marks, images) : new PlainPullDisplay(out, messages)) {
            results = ImagePulls.pullAll(docker, images, display);
        }
        List<String> missing = results.stream().filter(r -> r.outcome() == ImagePulls.Outcome.MISSING)
                .map(ImagePulls.Result::image).toList();
        out.println();
        if (!missing.isEmpty()) {
            throw new DockerlesException(ExitCode.IMAGE_MISSING, "error.prepare.missing", String.join(", ", missing));
        }
        out.println(marks.ok() + " " + messages.get("prepare.ready", images.size()));
    }

    private void saveArchive(Docker docker, List<String> images, Marks marks) {
        PrintStream out = context.out();
        out.println();
        out.println(messages.get("prepare.saving", save));
        docker.saveImages(images, save);
        if (!Files.isRegularFile(save)) {
            throw new DockerlesException(ExitCode.ERROR, "error.prepare.save.nofile", save);
        }
        List<String> notInArchive = ImageArchive.missing(save, images);
        if (!notInArchive.isEmpty()) {
            throw new DockerlesException(ExitCode.ERROR, "error.prepare.save.incomplete", save,
                    String.join(", ", notInArchive));
        }
        out.println(marks.ok() + " " + messages.get("prepare.saved", save, size(save, messages), images.size(),
                String.join(", ", images)));
        out.println(messages.get("prepare.saved.next", save));
    }

    private int loadArchive(Docker docker, List<String> images, Marks marks) {
        PrintStream out = context.out();
        out.println(messages.get("prepare.loading", load, size(load, messages)));
        List<String> loaded = docker.loadImages(load);
        out.println(messages.get("prepare.loaded", loaded.isEmpty() ? "-" : String.join(", ", loaded)));
        List<String> missing = images.stream().filter(image -> !docker.imageExists(image)).toList();
        if (!missing.isEmpty()) {
            throw new DockerlesException(ExitCode.IMAGE_MISSING, "error.prepare.load.missing", load,
                    String.join(", ", missing));
        }
        out.println(marks.ok() + " " + messages.get("prepare.load.verified", images.size(), String.join(", ", images)));
        return ExitCode.OK.code;
    }

    private static String size(Path file, Messages messages) {
        try {
            return HumanSize.of(Files.size(file), messages.locale());
        } catch (IOException e) {
            return "?";
        }
    }
}
