package nl.dockerles.cmdline;

import java.util.ArrayList;
import java.util.List;

/** Splits a command line into words the way a POSIX shell does for quotes and backslashes (no expansion). */
public final class ShellWords {
    private ShellWords() {
    }

    public static List<String> split(String line) {
        return words(line).stream().map(Word::text).toList();
    }

    /** A word and where it stands in the line: {@code line.substring(start, end)} is the word as written. */
    public record Word(String text, int start, int end) {
    }

    /** The words of a line with their places, so that one word can be replaced and the rest stays as written. */
    public static List<Word> words(String line) {
        List<Word> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int start = 0;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else if (c == '\\' && i + 1 < line.length() && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
                    word.append(line.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(new Word(word.toString(), start, i));
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                if (!inWord) {
                    start = i;
                    inWord = true;
                }
                if (c == '\'' || c == '"') {
                    quote = c;
                } else if (c == '\\' && i + 1 < line.length()) {
                    word.append(line.charAt(++i));
                } else {
                    word.append(c);
                }
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("quote " + quote + " is not closed");
        }
        if (inWord) {
            words.add(new Word(word.toString(), start, line.length()));
        }
        return words;
    }

    /** Quotes a word for a shell script when it needs it, as the docker CLI's users would write it. */
    public static String quote(String word) {
        if (!word.isEmpty() && word.matches("[A-Za-z0-9_./:=,@%+-]+")) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
