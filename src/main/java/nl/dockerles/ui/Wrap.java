package nl.dockerles.ui;

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
}
