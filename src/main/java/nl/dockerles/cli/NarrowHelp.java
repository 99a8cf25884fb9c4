package nl.dockerles.cli;

import picocli.CommandLine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * picocli lays help out at 55 columns at least; in a narrower window the terminal would cut every longer line
 * anywhere, mid-word and mid-entry. Here such a line breaks between words instead, and what follows lines up
 * under its own column (an option's description, an exit code's meaning). Colours are left out there.
 */
final class NarrowHelp {
    /** picocli's narrowest layout. */
    static final int PICOCLI_MINIMUM = 55;
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*m");
    /** A row of a list: what it names, two or more spaces, and where its text begins. */
    private static final Pattern ROW = Pattern.compile("^(\\s*\\S.*?\\s{2,})(?=\\S)");
    /** "Gebruik: dockerles demo [-h] …": the options continue under the first one. */
    private static final Pattern SYNOPSIS = Pattern.compile("^\\S+: (?:[a-z-]+ )+(?=\\[)");

    private NarrowHelp() {
    }

    /** Every help section of {@code cli} and its subcommands goes through {@link #reflow}, asked when shown. */
    static void install(CommandLine cli, IntSupplier columns) {
        install(cli, columns, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static void install(CommandLine cli, IntSupplier columns, Set<CommandLine> done) {
        if (!done.add(cli)) {
            return; // an alias: the same command
        }
        Map<String, CommandLine.IHelpSectionRenderer> sections = new LinkedHashMap<>();
        cli.getHelpSectionMap().forEach((key, renderer) -> sections.put(key, help -> {
            String text = renderer.render(help);
            int width = columns.getAsInt();
            return width > 0 && width < PICOCLI_MINIMUM ? reflow(text, Math.max(40, width)) : text;
        }));
        cli.setHelpSectionMap(sections);
        cli.getSubcommands().values().forEach(sub -> install(sub, columns, done));
    }

    /**
     * Lines longer than {@code width} broken between words. First the lines picocli itself broke (at 55) are
     * joined again: a line indented two further than the text column of the row above it continues that row.
     * Then each line is broken anew, what follows under the row's text column (+2, as picocli does).
     */
    static String reflow(String text, int width) {
        if (text == null || text.isEmpty() || width >= PICOCLI_MINIMUM) {
            return text;
        }
        // picocli's colours would count as columns; in a window this narrow the layout matters more.
        String plain = ANSI.matcher(text).replaceAll("");
        List<StringBuilder> lines = new ArrayList<>();
        List<Integer> hangs = new ArrayList<>();
        int column = -1;
        for (String line : plain.split("\n", -1)) {
            int lead = leadingSpaces(line);
            Matcher row = ROW.matcher(line);
            if (line.isBlank() || lead == 0) {
                column = -1;
                lines.add(new StringBuilder(line));
                Matcher synopsis = SYNOPSIS.matcher(line);
                hangs.add(synopsis.find() ? synopsis.end() : 0);
            } else if (column >= 0 && lead == column + 2) {
                lines.get(lines.size() - 1).append(' ').append(line.strip());
            } else if (row.find()) {
                column = row.end();
                lines.add(new StringBuilder(line));
                hangs.add(column + 2);
            } else {
                // Text on its own (a description under an option too long for its column): its own column.
                column = lead;
                lines.add(new StringBuilder(line));
                hangs.add(column + 2);
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                out.append('\n');
            }
            String line = lines.get(i).toString();
            int hang = hangs.get(i) + 12 < width ? hangs.get(i) : leadingSpaces(line);
            out.append(line.length() <= width ? line : breakLine(line, width, hang));
        }
        return out.toString();
    }

    private static String breakLine(String line, int width, int hang) {
        String indent = " ".repeat(hang);
        StringBuilder out = new StringBuilder();
        String rest = line.stripTrailing();
        int keep = leadingSpaces(line);
        while (rest.length() > width) {
            int cut = rest.lastIndexOf(' ', width);
            if (cut <= keep) {
                cut = rest.indexOf(' ', width); // one word longer than the line: it stays whole
                if (cut < 0) {
                    break;
                }
            }
            out.append(rest.substring(0, cut).stripTrailing()).append('\n');
            rest = indent + rest.substring(cut).strip();
            keep = hang;
        }
        return out.append(rest).toString();
    }

    private static int leadingSpaces(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return n;
    }
}
