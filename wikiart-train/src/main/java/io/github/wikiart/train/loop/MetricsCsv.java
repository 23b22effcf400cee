package io.github.wikiart.train.loop;

import io.github.wikiart.data.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;

/**
 * Writes {@code metrics.csv} for any model kind: one row per completed epoch, the whole file
 * rewritten atomically after each epoch, so it always holds exactly the epochs whose checkpoints
 * exist.
 *
 * @param <R> the per-epoch result
 */
public final class MetricsCsv<R> implements LoopListener<R, Object> {
    /** The file name inside a run folder. */
    public static final String FILE = "metrics.csv";
    /** The columns of a run that has no evaluation (transfer): the loop's own numbers. */
    public static final String STATS_HEADER = "epoch,train_loss,images_per_second,seconds";

    private final Path file;
    private final Function<? super R, String> row;
    private final String header;
    private final StringBuilder rows;

    /**
     * @param dir the run folder
     * @param header the header row, without a line end
     * @param row formats a result as a row, without a line end
     */
    public MetricsCsv(Path dir, String header, Function<? super R, String> row) {
        this.file = dir.resolve(FILE);
        this.row = Objects.requireNonNull(row, "row");
        this.header = header;
        this.rows = new StringBuilder(header).append(System.lineSeparator());
    }

    /**
     * @param dir the run folder
     * @return a writer of the loop's own numbers, {@link #STATS_HEADER}
     */
    public static MetricsCsv<EpochStats> ofStats(Path dir) {
        return new MetricsCsv<>(dir, STATS_HEADER, s -> String.format(java.util.Locale.ROOT, "%d,%.8f,%.2f,%.3f",
                s.epoch(), s.meanLoss(), s.imagesPerSecond(), s.seconds()));
    }

    /** Rewrites the file with the rows of the epochs completed before the interruption. */
    @Override
    public void onResume(java.util.List<? extends R> results, int bestIndex) throws IOException {
        rows.setLength(0);
        rows.append(header).append(System.lineSeparator());
        for (R r : results) {
            rows.append(row.apply(r)).append(System.lineSeparator());
        }
        AtomicFiles.writeString(file, rows.toString());
    }

    @Override
    public void onEpochEnd(R result, Object model, boolean best) throws IOException {
        rows.append(row.apply(result)).append(System.lineSeparator());
        AtomicFiles.writeString(file, rows.toString());
    }
}
