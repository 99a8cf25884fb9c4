package nl.dockerles.ui;

import java.io.PrintStream;

/** The narration as Markdown, for handouts: headings, the commands and their real output in code blocks. */
final class MarkdownNarration {
    private final PrintStream out;
    private boolean inCodeBlock;

    MarkdownNarration(PrintStream out) {
        this.out = out;
    }

    void title(String text) {
        out.println("# " + text);
        out.println();
    }

    void heading(String text) {
        closeCodeBlock();
        out.println();
        out.println("## " + text);
        out.println();
    }

    /** Opens a code block: the output that follows goes in it. */
    void command(String command) {
        out.println();
        out.println("```console");
        out.println("$ " + command);
        inCodeBlock = true;
    }

    void note(String text) {
        closeCodeBlock();
        out.println();
        out.println("> " + text.strip().replace("\n", "\n> "));
    }

    /** In italics between paragraphs; inside a code block it is a line of the block. */
    boolean info(String text) {
        if (inCodeBlock) {
            return false;
        }
        out.println("_" + text.strip() + "_");
        out.println();
        return true;
    }

    void closeCodeBlock() {
        if (inCodeBlock) {
            out.println("```");
            inCodeBlock = false;
        }
    }
}
