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
            if (!empty && column + 1 + word.length() <= width) {
                out.append(' ').append(word);
                column += 1 + word.length();
                continue;
            }
            if (!empty) {
                out.append('\n').append(rest);
                column = rest.length();
            }
            List<String> pieces = pieces(word, width - column);
            out.append(String.join("\n" + rest, pieces));
            column = (pieces.size() > 1 ? rest.length() : column) + pieces.get(pieces.size() - 1).length();
            empty = false;
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
                if (column > 0 && column + 1 + word.length() <= width) {
                    out.append(' ').append(word);
                    column += 1 + word.length();
                    continue;
                }
                if (column > 0) {
                    out.append('\n');
                }
                List<String> pieces = pieces(word, width - indent.length());
                out.append(indent).append(String.join("\n" + indent, pieces));
                column = indent.length() + pieces.get(pieces.size() - 1).length();
            }
        }
        return out.toString();
    }

    /**
     * A word longer than a line of {@code room} (a URL, a digest), in pieces that fit: broken after a '/' in the
     * second half of a line where there is one, else after a ':', '@', ',' or '-', else at the edge. A word that
     * fits stays whole.
     */
    static List<String> pieces(String word, int room) {
        int fit = Math.max(10, room);
        List<String> pieces = new ArrayList<>();
        String rest = word;
        while (rest.length() > fit) {
            int at = breakAfter(rest, fit, "/");
            at = at > 0 ? at : breakAfter(rest, fit, ":@,-");
            at = at > 0 ? at : fit;
            pieces.add(rest.substring(0, at));
            rest = rest.substring(at);
        }
        pieces.add(rest);
        return pieces;
    }

    /** The last place in the second half of {@code text}'s first {@code fit} characters after one of {@code chars}. */
    private static int breakAfter(String text, int fit, String chars) {
        for (int i = fit; i > fit / 2; i--) {
            if (chars.indexOf(text.charAt(i - 1)) >= 0) {
                return i;
            }
        }
        return 0;
    }

    /**
     * A shell command that does not fit: broken at spaces outside quotes, each line but the last ending in
     * {@code " \\"} (as a shell reads it: one command), the next lines indented by {@code indent}. A word longer
     * than a line (a digest, a quoted SQL statement) is broken too, where the shell joins it again: a backslash at
     * the end of the line and the rest at the start of the next ({@code '\\} and {@code '} inside single quotes).
     * {@code firstWidth} is what is left of the first line after the prompt.
     */
    public static String command(String command, int firstWidth, int width, String indent) {
        List<String> words = shellWords(command);
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder();
        int room = firstWidth;
        for (int w = 0; w < words.size(); w++) {
            String word = words.get(w);
            int end = w == words.size() - 1 ? 0 : 2; // room for the " \\" that may follow
            boolean fresh = line.length() == 0 || line.toString().equals(indent);
            if (!fresh && line.length() + 1 + word.length() + end > room) {
                out.append(line).append(" \\\n");
                line.setLength(0);
                line.append(indent);
                room = width;
                fresh = true;
            } else if (!fresh) {
                line.append(' ');
            }
            if (line.length() + word.length() + end <= room) {
                line.append(word);
                continue;
            }
            // the last piece may be followed by " \\": each line keeps room for it
            List<String> pieces = brokenWord(word, room - line.length() - end, width - end);
            for (int p = 0; p < pieces.size() - 1; p++) {
                out.append(line).append(pieces.get(p)).append('\n');
                line.setLength(0);
                room = width;
            }
            line.append(pieces.get(pieces.size() - 1));
        }
        return out.append(line).toString();
    }

    /**
     * A shell word in lines that a shell joins into the same word: each but the last ends in a backslash (inside
     * single quotes the quote is closed first and opened again on the next line). A break comes after a space
     * inside quotes, or after a '/', ':', '@', ',' or '=' where one falls in the second half of a line.
     */
    static List<String> brokenWord(String word, int firstRoom, int room) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int fit = Math.max(10, firstRoom);
        char quote = 0;
        int i = 0;
        while (i < word.length()) {
            int start = i;
            char startQuote = quote;
            // the longest piece that fits with its ending; remember the last good place to break
            int best = -1;
            char bestQuote = 0;
            char q = quote;
            int j = i;
            while (j < word.length()) {
                char c = word.charAt(j);
                if (q == 0 && (c == '\'' || c == '"')) {
                    q = c;
                } else if (c == q) {
                    q = 0;
                }
                j++;
                int ending = q == '\'' ? 2 : 1;
                if (line.length() + (j - start) + ending > fit) {
                    j--;
                    break;
                }
                boolean good = c != '\\' && (q != 0 && c == ' ' || "/:@,=".indexOf(c) >= 0);
                if (good && line.length() + (j - start) > fit / 2) {
                    best = j;
                    bestQuote = q;
                }
            }
            if (j >= word.length()) {
                line.append(word, start, word.length());
                break;
            }
            int cut = best > start ? best : Math.max(start + 1, j);
            if (best <= start) {
                bestQuote = quoteAt(word, startQuote, start, cut);
            }
            if (word.charAt(cut - 1) == '\\' && cut - 1 > start) {
                cut--; // never a backslash before the line's own
                bestQuote = quoteAt(word, startQuote, start, cut);
            }
            line.append(word, start, cut);
            lines.add(line.append(bestQuote == '\'' ? "'\\" : "\\").toString());
            line.setLength(0);
            if (bestQuote == '\'') {
                line.append('\'');
            }
            quote = bestQuote;
            i = cut;
            fit = room;
        }
        lines.add(line.toString());
        return lines;
    }

    /** The quote open after {@code word[from, to)}, when {@code open} was open at {@code from}. */
    private static char quoteAt(String word, char open, int from, int to) {
        char q = open;
        for (int k = from; k < to; k++) {
            char c = word.charAt(k);
            if (q == 0 && (c == '\'' || c == '"')) {
                q = c;
            } else if (c == q) {
                q = 0;
            }
        }
        return q;
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
