package io.github.wikiart.train.transfer;

import io.github.wikiart.train.loop.EpochStats;
import io.github.wikiart.train.loop.MetricsCsv;
import io.github.wikiart.train.loop.ResultCodec;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One epoch of the {@code cin} transfer's training: the loop's numbers and the probe loss, the
 * loss of one fixed batch (content images, every style equally often) after the epoch. The mean
 * training loss is measured on batches of random target styles, whose losses differ by orders of
 * magnitude from style to style, so it can rise while the network learns; the probe loss compares
 * epochs on the same images and styles, and chooses the best checkpoint.
 *
 * @param stats the loop's numbers
 * @param probeLoss the loss of the fixed batch after this epoch
 */
public record TransferEpoch(EpochStats stats, double probeLoss) {
    /** The header of a {@code cin} run's {@code metrics.csv}. */
    public static final String HEADER = "epoch,train_loss,probe_loss,images_per_second,seconds";

    /** Writes and reads the numbers exactly, for resume checkpoints. */
    public static final ResultCodec<TransferEpoch> CODEC = new ResultCodec<>() {
        @Override
        public Map<String, Object> encode(TransferEpoch e) {
            Map<String, Object> m = new LinkedHashMap<>(EpochStats.CODEC.encode(e.stats()));
            m.put("probe_loss", ResultCodec.exact(e.probeLoss()));
            return m;
        }

        @Override
        public TransferEpoch decode(Map<String, Object> m) {
            return new TransferEpoch(EpochStats.CODEC.decode(m), ResultCodec.exact(m, "probe_loss"));
        }
    };

    /**
     * @param dir the run folder
     * @return a writer of {@link #HEADER} rows
     */
    static MetricsCsv<TransferEpoch> metrics(Path dir) {
        return new MetricsCsv<>(dir, HEADER, e -> String.format(java.util.Locale.ROOT, "%d,%.8f,%.8f,%.2f,%.3f",
                e.stats().epoch(), e.stats().meanLoss(), e.probeLoss(), e.stats().imagesPerSecond(),
                e.stats().seconds()));
    }

    /** @return this epoch's entry in {@code checkpoints.json} */
    Map<String, Object> entry() {
        Map<String, Object> e = new LinkedHashMap<>(TransferCheckpoints.entry(stats));
        e.put("probe_loss", probeLoss);
        return e;
    }
}
