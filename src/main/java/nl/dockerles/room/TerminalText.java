package nl.dockerles.room;

/**
 * Turns what a terminal would print into plain text for the page: colours and other escape sequences go,
 * {@code \r\n} becomes {@code \n}, other control characters go. Keeps its state between chunks, so an escape
 * sequence split over two chunks (a container's terminal sends one byte at a time) is removed as well.
 */
final class TerminalText {
    private enum State { TEXT, ESC, CSI, STRING, STRING_ESC }

    private State state = State.TEXT;

    synchronized String clean(String chunk) {
        StringBuilder out = new StringBuilder(chunk.length());
        for (int i = 0; i < chunk.length(); i++) {
            char c = chunk.charAt(i);
            switch (state) {
                case TEXT -> {
                    if (c == '\u001B') {
                        state = State.ESC;
                    } else if (c == '\n' || c == '\t' || c >= ' ' && c != '\u007F' && !(c >= '\u0080' && c < '\u00A0')) {
                        out.append(c);
                    }
                }
                case ESC -> state = switch (c) {
                    case '[' -> State.CSI;
                    case ']', 'P', '_', '^', 'X' -> State.STRING;
                    default -> State.TEXT;
                };
                case CSI -> {
                    if (c >= '@' && c <= '~') {
                        state = State.TEXT;
                    }
                }
                case STRING -> {
                    if (c == '\u0007') {
                        state = State.TEXT;
                    } else if (c == '\u001B') {
                        state = State.STRING_ESC;
                    }
                }
                case STRING_ESC -> state = c == '\\' ? State.TEXT : State.STRING;
            }
        }
        return out.toString();
    }
}
