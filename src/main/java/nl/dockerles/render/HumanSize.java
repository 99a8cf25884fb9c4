package nl.dockerles.render;

import java.util.Locale;

/** Sizes as the docker CLI writes them (go-units HumanSizeWithPrecision, decimal units): "4.26MB", "0B". */
public final class HumanSize {
    private static final String[] UNITS = {"B", "kB", "MB", "GB", "TB", "PB"};

    private HumanSize() {
    }

    public static String of(long bytes) {
        double size = bytes;
        int unit = 0;
        while (size >= 1000 && unit < UNITS.length - 1) {
            size /= 1000;
            unit++;
        }
        return trim(String.format(Locale.ROOT, "%.3g", size)) + UNITS[unit];
    }

    /** For a sentence, as a person writes it in that language: "80,6 GB" in Dutch, "80.6 GB" in English. */
    public static String of(long bytes, Locale locale) {
        double size = bytes;
        int unit = 0;
        while (size >= 1000 && unit < UNITS.length - 1) {
            size /= 1000;
            unit++;
        }
        String number = trim(String.format(Locale.ROOT, "%.3g", size));
        char decimal = java.text.DecimalFormatSymbols.getInstance(locale).getDecimalSeparator();
        return number.replace('.', decimal) + " " + UNITS[unit];
    }

    private static String trim(String number) {
        if (number.contains(".")) {
            number = number.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return number;
    }
}
