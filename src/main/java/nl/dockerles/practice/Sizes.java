package nl.dockerles.practice;

import java.util.Locale;

/** Memory sizes as docker writes them ({@code --memory 64m}): b, k, m, g, binary units. */
final class Sizes {
    private Sizes() {
    }

    /** Bytes, or -1 when it is no size. */
    static long bytes(String text) {
        if (text == null) {
            return -1;
        }
        String t = text.strip().toLowerCase(Locale.ROOT).replaceFirst("b$", "");
        if (t.isEmpty()) {
            return -1;
        }
        long unit = switch (t.charAt(t.length() - 1)) {
            case 'k' -> 1024L;
            case 'm' -> 1024L * 1024;
            case 'g' -> 1024L * 1024 * 1024;
            default -> 1;
        };
        String digits = unit == 1 ? t : t.substring(0, t.length() - 1);
        try {
            long n = Long.parseLong(digits);
            return n > 0 ? n * unit : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** 67108864 → "64 MiB", as a student reads it; 0 → "" (no limit). */
    static String human(long bytes) {
        if (bytes <= 0) {
            return "";
        }
        String[] units = {"B", "KiB", "MiB", "GiB"};
        int i = 0;
        double value = bytes;
        while (value >= 1024 && i < units.length - 1 && value % 1024 == 0) {
            value /= 1024;
            i++;
        }
        return (long) value + " " + units[i];
    }
}
