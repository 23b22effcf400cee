package io.github.wikiart.train.transfer;

import io.github.wikiart.data.ImageBatchIterator;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * The loss of a step whose update does not compute it (SameDiff's {@code fit} in M2.1 skips the
 * loss ops): measured with a forward pass of its own at the first and last batch of an epoch and
 * every 10th, by the batch's position in the epoch; the batches between repeat the latest
 * measurement, so a NaN is caught within 10 batches. The latest measurement is step state: a
 * resumed run must repeat the value the uninterrupted run would have.
 */
final class SparseLoss implements TransferControl.StepState {
    /** Its name in a resume checkpoint. */
    static final String KEY = "loss";

    private double value;

    /** @param latest the latest measurement (NaN before the first) */
    SparseLoss(double latest) {
        this.value = latest;
    }

    /**
     * @param it the iterator, just after {@code next()} returned the batch trained on
     * @param forward measures the loss of that batch
     * @return the loss to report for that batch
     */
    double measure(ImageBatchIterator it, DoubleSupplier forward) {
        int at = it.position();
        if (at == 1 || at % 10 == 0 || at == it.batchesPerEpoch()) {
            value = forward.getAsDouble();
        }
        return value;
    }

    @Override
    public Map<String, Double> numbers() {
        return Map.of(KEY, value);
    }
}
