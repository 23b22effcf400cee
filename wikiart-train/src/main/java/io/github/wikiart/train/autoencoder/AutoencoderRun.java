package io.github.wikiart.train.autoencoder;

import io.github.wikiart.train.Checkpoints;
import io.github.wikiart.train.Json;
import io.github.wikiart.train.Provenance;
import io.github.wikiart.train.ResumeSettings;
import io.github.wikiart.train.RunControl;
import io.github.wikiart.train.RunFolder;
import io.github.wikiart.train.ScheduledRate;
import io.github.wikiart.train.loop.LoopControl;
import io.github.wikiart.train.loop.ResumeCheckpoint;
import io.github.wikiart.train.model.ModelFiles;
import io.github.wikiart.train.classifier.ClassifierRun;

import io.github.wikiart.data.DataOptions;
import io.github.wikiart.data.DecodedImageCache;
import io.github.wikiart.data.ImageBatchIterator;
import io.github.wikiart.data.LabelIndex;
import io.github.wikiart.data.ModelInput;
import io.github.wikiart.data.Sample;
import io.github.wikiart.data.Seeds;
import io.github.wikiart.data.TensorLayout;
import io.github.wikiart.data.WikiArtDataset;
import io.github.wikiart.models.ConvAutoencoder;
import io.github.wikiart.train.loop.LoopListener;
import io.github.wikiart.train.loop.MetricsCsv;
import io.github.wikiart.train.model.ModelDescription;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A whole autoencoder run: load the data, build the network, train with a validation pass after
 * every epoch, and leave a run folder usable without the config: {@code labels.txt},
 * {@code model-info.json}, {@code data.json}, {@code metrics.csv}, {@code model-best.zip} (lowest
 * validation loss), {@code model-last.zip}, {@code checkpoints.json} (epoch, validation loss and
 * the model settings of each), {@code provenance.json} and {@code summary.json} with
 * {@code best_epoch}, {@code test_mse}, {@code test_psnr_db} and the mean-image baseline.
 */
public final class AutoencoderRun {
    /** The header of an autoencoder run's {@code metrics.csv}. */
    public static final String METRICS_HEADER = "epoch,train_mse,test_mse,test_psnr_db,images_per_second,seconds,"
            + "validation_mse,validation_psnr_db";
    /** Model name in {@code model-info.json}. */
    public static final String MODEL = "autoencoder";

    private AutoencoderRun() {
    }

    /**
     * The result of a run.
     *
     * @param run its folder
     * @param labels its label index
     * @param training per-epoch results
     * @param summary what {@code summary.json} holds
     */
    public record Outcome(RunFolder run, LabelIndex labels, AutoencoderTrainer.Result training,
                          Map<String, Object> summary) {
    }

    /**
     * The test images of a run, prepared as in training.
     *
     * @param data the data settings
     * @param samples the test samples
     * @param model the trained model
     */
    public record TestSet(DataOptions data, List<Sample> samples, TrainedAutoencoder model) {
        /**
         * @param batchSize images per batch
         * @return an iterator over the test images in order
         */
        public ImageBatchIterator iterator(int batchSize) {
            return model.description().input().batches(samples, model.labels()).decoder(data.decoder())
                    .batchSize(batchSize).shuffle(false).build();
        }
    }

    /**
     * Trains, with the default {@link RunControl} (a resume checkpoint every 10 minutes).
     *
     * @param data dataset and preparation (the side must be a multiple of 8)
     * @param options network and training settings
     * @param run the run folder to fill
     * @param listeners extra listeners (progress, comparison images)
     * @return the outcome
     * @throws IOException when data cannot be read or the run folder written
     */
    public static Outcome train(DataOptions data, AutoencoderOptions options, RunFolder run,
                                List<? extends LoopListener<? super AutoencoderEpoch, ? super MultiLayerNetwork>> listeners)
            throws IOException {
        return train(data, options, run, listeners, RunControl.defaults());
    }

