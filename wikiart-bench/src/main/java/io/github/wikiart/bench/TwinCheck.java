package io.github.wikiart.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Whether a row's two networks compute the same function: the DL4J network and its peer twin, given
 * the same weights and the same batch, compared on the inference output, the loss and the gradient
 * of the first layer's weights (training mode: batch statistics in batch norm; dropout off on both
 * sides, since the two frameworks cannot draw the same masks). A row whose twin disagrees is
 * reported as invalid, never as a ratio.
 *
 * @param outputDifference largest absolute difference of the inference outputs (probabilities or pixels)
 * @param dl4jLoss DL4J's loss on the batch (inference mode)
 * @param peerLoss the twin's loss on the same batch
 * @param gradientDifference largest absolute difference of the first layer's weight gradients,
 *     relative to the largest gradient value
 * @param tolerance the largest difference of each kind that still counts as the same function
 */
public record TwinCheck(double outputDifference, double dl4jLoss, double peerLoss, double gradientDifference,
        double tolerance) {
    /** Float rounding in different summation orders stays far below this; a different function does not. */
    public static final double TOLERANCE = 1e-3;

    /** @return the relative difference of the two losses */
    public double lossDifference() {
        return Math.abs(dl4jLoss - peerLoss) / Math.max(1e-12, Math.abs(dl4jLoss));
    }

    /** @return whether every difference is within the tolerance (false if any is NaN) */
    public boolean agrees() {
        return outputDifference <= tolerance && lossDifference() <= tolerance && gradientDifference <= tolerance;
    }

    /** @return one readable line */
    public String describe() {
        return String.format(Locale.ROOT, "%s: output differs by %.2g, loss %.6g against %.6g (%.2g relative), "
                + "first-layer gradient by %.2g relative (tolerance %.0g)", agrees() ? "same function" : "INVALID",
                outputDifference, dl4jLoss, peerLoss, lossDifference(), gradientDifference, tolerance);
    }

    /** @return the check in the JSON schema of {@code wikiart bench --json} */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("agrees", agrees());
        m.put("output_difference", outputDifference);
        m.put("dl4j_loss", dl4jLoss);
        m.put("peer_loss", peerLoss);
        m.put("gradient_difference", gradientDifference);
        m.put("tolerance", tolerance);
        return m;
    }
}
