package nl.dockerles.ops;

import nl.dockerles.Messages;

/** The sentence after a pull: pulled, failed but here (the workshop goes on), or missing. */
final class PullNotes {
    private PullNotes() {
    }

    static String note(Messages messages, ImagePulls.Result result) {
        return switch (result.outcome()) {
            case PULLED -> messages.get("prepare.pulled", result.image());
            case UP_TO_DATE -> messages.get("prepare.uptodate", result.image());
            case PRESENT -> messages.get("prepare.present", result.image(), result.reason());
            case MISSING -> messages.get("prepare.missing", result.image(),
                    result.reason() == null ? "?" : result.reason());
        };
    }
}
