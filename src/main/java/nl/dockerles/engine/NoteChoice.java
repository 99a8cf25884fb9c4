package nl.dockerles.engine;

import nl.dockerles.Messages;

import java.util.regex.Pattern;

/**
 * Which note follows a step: the content's, unless what the daemon did differs from what the content expects.
 * A container that had already stopped before {@code docker stop} gets a note of its own (no wait, no SIGKILL);
 * a shell the presenter left another way than the content expects (--interactief) gets one that says what really
 * happened, and the later notes about that container give way to a line that says so.
 */
final class NoteChoice {
    private final Messages messages;

    NoteChoice(Messages messages) {
        this.messages = messages;
    }

    /**
     * @param note            the content's note, not yet filled
     * @param deviatedBefore  {@code handover.deviated} before the step ran
     */
    String choose(String note, Facts facts, String deviatedBefore) {
        String stopped = facts.get(ContainerCommands.STOPPED_ALREADY); // set by this step's docker stop only
        if (stopped != null) {
            return already(stopped, facts);
        }
        String deviated = facts.get("handover.deviated");
        if (deviated != null && deviatedBefore == null) {
            // The presenter left the shell another way than the content expects: say what really happened.
            return messages.get("true".equals(facts.get("handover.running")) ? "handover.note.running"
                    : "handover.note.ended", deviated, String.valueOf(facts.get(deviated + ".exitCode")));
        }
        if (deviated != null && Pattern.compile("(?<![\\w-])" + Pattern.quote(deviated) + "(?![\\w-])")
                .matcher(note).find()) {
            return messages.get("handover.note.later", deviated);
        }
        return note;
    }

    /** "demo draaide al niet meer (Exited (137) …): docker stop had niets te doen." */
    private String already(String names, Facts facts) {
        String first = names.split(", ")[0];
        String status = facts.get(first + ".state");
        String exitCode = facts.get(first + ".exitCode");
        if (!names.contains(", ") && "running".equals(status)) {
            // Between two restarts there was nothing to stop, and the daemon's pending restart came after
            // (Podman): it runs again, so "nothing to do" is not the whole story.
            return messages.get("stop.already.restarted", names);
        }
        return messages.get(names.contains(", ") ? "stop.already.many" : "stop.already.one", names,
                status == null ? "exited" : status, exitCode == null ? "?" : exitCode);
    }
}
