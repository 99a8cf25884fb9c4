package nl.dockerles.cli;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * The name a typo most likely meant, only when it is really close: a different case, the start of the name
 * ({@code snap}: snapshots), the name with something after it ({@code --from-step}: --from), or a slip of a key or
 * two for the length ({@code lisst}: list, {@code lsit}: list, {@code lifecylce}: lifecycle). {@code nope} means
 * nothing; then nothing is suggested.
 */
final class Nearest {
    /** Shorter than this, a start or an end says too little ({@code r}, {@code --ja} in {@code --jaja}). */
    private static final int ENOUGH_TO_GO_ON = 3;

    private Nearest() {
    }

    static Optional<String> among(String typed, Collection<String> names) {
        String word = bare(typed);
        return names.stream()
                .filter(name -> close(word, bare(name)))
                .min(Comparator.comparing((String name) -> !bare(name).startsWith(word)) // --lange: the long one
                        .thenComparingInt(name -> distance(word, bare(name))).thenComparingInt(String::length));
    }

    /** Lower case, without the dashes of an option: the part that is typed wrong. */
    private static String bare(String name) {
        return name.toLowerCase(Locale.ROOT).replaceFirst("^-+", "");
    }

    static boolean close(String typed, String name) {
        if (typed.equals(name)) {
            return true;
        }
        int shorter = Math.min(typed.length(), name.length());
        if (shorter >= ENOUGH_TO_GO_ON && (name.startsWith(typed) || typed.startsWith(name))) {
            return true;
        }
        int slips = shorter < 4 ? 0 : shorter < 6 ? 1 : 2;
        return distance(typed, name) <= slips;
    }

    /** Keys typed wrong, left out, added, or two swapped: optimal string alignment distance. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
