package nl.dockerles.ops;

import org.fusesource.jansi.Ansi;

import java.nio.charset.Charset;

/** ✓ and ✗ in front of a line: green and red in a terminal, plain otherwise, ASCII where ✓ cannot be written. */
public final class Marks {
    private final boolean color;
    private final boolean unicode;

    public Marks(boolean color) {
        this(color, Charset.defaultCharset().newEncoder().canEncode("✓✗"));
    }

    Marks(boolean color, boolean unicode) {
        this.color = color;
        this.unicode = unicode;
    }

    public String ok() {
        return paint(unicode ? "✓" : "OK", Ansi.Color.GREEN);
    }

    public String failed() {
        return paint(unicode ? "✗" : "XX", Ansi.Color.RED);
    }

    public String info() {
        return paint(unicode ? "–" : "--", Ansi.Color.DEFAULT);
    }

    public String paint(String text, Ansi.Color fg) {
        return color && fg != Ansi.Color.DEFAULT ? Ansi.ansi().fg(fg).bold().a(text).reset().toString() : text;
    }

    public boolean color() {
        return color;
    }

    public boolean unicode() {
        return unicode;
    }
}
