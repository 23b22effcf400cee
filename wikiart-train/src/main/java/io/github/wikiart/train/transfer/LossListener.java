package io.github.wikiart.train.transfer;

import io.github.wikiart.train.ProgressListener;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.ListenerVariables;
import org.nd4j.autodiff.listeners.Loss;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * Reads a SameDiff graph's loss variable as training computes it (no extra forward pass), stops
 * training with an error naming the epoch and batch when it is not finite, and reports progress.
 */
final class LossListener extends BaseListener {
    private final String what;
    private final String lossName;
    private final ProgressListener progress;
    private int epoch;
    private int batches;
    private int batch;
    private long images;
    private long start;
    private double loss = Double.NaN;
    private double lossSum;

    /**
     * @param what what is trained, for messages
     * @param lossName the graph's loss variable
     * @param progress progress events, or null
     */
    LossListener(String what, String lossName, ProgressListener progress) {
        this.what = what;
        this.lossName = lossName;
        this.progress = progress;
    }

    /**
     * Call before each pass.
     *
     * @param epoch the epoch, from 1
     * @param batches batches in it
     */
    void startEpoch(int epoch, int batches) {
        this.epoch = epoch;
        this.batches = batches;
        batch = 0;
        images = 0;
        lossSum = 0;
        start = System.nanoTime();
        if (progress != null) {
            progress.onEpochStart(epoch, batches);
        }
    }

    /** @return the mean loss over the batches of the current or last epoch */
    double meanLoss() {
        return batch == 0 ? Double.NaN : lossSum / batch;
    }

    @Override
    public boolean isActive(Operation operation) {
        return operation == Operation.TRAINING;
    }

    @Override
    public ListenerVariables requiredVariables(SameDiff sd) {
        return ListenerVariables.builder().trainingVariables(lossName).build();
    }

    @Override
    public void activationAvailable(SameDiff sd, At at, MultiDataSet batchData, SameDiffOp op, String varName,
                                    INDArray activation) {
        if (lossName.equals(varName)) {
            loss = activation.getDouble(0);
        }
    }

    @Override
    public void iterationDone(SameDiff sd, At at, MultiDataSet dataSet, Loss ignored) {
        batch++;
        images += dataSet.getFeatures(0).size(0);
        if (!Double.isFinite(loss)) {
            throw new IllegalStateException(what + ": the loss became " + loss + " in epoch " + epoch + ", batch "
                    + batch);
        }
        lossSum += loss;
        if (progress != null) {
            progress.onBatch(epoch, batch, batches, images, loss, images / ((System.nanoTime() - start) / 1e9));
        }
    }
}
