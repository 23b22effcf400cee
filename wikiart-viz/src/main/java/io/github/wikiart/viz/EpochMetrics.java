package io.github.wikiart.viz;

/**
 * The numbers recorded after one training epoch, as plotted by {@link TrainingCurvesPlot}.
 * Any value may be NaN when it is unknown; non-finite values are left out of plots.
 *
 * @param epoch epoch number (usually 1-based)
 * @param trainLoss mean training loss; NaN if unknown
 * @param testLoss mean test loss; NaN if unknown
 * @param trainAccuracy training accuracy in [0, 1]; NaN if unknown
 * @param testAccuracy test accuracy in [0, 1]; NaN if unknown
 * @param macroF1 test macro-averaged F1 in [0, 1]; NaN if unknown
 */
public record EpochMetrics(int epoch, double trainLoss, double testLoss, double trainAccuracy,
        double testAccuracy, double macroF1) {
}
