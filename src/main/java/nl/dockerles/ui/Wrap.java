package nl.dockerles.ui;

import java.util.ArrayList;
import java.util.List;

/** Word wrap for the narration: paragraphs stay paragraphs, code-like lines (indented) stay as written. */
public final class Wrap {
    private Wrap() {
    }

    public static String wrap(String text, int width, String indent) {
        StringBuilder out = new StringBuilder();
        String[] paragraphs = text.strip().split("\n\\s*\n");
        for (int p = 0; p < paragraphs.length; p++) {
            if (p > 0) {
                out.append("\n\n");
            }
            out.append(wrapParagraph(paragraphs[p], width, indent));
        }
        return out.toString();
    }

    /**
     * One line of advice, wrapped at {@code width} under {@code indent} plus the line's own indent; a list item
     * ("- Linux: …") goes on under its text, not under its dash. Short or long, the line starts in one column.
     */
    public static String line(String line, int width, String indent) {
        String own = line.substring(0, line.length() - line.stripLeading().length());
        String body = line.strip();
        String first = indent + own;
        String rest = first + (body.startsWith("- ") ? "  " : "");
        StringBuilder out = new StringBuilder(first);
        int column = first.length();
        boolean empty = true;
        for (String word : body.split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (empty) {
                out.append(word);
                column += word.length();
                empty = false;
            } else if (column + 1 + word.length() > width) {
                out.append('\n').append(rest).append(word);
                column = rest.length() + word.length();
            } else {
                out.append(' ').append(word);
                column += 1 + word.length();
            }
        }
        return out.toString();
    }

    private static String wrapParagraph(String paragraph, int width, String indent) {
        StringBuilder out = new StringBuilder();
        int column = 0;
        for (String line : paragraph.split("\n")) {
            if (line.startsWith(" ") || line.startsWith("- ")) {
                // A list item or a literal line: keep its own line.
                if (column > 0) {
                    out.append('\n');
                }
                out.append(indent).append(line.stripTrailing());
                column = indent.length() + line.length();
                continue;
            }
            for (String word : line.strip().split("\\s+")) {
                if (word.isEmpty()) {
                    continue;
                }
                if (column == 0) {
                    out.append(indent).append(word);
                    column = indent.length() + word.length();
                } else if (column + 1 + word.length() > width) {
                    out.append('\n').append(indent).append(word);
                    column = indent.length() + word.length();
                } else {
                    out.append(' ').append(word);
                    column += 1 + word.length();
                }
            }
        }
        return out.toString();
    }

    /**
     * A shell command that does not fit: broken at spaces outside quotes, each line but the last ending in
     * {@code " \\"} (as a shell reads it: one command), the next lines indented by {@code indent}. A word longer
     * than a line stays whole. {@code firstWidth} is what is left of the first line after the prompt.
     */
    public static String command(String command, int firstWidth, int width, String indent) {
        List<String> words = shellWords(command);
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder();
        int room = firstWidth;
        for (String word : words) {
            boolean fresh = line.length() == 0 || line.toString().equals(indent);
            if (!fresh && line.length() + 1 + word.length() + 2 > room) {
                out.append(line).append(" \\\n");
                line.setLength(0);
                line.append(indent);
                room = width;
            } else if (!fresh) {
                line.append(' ');
            }
            line.append(word);
        }
        return out.append(line).toString();
    }

    /** The words of a command line: split at spaces, but not inside '…' or "…". */
    static List<String> shellWords(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        for (char c : command.strip().toCharArray()) {
            if (quote == 0 && c == ' ') {
                if (word.length() > 0) {
                    words.add(word.toString());
                    word.setLength(0);
                }
                continue;
            }
            if (quote == 0 && (c == '\'' || c == '"')) {
                quote = c;
            } else if (c == quote) {
                quote = 0;
            }
            word.append(c);
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }
}
