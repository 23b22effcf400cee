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
 * <p>With the adversarial loss ({@link AdversarialCritic}) the epoch also records how well the
 * critic did before its steps (every {@value AdversarialCritic#SCORED_EVERY}th): the share of the
 * transfer's outputs it classed "made" and the share of training images it classed as their style.
 * Without it both are NaN (empty fields in {@code metrics.csv}).
 *
 * @param stats the loop's numbers
 * @param probeLoss the loss of the fixed batch after this epoch
 * @param criticCaught the share of the transfer's outputs the critic classed "made", or NaN
 * @param criticRight the share of the training images the critic classed as their style, or NaN
 */
public record TransferEpoch(EpochStats stats, double probeLoss, double criticCaught, double criticRight) {
    /** The header of a {@code cin} run's {@code metrics.csv}. */
    public static final String HEADER = "epoch,train_loss,probe_loss,images_per_second,seconds,critic_caught,"
            + "critic_right";

    /**
     * An epoch without the adversarial loss.
     *
     * @param stats the loop's numbers
     * @param probeLoss the loss of the fixed batch after this epoch
     */
    public TransferEpoch(EpochStats stats, double probeLoss) {
        this(stats, probeLoss, Double.NaN, Double.NaN);
    }

    /** Writes and reads the numbers exactly, for resume checkpoints. */
    public static final ResultCodec<TransferEpoch> CODEC = new ResultCodec<>() {
        @Override
        public Map<String, Object> encode(TransferEpoch e) {
            Map<String, Object> m = new LinkedHashMap<>(EpochStats.CODEC.encode(e.stats()));
            m.put("probe_loss", ResultCodec.exact(e.probeLoss()));
            m.put("critic_caught", ResultCodec.exact(e.criticCaught()));
            m.put("critic_right", ResultCodec.exact(e.criticRight()));
            return m;
        }

        @Override
        public TransferEpoch decode(Map<String, Object> m) {
            return new TransferEpoch(EpochStats.CODEC.decode(m), ResultCodec.exact(m, "probe_loss"),
                    m.containsKey("critic_caught") ? ResultCodec.exact(m, "critic_caught") : Double.NaN,
                    m.containsKey("critic_right") ? ResultCodec.exact(m, "critic_right") : Double.NaN);
        }
    };

    /**
     * @param dir the run folder
     * @return a writer of {@link #HEADER} rows
     */
    static MetricsCsv<TransferEpoch> metrics(Path dir) {
        return new MetricsCsv<>(dir, HEADER, e -> String.format(java.util.Locale.ROOT, "%d,%.8f,%.8f,%.2f,%.3f,%s,%s",
                e.stats().epoch(), e.stats().meanLoss(), e.probeLoss(), e.stats().imagesPerSecond(),
                e.stats().seconds(), share(e.criticCaught()), share(e.criticRight())));
    }

    /** A share with four decimals, or an empty field for NaN (no critic). */
    private static String share(double v) {
        return Double.isNaN(v) ? "" : String.format(java.util.Locale.ROOT, "%.4f", v);
    }

    /** @return this epoch's entry in {@code checkpoints.json} */
    Map<String, Object> entry() {
        Map<String, Object> e = new LinkedHashMap<>(TransferCheckpoints.entry(stats));
        e.put("probe_loss", probeLoss);
        if (!Double.isNaN(criticCaught)) {
            e.put("critic_caught", criticCaught);
            e.put("critic_right", criticRight);
        }
        return e;
    }
}