    /**
     * Trains, recording the run's state in {@code run-state.json} and a resume checkpoint in
     * {@code resume/} (as {@link ClassifierRun#train(DataOptions, io.github.wikiart.train.classifier.ClassifierOptions,
     * RunFolder, List, RunControl)}).
     *
     * @param data dataset and preparation (the side must be a multiple of 8)
     * @param options network and training settings
     * @param run the run folder to fill
     * @param listeners extra listeners (progress, comparison images)
     * @param control checkpoint interval and stop signal
     * @return the outcome
     * @throws IOException when data cannot be read or the run folder written
     */
    public static Outcome train(DataOptions data, AutoencoderOptions options, RunFolder run,
                                List<? extends LoopListener<? super AutoencoderEpoch, ? super MultiLayerNetwork>> listeners,
                                RunControl control) throws IOException {
        return run.tracking(() -> run(data, options, run, listeners, control, null));
    }

    /**
     * Continues an interrupted run from its resume checkpoint (as {@link ClassifierRun#resume}).
     *
     * @param data dataset and preparation, as the run recorded them
     * @param options network and training settings, as the run recorded them
     * @param run a folder opened with {@link RunFolder#resume}
     * @param listeners extra listeners (progress, comparison images)
     * @param control checkpoint interval, stop signal and the keys allowed to differ
     * @return the outcome
     * @throws io.github.wikiart.config.ConfigException naming the settings that differ from the run's
     * @throws IOException when the checkpoint or data cannot be read or the run folder written
     */
    public static Outcome resume(DataOptions data, AutoencoderOptions options, RunFolder run,
                                 List<? extends LoopListener<? super AutoencoderEpoch, ? super MultiLayerNetwork>> listeners,
                                 RunControl control) throws IOException {
        ResumeCheckpoint.Saved<AutoencoderEpoch> saved = ResumeSettings.checkpoint(run, AutoencoderEpoch.CODEC, resumeSettings(data, options),
                control);
        return run.tracking(() -> run(data, options, run, listeners, control, saved));
    }

    /**
     * The settings a resume checkpoint of this trainer records and a resume must match
     * ({@link ResumeSettings}).
     *
     * @param data the data settings
     * @param options the trainer's settings
     * @return key to value text
     */
    public static Map<String, String> resumeSettings(DataOptions data, AutoencoderOptions options) {
        return ResumeSettings.of(data, AutoencoderOptions.KEYS, options::writeTo);
    }

