package io.github.wikiart.train.transfer;

import io.github.wikiart.data.DataOptions;
import io.github.wikiart.data.ContentImages;
import io.github.wikiart.data.LabelIndex;
import io.github.wikiart.data.WikiArtDataset;
import io.github.wikiart.train.classifier.ClassifierRun;
import io.github.wikiart.train.Json;
import io.github.wikiart.train.Provenance;
import io.github.wikiart.train.RunFolder;
import io.github.wikiart.train.loop.EpochStats;
import io.github.wikiart.train.loop.LoopListener;
import java.io.IOException;
import java.nio.file.Path;
import io.github.wikiart.data.Sample;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * A whole style-transfer run: load the data, train the chosen method, and save the model file
 * ({@code transfer-model.zip}, self-describing) with its metadata beside it
 * ({@code transfer-info.json}, {@code labels.txt}, {@code data.json}, {@code provenance.json},
 * {@code summary.json}) so {@code apply}, {@code grid} and {@code eval} need only the run folder.
 * During training, {@code metrics.csv} and the checkpoints ({@link TransferCheckpoints}) are
 * written after every epoch.
 */
public final class TransferRun {
    private TransferRun() {
    }

    /**
     * The result.
     *
     * @param run the run folder
     * @param model the trained model
     * @param dataset the data it was trained on
     * @param summary what {@code summary.json} holds
     */
    public record Outcome(RunFolder run, TransferModel model, WikiArtDataset dataset, Map<String, Object> summary) {
    }

    /**
     * Trains.
     *
     * @param data dataset and preparation
     * @param options the method and its settings
     * @param seed the run's seed
     * @param run the run folder to fill
     * @param seedMethod trains the original method (given the autoencoder run to start from)
     * @param progress progress events, or null
     * @return the outcome
     * @throws IOException when data cannot be read or the run folder written
     */
    public static Outcome train(DataOptions data, TransferOptions options, long seed, RunFolder run,
                                SeedMethod seedMethod, LoopListener<Object, ? super SameDiff> progress)
            throws IOException {
        WikiArtDataset dataset = WikiArtDataset.load(data, true, true);
        LabelIndex labels = dataset.labelIndex();
        Json.write(run.file(ClassifierRun.DATA), ClassifierRun.dataJson(data, options.batchSize()));
        Json.write(run.file(RunFolder.PROVENANCE), Provenance.of(seed, dataset.train().samples(),
                dataset.test().samples()));
        long start = System.nanoTime();
        TransferModel model;
        if (options.method().equals(CinTransfer.METHOD)) {
            List<Sample> content = options.content() == null ? dataset.train().samples()
                    : ContentImages.list(options.content());
            model = CinTransferTrainer.train(dataset.train().samples(), content, labels, data,
                    options.cin(seed), run.dir(), progress);
        } else {
            model = seedMethod.train(dataset, data, options, seed, run, progress);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        TransferModels.save(model, run.dir());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("method", options.method());
        summary.put("image_size", data.imageSize());
        summary.put("styles", labels.names());
        summary.put("epochs", options.epochs());
        summary.put("train_images", dataset.train().samples().size());
        summary.put("training_seconds", Math.round(seconds * 10) / 10.0);
        summary.put("style_weight", options.effectiveStyleWeight());
        summary.put("content_weight", options.effectiveContentWeight());
        summary.put("decoder", options.upsample() ? "upsample" : "transposed");
        if (options.method().equals(CinTransfer.METHOD)) {
            summary.put("features", options.features().key());
            summary.put("residual", options.residual());
            summary.put("style_targets", options.styleTargets().key());
            summary.put("colour_map", options.colourMap());
            summary.put("histogram_weight", options.histogramWeight());
            summary.put("lr_schedule", options.schedule().shape().configName());
            summary.put("content", options.content() == null ? "training images" : options.content().toString());
        }
        Json.write(run.file(RunFolder.SUMMARY), summary);
        return new Outcome(run, model, dataset, summary);
    }

    /** Trains the original method; supplied by the caller, which knows where autoencoders come from. */
    @FunctionalInterface
    public interface SeedMethod {
        /**
         * @param dataset the loaded data
         * @param data its preparation
         * @param options the transfer settings
         * @param seed the run's seed
         * @param run the transfer's run folder
         * @param progress progress events, or null
         * @return the trained model
         * @throws IOException on failure
         */
        TransferModel train(WikiArtDataset dataset, DataOptions data, TransferOptions options, long seed, RunFolder run,
                            LoopListener<? super EpochStats, ? super SameDiff> progress) throws IOException;
    }

    /**
     * @param runDir a transfer run folder
     * @return its data settings (for the test split and grids)
     * @throws IOException naming the file
     */
    public static DataOptions dataOptions(Path runDir) throws IOException {
        return ClassifierRun.dataOptions(Json.read(runDir.resolve(ClassifierRun.DATA)), null);
    }
}
