package io.github.wikiart.train.loop;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a {@link TrainingLoop} is and what it has counted, at a batch boundary: all a resumed loop
 * needs besides the model and the results of the completed epochs. Random streams need no state:
 * the shuffles and augmentations are drawn from {@code (seed, epoch)} and
 * {@code (seed, epoch, sample)}, and the loop seeds ND4J's stream (dropout) from
 * {@code (seed, epoch, batch)} before every batch.
 *
 * @param epoch the epoch in progress or about to start, from 1 (numbered as the loop numbers them)
 * @param position the training iterator's {@link io.github.wikiart.data.ImageBatchIterator#position()}
 *     in that epoch; 0 when it has not started
 * @param batches batches trained on in that epoch so far
 * @param images images trained on in that epoch so far
 * @param lossSum the sum of those batches' losses
 * @param seconds training time spent in that epoch so far
 * @param bestEpoch the best completed epoch, 0 if none
 * @param bestScore its score (infinite when none)
 * @param referenceScore early stopping's reference: the score of the last epoch that improved on the
 *     one before it by more than the minimum change (infinite when none)
 * @param sinceImprovement completed epochs since that epoch (early stopping's counter)
 */
public record LoopState(int epoch, int position, int batches, long images, double lossSum, double seconds,
                        int bestEpoch, double bestScore, double referenceScore, int sinceImprovement) {
    /** Validates the counts. */
    public LoopState {
        if (epoch < 1 || position < 0 || batches < 0 || images < 0 || bestEpoch < 0 || sinceImprovement < 0) {
            throw new IllegalArgumentException("not a loop state: epoch " + epoch + ", position " + position
                    + ", batches " + batches + ", images " + images + ", best epoch " + bestEpoch);
        }
    }

    /**
     * @param epoch the epoch about to start
     * @param bestEpoch the best completed epoch, 0 if none
     * @param bestScore its score
     * @param referenceScore early stopping's reference score
     * @param sinceImprovement early stopping's counter
     * @return the state at the start of an epoch
     */
    public static LoopState atEpochStart(int epoch, int bestEpoch, double bestScore, double referenceScore,
                                         int sinceImprovement) {
        return new LoopState(epoch, 0, 0, 0, 0, 0, bestEpoch, bestScore, referenceScore, sinceImprovement);
    }

    /**
     * @return the state as JSON values; every number is written so that it reads back bit for bit
     *     (doubles as Java's shortest round-trip text, infinities included)
     */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epoch", epoch);
        m.put("position", position);
        m.put("batches", batches);
        m.put("images", images);
        m.put("loss_sum", Double.toString(lossSum));
        m.put("seconds", Double.toString(seconds));
        m.put("best_epoch", bestEpoch);
        m.put("best_score", Double.toString(bestScore));
        m.put("reference_score", Double.toString(referenceScore));
        m.put("since_improvement", sinceImprovement);
        return m;
    }

    /**
     * @param m values written by {@link #toJson()}
     * @return the state
     * @throws IllegalArgumentException naming the key that is missing or malformed
     */
    public static LoopState fromJson(Map<String, Object> m) {
        return new LoopState(intOf(m, "epoch"), intOf(m, "position"), intOf(m, "batches"), longOf(m, "images"),
                doubleOf(m, "loss_sum"), doubleOf(m, "seconds"), intOf(m, "best_epoch"), doubleOf(m, "best_score"),
                doubleOf(m, "reference_score"), intOf(m, "since_improvement"));
    }

    private static int intOf(Map<String, Object> m, String key) {
        return Math.toIntExact(longOf(m, key));
    }

    private static long longOf(Map<String, Object> m, String key) {
        if (m.get(key) instanceof Number n) {
            return n.longValue();
        }
        throw new IllegalArgumentException("loop state: '" + key + "' is not a whole number: " + m.get(key));
    }

    private static double doubleOf(Map<String, Object> m, String key) {
        try {
            return Double.parseDouble(String.valueOf(m.get(key)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("loop state: '" + key + "' is not a number: " + m.get(key), e);
        }
    }
}
