package io.github.wikiart.train.transfer;

import io.github.wikiart.data.DataOptions;
import io.github.wikiart.data.ContentImages;
import io.github.wikiart.data.LabelIndex;
import io.github.wikiart.data.WikiArtDataset;
import io.github.wikiart.train.classifier.ClassifierRun;
import io.github.wikiart.train.Json;
import io.github.wikiart.train.Provenance;
import io.github.wikiart.train.ResumeSettings;
import io.github.wikiart.train.RunControl;
import io.github.wikiart.train.RunFolder;
import io.github.wikiart.train.loop.ResumeCheckpoint;
import io.github.wikiart.train.loop.EpochStats;
import io.github.wikiart.train.loop.LoopListener;
import java.io.IOException;
import java.nio.file.Path;
import io.github.wikiart.data.Sample;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * A whole style-transfer run: load the data, train the chosen method, and save the model file
 * ({@code transfer-model.zip}, self-describing) with its metadata beside it
 * ({@code transfer-info.json}, {@code labels.txt}, {@code data.json}, {@code provenance.json},
 * {@code summary.json}) so {@code apply}, {@code grid} and {@code eval} need only the run folder.
 * During training, {@code metrics.csv} and the checkpoints ({@link TransferCheckpoints}) are
 * written after every epoch, {@code run-state.json} records the run's state, and {@code resume/}
 * holds the resume checkpoint of whichever phase is training ({@link TransferControl}), from which
 * {@link #resume} continues exactly.
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
     * Trains, with the default {@link RunControl} (a resume checkpoint every 10 minutes).
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
        return train(data, options, seed, run, seedMethod, progress, RunControl.defaults());
    }

    /**
     * Trains. {@code run-state.json} records whether the run is running, finished, failed or
     * interrupted; {@code resume/} holds a checkpoint after every epoch and every
     * {@link RunControl#checkpointEvery()} within one, in whichever phase is training
     * ({@link TransferControl}), from which {@link #resume} continues.
     *
     * @param data dataset and preparation
     * @param options the method and its settings
     * @param seed the run's seed
     * @param run the run folder to fill
     * @param seedMethod trains the original method (given the autoencoder run to start from)
     * @param progress progress events, or null
     * @param control checkpoint interval and stop signal
     * @return the outcome
     * @throws io.github.wikiart.train.loop.TrainingInterruptedException when the stop signal was
     *     requested (after a checkpoint was written)
     * @throws IOException when data cannot be read or the run folder written
     */
    public static Outcome train(DataOptions data, TransferOptions options, long seed, RunFolder run,
                                SeedMethod seedMethod, LoopListener<Object, ? super SameDiff> progress,
                                RunControl control) throws IOException {
        return run.tracking(() -> run(data, options, seed, run, seedMethod, progress, control, false));
    }

    /**
     * Continues an interrupted (or killed) run from its resume checkpoint, in the phase it was
     * written in: the phases before it are not trained again, that phase continues from its batch
     * with its weights, updater state (SameDiff's, or the {@code seed} method's hand-applied Adam)
     * and step state, so the finished run has the parameters and {@code metrics.csv} (timings
     * aside) of an uninterrupted one on the CPU. {@code summary.json}'s {@code training_seconds}
     * counts this session only.
     *
     * @param data dataset and preparation, as the run recorded them
     * @param options the method and its settings, as the run recorded them
     * @param seed the run's seed
     * @param run a folder opened with {@link RunFolder#resume}
     * @param seedMethod trains the original method, passing the {@link TransferControl} on
     * @param progress progress events, or null
     * @param control checkpoint interval, stop signal and the keys allowed to differ
     * @return the outcome
     * @throws io.github.wikiart.config.ConfigException naming the settings that differ from the run's
     * @throws IOException when the checkpoint or data cannot be read or the run folder written
     */
    public static Outcome resume(DataOptions data, TransferOptions options, long seed, RunFolder run,
                                 SeedMethod seedMethod, LoopListener<Object, ? super SameDiff> progress,
                                 RunControl control) throws IOException {
        return run.tracking(() -> run(data, options, seed, run, seedMethod, progress, control, true));
    }

    /**
     * @param data the data settings
     * @param options the transfer settings
     * @param seed the run's seed
     * @return what a transfer run's resume checkpoints record and a resume must match: the data
     *     and {@code transfer.*} settings, the data seed ({@code seed}) and the run's seed
     *     ({@code transfer_seed})
     */
    public static Map<String, String> settings(DataOptions data, TransferOptions options, long seed) {
        Map<String, String> m = new TreeMap<>(ResumeSettings.of(data, TransferOptions.KEYS, options::writeTo));
        m.put("transfer_seed", Long.toString(seed));
        return m;
    }

    private static Outcome run(DataOptions data, TransferOptions options, long seed, RunFolder run,
                               SeedMethod seedMethod, LoopListener<Object, ? super SameDiff> progress,
                               RunControl control, boolean resume) throws IOException {
        Map<String, String> settings = settings(data, options, seed);
        TransferControl transfer;
        if (resume) {
            ResumeCheckpoint.Saved<Map<String, Object>> saved = TransferControl.read(run.dir());
            ResumeSettings.requireSame(saved.fixed().get(ResumeSettings.ENTRY), settings, control.allowedChanges(),
                    run.dir());
            transfer = TransferControl.resume(run.dir(), control, settings, saved)
                    .withEarlyStopping(options.earlyStoppingPatience(), options.minDelta());
        } else {
            transfer = TransferControl.start(run.dir(), control, settings)
                    .withEarlyStopping(options.earlyStoppingPatience(), options.minDelta());
        }
        // A transfer has no use for a validation split (its best checkpoint is chosen by the loss on a
        // fixed batch of content images): it trains on every training image.
        WikiArtDataset dataset = WikiArtDataset.load(data.withValidationFraction(0), true, true, control.progress());
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
                    options.cin(seed), run.dir(), progress, transfer);
        } else {
            model = seedMethod.train(dataset, data, options, seed, run, progress, transfer);
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
            summary.put("classifier_weight", options.classifierWeight());
            summary.put("histogram_channels", options.histogramChannels().key());
            summary.put("texture_weight", options.textureWeight());
            summary.put("position_channels", options.positionChannels());
            summary.put("grey_content", options.greyContent());
            summary.put("balance_styles", options.balanceStyles());
            summary.put("adversarial_weight", options.adversarialWeight());
            summary.put("paired_weight", options.pairedWeight());
            summary.put("residual_blocks", options.residualBlocks());
            summary.put("global_context", options.globalContext());
            summary.put("lr_schedule", options.schedule().shape().configName());
            summary.put("content", options.content() == null ? "training images" : options.content().toString());
        }
        Json.write(run.file(RunFolder.SUMMARY), summary);
        return new Outcome(run, model, dataset, summary);
    }

    /**
     * Trains the original method; supplied by the caller, which knows where autoencoders come from.
     * A lambda implements the form without a {@link TransferControl}, which trains without resume
     * checkpoints and cannot resume; a caller that supports stopping and resuming implements
     * {@link #train(WikiArtDataset, DataOptions, TransferOptions, long, RunFolder, LoopListener,
     * TransferControl)} and passes the control on to
     * {@link io.github.wikiart.train.transfer.seed.SeedTransferTrainer#train(List, LabelIndex,
     * DataOptions, Path, io.github.wikiart.train.transfer.seed.SeedTransferOptions, Path,
     * LoopListener, TransferControl)}.
     */
    @FunctionalInterface
    public interface SeedMethod {
        /**
         * Trains with resume checkpoints, a stop signal and, when resuming, from the checkpoint.
         *
         * @param dataset the loaded data
         * @param data its preparation
         * @param options the transfer settings
         * @param seed the run's seed
         * @param run the transfer's run folder
         * @param progress progress events, or null
         * @param control checkpoints, stop signal and where to continue; pass it on to the trainer
         * @return the trained model
         * @throws IOException on failure
         */
        TransferModel train(WikiArtDataset dataset, DataOptions data, TransferOptions options, long seed, RunFolder run,
                            LoopListener<? super EpochStats, ? super SameDiff> progress, TransferControl control)
                throws IOException;
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
