package io.github.wikiart.train;

import io.github.wikiart.data.AtomicFiles;
import java.io.IOException;
import java.util.Locale;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/** Writes {@code metrics.csv}: one row per epoch, rewritten atomically after each epoch. */
public final class MetricsCsv implements TrainerListener {
    /** The header row. */
    public static final String HEADER = "epoch,train_loss,test_loss,test_accuracy,macro_f1,images_per_second,seconds,learning_rate";

    private final RunFolder run;
    private final StringBuilder rows = new StringBuilder(HEADER + "\n");

    /** @param run where to write */
    public MetricsCsv(RunFolder run) {
        this.run = run;
    }

    @Override
    public void onEpochEnd(EpochResult r, MultiLayerNetwork net, boolean best) throws IOException {
        rows.append(String.format(Locale.ROOT, "%d,%.6f,%.6f,%.6f,%.6f,%.2f,%.3f,%.6g%n", r.epoch(), r.trainLoss(),
                r.test().meanLoss(), r.test().accuracy(), r.test().macroF1(), r.imagesPerSecond(), r.seconds(),
                r.learningRate()));
        AtomicFiles.writeString(run.file(RunFolder.METRICS), rows.toString());
    }
}
