package nl.dockerles.ui;

import org.fusesource.jansi.Ansi;

import java.util.function.UnaryOperator;

/** Colour on a terminal, plain text elsewhere. On means a terminal here: a prompt and a status line redraw. */
record Colours(boolean on) {

    String paint(String text, UnaryOperator<Ansi> how) {
        return on ? how.apply(Ansi.ansi()).a(text).reset().toString() : text;
    }
}
