package io.github.wikiart.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the valid key closest to a misspelt one, by Levenshtein distance over the full dotted
 * names and over the last segments (so {@code image_size} written outside its section still finds
 * {@code data.image_size}).
 */
public final class KeySuggester {

    private KeySuggester() {
    }

    /**
     * The candidate closest to {@code name}. The score of a candidate is the smaller of the edit
     * distance between the full names and the distance between the last segments plus one when
     * the sections differ; ties go to the smaller full-name distance, then to the earlier
     * candidate.
     *
     * @param name the unknown name (case is ignored)
     * @param candidates valid names, in preference order
     * @return the closest candidate, empty only when there are no candidates
     */
    public static Optional<String> closest(String name, Collection<String> candidates) {
        String n = name.toLowerCase(Locale.ROOT);
        String best = null;
        int bestScore = Integer.MAX_VALUE;
        int bestFull = Integer.MAX_VALUE;
        for (String c : candidates) {
            String lc = c.toLowerCase(Locale.ROOT);
            int full = distance(n, lc);
            int leaf = distance(last(n), last(lc)) + (parent(n).equals(parent(lc)) ? 0 : 1);
            int score = Math.min(full, leaf);
            if (score < bestScore || (score == bestScore && full < bestFull)) {
                best = c;
                bestScore = score;
                bestFull = full;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The Levenshtein distance: the fewest single-character insertions, deletions and
     * substitutions that turn {@code a} into {@code b}.
     *
     * @param a a string
     * @param b another string
     * @return the distance
     */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static String last(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    private static String parent(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(0, dot);
    }
}