    private static Outcome run(DataOptions data, AutoencoderOptions options, RunFolder run,
                               List<? extends LoopListener<? super AutoencoderEpoch, ? super MultiLayerNetwork>> listeners,
                               RunControl control, ResumeCheckpoint.Saved<AutoencoderEpoch> saved) throws IOException {
        Map<String, String> resumeSettings = resumeSettings(data, options);
        ConvAutoencoder model = options.model(data.imageSize(), Seeds.derive(data.seed(), "autoencoder/init"));
        WikiArtDataset dataset = WikiArtDataset.load(data, true, true, control.progress());
        LabelIndex labels = dataset.labelIndex();
        labels.write(run.file(LabelIndex.FILE_NAME));
        ModelDescription description = ModelDescription.of(ModelDescription.Kind.AUTOENCODER, MODEL,
                ModelInput.of(data, options.effectiveLayout()), labels);
        description.writeInfo(run.file(ModelDescription.INFO_FILE));
        Json.write(run.file(ClassifierRun.DATA), ClassifierRun.dataJson(data, options.batchSize()));
        Json.write(run.file(RunFolder.PROVENANCE), Provenance.of(data.seed(), dataset.train().samples(),
                dataset.test().samples()));
        MultiLayerNetwork net = saved != null ? ModelFiles.loadNetwork(saved.model()) : model.init();
        Map<String, Object> settings = settings(options, model, data.imageSize());
        DecodedImageCache cache = options.cacheMegabytes() == 0 ? null
                : new DecodedImageCache(options.cacheMegabytes() * 1024L * 1024L);
        List<LoopListener<? super AutoencoderEpoch, ? super MultiLayerNetwork>> all = new ArrayList<>();
        all.add(new MetricsCsv<>(run.dir(), METRICS_HEADER, r -> String.format(Locale.ROOT,
                "%d,%.8f,%.8f,%.4f,%.2f,%.3f,%.8f,%.4f", r.epoch(), r.trainMse(), r.testMse(), r.testPsnrDb(),
                r.imagesPerSecond(), r.seconds(), r.validationMse(), r.validationPsnrDb())));
        all.add(Checkpoints.writer(run, description, AutoencoderRun::checkpointEntry, Map.of("model", settings)));
        all.addAll(listeners);
        AutoencoderTrainer.Result result;
        double baseline;
        List<Sample> validation = dataset.validation().map(v -> v.samples()).orElse(List.of());
        try (ImageBatchIterator train = iterator(dataset.train().samples(), labels, data, options.effectiveLayout(),
                options.batchSize(), cache, true);
             ImageBatchIterator valid = validation.isEmpty() ? null : iterator(validation, labels, data,
                options.effectiveLayout(), options.batchSize(), cache, false);
             ImageBatchIterator test = iterator(dataset.test().samples(), labels, data, options.effectiveLayout(),
                options.batchSize(), cache, false)) {
            baseline = meanImageBaselineMse(train, test);
            ResumeCheckpoint<AutoencoderEpoch, MultiLayerNetwork> checkpoint = new ResumeCheckpoint<>(run.dir(), ".zip",
                    (n, out) -> ModelFiles.writeNetwork(n, description, out), AutoencoderEpoch.CODEC,
                    Map.of(ResumeSettings.ENTRY, resumeSettings));
            result = AutoencoderTrainer.of(options.epochs(), all, new LoopControl<>(
                    Seeds.derive(data.seed(), "autoencoder/steps"), checkpoint, control.checkpointEvery(),
                    control.stopSignal(), saved == null ? null : saved.resumption(), options.earlyStoppingPatience(),
                    options.minDelta()), new ScheduledRate(options.learningRate(), options.schedule(), options.epochs()))
                    .fit(net, train, valid, test);
        }
        Map<String, Object> summary = new LinkedHashMap<>(settings);
        summary.put("classes", labels.names());
        summary.put("epochs", result.epochs().size());
        summary.put("epochs_requested", options.epochs());
        summary.put("stop_reason", result.stopReason().orElse(null));
        summary.put("train_images", dataset.train().samples().size());
        summary.put("validation_images", validation.size());
        summary.put("test_images", dataset.test().samples().size());
        summary.put("train_images_per_second", Math.round(result.imagesPerSecond() * 100) / 100.0);
        if (!result.epochs().isEmpty()) {
            AutoencoderEpoch last = result.epochs().get(result.epochs().size() - 1);
            AutoencoderEpoch best = result.epochs().get(result.bestEpoch() - 1);
            summary.put("best_epoch", result.bestEpoch());
            summary.put("selected_by", validation.isEmpty() ? "test" : "validation");
            if (!validation.isEmpty()) {
                summary.put("validation_mse", last.validationMse());
                summary.put("validation_psnr_db", last.validationPsnrDb());
                summary.put("best_validation_psnr_db", best.validationPsnrDb());
            }
            summary.put("test_mse", last.testMse());
            summary.put("test_psnr_db", last.testPsnrDb());
            summary.put("best_test_mse", best.testMse());
            summary.put("best_test_psnr_db", best.testPsnrDb());
        }
        summary.put("baseline_mean_image_mse", baseline);
        summary.put("baseline_mean_image_psnr_db", 10 * Math.log10(1 / baseline));
        Json.write(run.file(RunFolder.SUMMARY), summary);
        return new Outcome(run, labels, result, summary);
    }

