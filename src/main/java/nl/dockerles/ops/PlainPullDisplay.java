package nl.dockerles.ops;

import nl.dockerles.Messages;
import nl.dockerles.daemon.Docker.PullProgress;

import java.io.PrintStream;
import java.util.HashSet;
import java.util.Set;

/** Pulls as plain lines, for a log or a pipe: no bars, no colour, a line per layer that is done. */
public final class PlainPullDisplay implements ImagePulls.Display {
    private static final Set<String> QUIET = Set.of("Downloading", "Extracting", "Waiting", "Verifying Checksum",
            "Pulling fs layer", "Download complete");
    private final PrintStream out;
    private final Messages messages;
    private final Set<String> seen = new HashSet<>();

    public PlainPullDisplay(PrintStream out, Messages messages) {
        this.out = out;
        this.messages = messages;
    }

    @Override
    public synchronized void started(String image) {
        out.println(messages.get("prepare.pulling", image));
    }

    @Override
    public synchronized void progress(String image, PullProgress progress) {
        String status = progress.status();
        if (status == null || QUIET.contains(status) || status.startsWith("Pulling from")) {
            return;
        }
        String line = image + ": " + (progress.layer() == null ? "" : progress.layer() + ": ") + status;
        if (seen.add(line)) {
            out.println("  " + line);
        }
    }

    @Override
    public synchronized void finished(ImagePulls.Result result) {
        out.println(PullNotes.note(messages, result));
    }

    @Override
    public void close() {
        out.flush();
    }
}
