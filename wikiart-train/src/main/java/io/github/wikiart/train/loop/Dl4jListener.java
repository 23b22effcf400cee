package io.github.wikiart.train.loop;

import java.util.Objects;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.optimize.api.TrainingListener;

/**
 * Lets a DL4J {@link TrainingListener} (for example {@code ScoreIterationListener}) listen to a
 * {@link TrainingLoop} that trains a DL4J network: epoch starts and ends and one
 * {@code iterationDone} per batch, with DL4J's zero-based epoch count. DL4J's forward and backward
 * pass callbacks are not called.
 *
 * @param <R> the per-epoch result (ignored)
 */
public final class Dl4jListener<R> implements LoopListener<R, Model> {
    private final TrainingListener listener;
    private Model model;
    private int iteration;

    private Dl4jListener(TrainingListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * @param listener a DL4J listener
     * @param <R> the per-epoch result of the loop
     * @return it as a loop listener
     */
    public static <R> Dl4jListener<R> of(TrainingListener listener) {
        return new Dl4jListener<>(listener);
    }

    @Override
    public void onStart(Model m) {
        this.model = m;
    }

    @Override
    public void onEpochStart(int epoch, int batches) {
        listener.onEpochStart(model);
    }

    @Override
    public void onBatch(int epoch, int batch, int batches, long images, double loss, double imagesPerSecond) {
        listener.iterationDone(model, iteration++, epoch - 1);
    }

    @Override
    public void onEpochEnd(R result, Model m, boolean best) {
        listener.onEpochEnd(m);
    }
}