    /**
     * The test split of an earlier run, for reconstruction grids and latent analysis.
     *
     * @param runDir the run folder
     * @param which the checkpoint
     * @param dataRoot another dataset folder, or null for the run's own
     * @return the test set and the model
     * @throws IOException when files are missing
     */
    public static TestSet testSet(Path runDir, Checkpoints.Which which, Path dataRoot) throws IOException {
        TrainedAutoencoder model = TrainedAutoencoder.load(runDir, which);
        DataOptions data = ClassifierRun.dataOptions(Json.read(runDir.resolve(ClassifierRun.DATA)), dataRoot);
        WikiArtDataset dataset = WikiArtDataset.load(data, false, true);
        if (!model.labels().names().containsAll(dataset.labelIndex().names())) {
            dataset.labelIndex().requireSameAs(model.labels(), runDir.toString());
        }
        return new TestSet(data, dataset.test().samples(), model);
    }

    /**
     * Mean squared error of always predicting the mean training image: the baseline any
     * autoencoder must beat.
     *
     * @param train training images
     * @param test test images
     * @return the baseline's test MSE
     */
    public static double meanImageBaselineMse(ImageBatchIterator train, ImageBatchIterator test) {
        INDArray sum = null;
        long n = 0;
        train.startEpoch(0);
        while (train.hasNext()) {
            INDArray x = train.next().getFeatures();
            INDArray s = x.sum(0);
            sum = sum == null ? s : sum.addi(s);
            n += x.size(0);
        }
        INDArray mean = sum.divi(n);
        double se = 0;
        long values = 0;
        test.startEpoch(0);
        while (test.hasNext()) {
            INDArray x = test.next().getFeatures();
            INDArray diff = x.sub(mean.reshape(prepend(mean.shape())).broadcast(x.shape()));
            se += diff.mul(diff).sumNumber().doubleValue();
            values += x.length();
        }
        train.startEpoch(0);
        test.startEpoch(0);
        return se / values;
    }

    private static long[] prepend(long[] shape) {
        long[] out = new long[shape.length + 1];
        out[0] = 1;
        System.arraycopy(shape, 0, out, 1, shape.length);
        return out;
    }

    private static ImageBatchIterator iterator(List<Sample> samples, LabelIndex labels, DataOptions data,
                                               TensorLayout layout, int batchSize, DecodedImageCache cache,
                                               boolean shuffle) {
        return ImageBatchIterator.builder(samples, labels).imageSize(data.imageSize()).resize(data.resize())
                .decoder(data.decoder()).layout(layout).batchSize(batchSize).shuffle(shuffle)
                .seed(Seeds.derive(data.seed(), "autoencoder/shuffle")).cache(cache)
                .reuseArrays(true).prefetchAcrossEpochs(shuffle).build();
    }

    private static Map<String, Object> settings(AutoencoderOptions o, ConvAutoencoder model, int side) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", MODEL);
        m.put("image_size", side);
        m.put("width", o.width());
        m.put("latent_dim", model.latentDim());
        m.put("latent_shape", o.latentShape().name().toLowerCase(Locale.ROOT));
        m.put("compression_ratio", model.compressionRatio());
        m.put("activation", o.activation().name().toLowerCase(Locale.ROOT));
        m.put("decoder", o.upsampler().name().toLowerCase(Locale.ROOT));
        m.put("layout", o.effectiveLayout().name().toLowerCase(Locale.ROOT));
        m.put("learning_rate", o.learningRate());
        m.put("batch_size", o.batchSize());
        return m;
    }

    private static Map<String, Object> checkpointEntry(AutoencoderEpoch r) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("epoch", r.epoch());
        e.put("validation_mse", r.testMse());
        e.put("validation_psnr_db", r.testPsnrDb());
        return e;
    }
}
