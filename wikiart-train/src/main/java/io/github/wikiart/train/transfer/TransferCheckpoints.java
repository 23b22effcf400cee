package io.github.wikiart.train.transfer;

import io.github.wikiart.train.loop.CheckpointWriter;
import io.github.wikiart.train.loop.EpochStats;
import io.github.wikiart.train.loop.LoopListener;
import io.github.wikiart.train.loop.MetricsCsv;
import io.github.wikiart.train.loop.Stop;
import io.github.wikiart.train.loop.TrainingStoppedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The run-folder files a transfer training writes after every epoch, with the loop's shared
 * mechanism: {@code metrics.csv} ({@link MetricsCsv#STATS_HEADER}; for {@code cin}
 * {@link TransferEpoch#HEADER}) and the SameDiff graph with its updater state as
 * {@code model-last.sdz} and {@code model-best.sdz} (for {@code seed} the lowest mean training loss of
 * its training step, for {@code cin} the lowest probe loss), indexed in {@code checkpoints.json}.
 */
public final class TransferCheckpoints {
    /** The checkpoints' file extension. */
    public static final String EXTENSION = ".sdz";

    private TransferCheckpoints() {
    }

    /**
     * @param runDir the run folder, or null for none
     * @return the listeners writing metrics and checkpoints into it, in that order (none for null)
     */
    public static List<LoopListener<? super EpochStats, ? super SameDiff>> listeners(Path runDir) {
        return listeners(runDir, MetricsCsv::ofStats, TransferCheckpoints::entry);
    }

    /**
     * @param runDir the run folder, or null for none
     * @param metrics the {@code metrics.csv} writer for that folder
     * @param entry an epoch's entry in {@code checkpoints.json}
     * @param <R> the loop's per-epoch result
     * @return the listeners writing metrics and checkpoints into it, in that order (none for null)
     */
    static <R> List<LoopListener<? super R, ? super SameDiff>> listeners(
            Path runDir, java.util.function.Function<Path, MetricsCsv<R>> metrics,
            java.util.function.Function<R, Map<String, Object>> entry) {
        if (runDir == null) {
            return List.of();
        }
        return List.of(metrics.apply(runDir), new CheckpointWriter<R, SameDiff>(runDir, EXTENSION,
                (sd, out) -> sd.save(out, true), entry, Map.of()));
    }

    static Map<String, Object> entry(EpochStats s) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("epoch", s.epoch());
        e.put("train_loss", s.meanLoss());
        return e;
    }

    /**
     * Loads the last checkpoint of a transfer run, with its updater state.
     *
     * @param runDir the run folder
     * @return the graph
     * @throws IOException naming a missing or unreadable file
     */
    public static SameDiff loadLast(Path runDir) throws IOException {
        Path file = CheckpointWriter.lastFile(runDir, EXTENSION);
        if (!Files.isRegularFile(file)) {
            throw new java.nio.file.NoSuchFileException(file.toString(), null, "no last checkpoint in this run");
        }
        try {
            return SameDiff.load(file.toFile(), true);
        } catch (RuntimeException e) {
            throw new IOException(file + ": cannot load: " + e.getMessage(), e);
        }
    }

    /**
     * @param what the training that stopped, e.g. "transfer network"
     * @param stop where
     * @param runDir its run folder, or null
     * @param advice what to change, or an empty string
     * @return the exception to throw
     */
    public static TrainingStoppedException stopped(String what, Stop stop, Path runDir, String advice) {
        String kept = runDir == null || stop.keptEpoch() == 0 ? ""
                : " (" + CheckpointWriter.lastFile(runDir, EXTENSION) + ")";
        return new TrainingStoppedException(stop, what + ": " + stop.message() + kept + advice);
    }
}
