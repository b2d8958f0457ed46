package org.depthsweep.sweep;

import java.util.Collection;
import java.util.Optional;

/** Finds the known name closest to a misspelled one, by Levenshtein distance, for "did you mean" hints. */
final class Suggestions {
    private Suggestions() {
    }

    /**
     * Returns the known name closest to {@code name}, or empty when none is close. A name is close when its edit
     * distance is at most max(2, length / 3) and less than the length of {@code name}, so a one-letter key gets no
     * hint. Ties go to the first name in iteration order.
     */
    static Optional<String> closest(String name, Collection<String> known) {
        int limit = Math.min(Math.max(2, name.length() / 3), name.length() - 1);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int distance = levenshtein(name, candidate);
            if (distance <= limit && distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Computes the Levenshtein distance: the least number of one-character insertions, deletions and substitutions. */
    static int levenshtein(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
