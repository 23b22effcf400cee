package io.github.wikiart.train.classifier;

import io.github.wikiart.train.Checkpoints;
import io.github.wikiart.train.Json;
import io.github.wikiart.train.Provenance;
import io.github.wikiart.train.ResumeSettings;
import io.github.wikiart.train.RunControl;
import io.github.wikiart.train.RunFolder;
import io.github.wikiart.train.loop.LoopControl;
import io.github.wikiart.train.loop.ResumeCheckpoint;
import io.github.wikiart.train.model.ModelFiles;

import io.github.wikiart.data.AtomicFiles;
import io.github.wikiart.data.Augmentation;
import io.github.wikiart.data.DataOptions;
import io.github.wikiart.data.DecodedImageCache;
import io.github.wikiart.data.ImageBatchIterator;
import io.github.wikiart.data.LabelIndex;
import io.github.wikiart.data.JpegLibrary;
import io.github.wikiart.data.ModelInput;
import io.github.wikiart.data.ResizeMode;
import io.github.wikiart.data.Sampling;
import io.github.wikiart.data.Seeds;
import io.github.wikiart.data.WikiArtDataset;
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
import org.nd4j.linalg.learning.config.Adam;

/**
 * A whole classifier run: load the data, build the network, train with evaluation after every
 * epoch, and leave a run folder that later commands can use without the config file:
 * {@code labels.txt}, {@code model-info.json}, {@code data.json}, {@code metrics.csv},
 * {@code model-best.zip}, {@code model-last.zip}, {@code checkpoints.json},
 * {@code provenance.json} and {@code summary.json}.
 */
public final class ClassifierRun {
    /** The data settings of a run, for evaluating it again on the same data. */
    public static final String DATA = "data.json";

    private ClassifierRun() {
    }

    /**
     * The result of a run.
     *
     * @param run its folder
     * @param labels its label index
     * @param dataset the data it used
     * @param training per-epoch results
     * @param summary what {@code summary.json} holds
     */
    public record Outcome(RunFolder run, LabelIndex labels, WikiArtDataset dataset, ClassifierTrainingResult training,
                          Map<String, Object> summary) {
    }

    /**
     * Runs the whole training, with the default {@link RunControl} (a resume checkpoint every 10
     * minutes).
     *
     * @param data the dataset and its preparation
     * @param options the network and training settings
     * @param run the run folder to fill
     * @param listeners extra listeners (progress bars, plots)
     * @return the outcome
     * @throws IOException when data cannot be read or the run folder written
     */
    public static Outcome train(DataOptions data, ClassifierOptions options, RunFolder run,
                                List<? extends LoopListener<? super EpochResult, ? super MultiLayerNetwork>> listeners)
            throws IOException {
        return train(data, options, run, listeners, RunControl.defaults());
    }

    /**
     * Runs the whole training. {@code run-state.json} records whether it is running, finished,
     * failed or interrupted; {@code resume/} holds a checkpoint after every epoch and every
     * {@link RunControl#checkpointEvery()} within one, from which {@link #resume} continues.
     *
     * @param data the dataset and its preparation
     * @param options the network and training settings
     * @param run the run folder to fill
     * @param listeners extra listeners (progress bars, plots)
     * @param control checkpoint interval and stop signal
     * @return the outcome
     * @throws io.github.wikiart.train.loop.TrainingInterruptedException when the stop signal was
     *     requested (after a checkpoint was written)
     * @throws IOException when data cannot be read or the run folder written
     */
    public static Outcome train(DataOptions data, ClassifierOptions options, RunFolder run,
                                List<? extends LoopListener<? super EpochResult, ? super MultiLayerNetwork>> listeners,
                                RunControl control) throws IOException {
        return run.tracking(() -> run(data, options, run, listeners, control, null));
    }

    /**
     * Continues an interrupted (or killed) run from its resume checkpoint: the weights, updater
     * state, epoch and batch position, best epoch and per-epoch results are restored, so the
     * finished run has the parameters and {@code metrics.csv} (timings aside) of an uninterrupted
     * one on the CPU.
     *
     * @param data the dataset and its preparation, as the run recorded them
     * @param options the network and training settings, as the run recorded them
     * @param run a folder opened with {@link RunFolder#resume}
     * @param listeners extra listeners (progress bars, plots)
     * @param control checkpoint interval, stop signal and the keys allowed to differ
     * @return the outcome
     * @throws io.github.wikiart.config.ConfigException naming the settings that differ from the run's
     * @throws IOException when the checkpoint or data cannot be read or the run folder written
     */
    public static Outcome resume(DataOptions data, ClassifierOptions options, RunFolder run,
                                 List<? extends LoopListener<? super EpochResult, ? super MultiLayerNetwork>> listeners,
                                 RunControl control) throws IOException {
        ResumeCheckpoint.Saved<EpochResult> saved = ResumeSettings.checkpoint(run, EpochResult.CODEC, resumeSettings(data, options),
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
    public static Map<String, String> resumeSettings(DataOptions data, ClassifierOptions options) {
        return ResumeSettings.of(data, ClassifierOptions.KEYS, options::writeTo);
    }

    private static Outcome run(DataOptions data, ClassifierOptions options, RunFolder run,
                               List<? extends LoopListener<? super EpochResult, ? super MultiLayerNetwork>> listeners,
                               RunControl control, ResumeCheckpoint.Saved<EpochResult> saved) throws IOException {
        Map<String, String> settings = resumeSettings(data, options);
        WikiArtDataset dataset = WikiArtDataset.load(data, true, true, control.progress());
        LabelIndex labels = dataset.labelIndex();
        labels.write(run.file(LabelIndex.FILE_NAME));
        ModelDescription description = ModelDescription.of(ModelDescription.Kind.CLASSIFIER,
                options.architecture().model(), ModelInput.of(data, options.layout()), labels);
        description.writeInfo(run.file(ModelDescription.INFO_FILE));
        Json.write(run.file(DATA), dataJson(data, options.batchSize()));
        Json.write(run.file(RunFolder.PROVENANCE), Provenance.of(data.seed(), dataset.train().samples(),
                dataset.test().samples()));

        MultiLayerNetwork net;
        if (saved != null) {
            net = ModelFiles.loadNetwork(saved.model());
        } else {
            net = new MultiLayerNetwork(options.architecture().conf(labels.size(), data.imageSize(),
                    options.layout(), Seeds.derive(data.seed(), "classifier/init"), new Adam(options.learningRate())));
            net.init();
        }
        DecodedImageCache cache = options.cacheMegabytes() == 0 ? null
                : new DecodedImageCache(options.cacheMegabytes() * 1024L * 1024L);
        ResumeCheckpoint<EpochResult, MultiLayerNetwork> checkpoint = new ResumeCheckpoint<>(run.dir(), ".zip",
                (n, out) -> ModelFiles.writeNetwork(n, description, out), EpochResult.CODEC,
                Map.of(ResumeSettings.ENTRY, settings));
        ClassifierTrainer.Builder trainer = ClassifierTrainer.builder().epochs(options.epochs())
                .learningRate(options.learningRate(), options.schedule()).listener(metrics(run))
                .listener(Checkpoints.writer(run, description, ClassifierRun::checkpointEntry, Map.of()))
                .control(new LoopControl<>(Seeds.derive(data.seed(), "classifier/steps"), checkpoint,
                        control.checkpointEvery(), control.stopSignal(), saved == null ? null : saved.resumption(),
                        options.earlyStoppingPatience(), options.minDelta()));
        listeners.forEach(trainer::listener);
        ClassifierTrainingResult result;
        List<io.github.wikiart.data.Sample> validation = dataset.validation().map(v -> v.samples()).orElse(List.of());
        try (ImageBatchIterator train = iterator(dataset.train().samples(), labels, data, options, cache, true);
             ImageBatchIterator valid = validation.isEmpty() ? null
                     : iterator(validation, labels, data, options, cache, false);
             ImageBatchIterator test = iterator(dataset.test().samples(), labels, data, options, cache, false)) {
            result = trainer.build().fit(net, train, valid, test, labels);
        }
        Map<String, Object> summary = summary(options, result, labels, dataset);
        Json.write(run.file(RunFolder.SUMMARY), summary);
        return new Outcome(run, labels, dataset, result, summary);
    }

    /** What a multi-seed run does around each of its runs (for example write a config, draw plots). */
    public interface SeedRunHooks {
        /**
         * Called before a seed's run starts.
         *
         * @param seed the seed
         * @param run its run folder
         * @return extra listeners for that run
         * @throws IOException when the hook fails to write
         */
        List<? extends LoopListener<? super EpochResult, ? super MultiLayerNetwork>> start(long seed, RunFolder run)
                throws IOException;

        /**
         * Called after a seed's run ended.
         *
         * @param seed the seed
         * @param outcome its outcome
         * @throws IOException when the hook fails to write
         */
        default void finish(long seed, Outcome outcome) throws IOException {
        }
    }

    /**
     * The result of a multi-seed run.
     *
     * @param outcomes one per seed, in order
     * @param summary mean, spread and range over the seeds
     */
    public record SeedsOutcome(List<Outcome> outcomes, SeedSummary summary) {
    }

    /**
     * @param seed a seed
     * @return the name of its run folder inside a multi-seed run, {@code seed-<seed>}
     */
    public static String seedFolderName(long seed) {
        return "seed-" + seed;
    }

    /**
     * Trains the same configuration once per seed, one after the other: seed {@code s} trains with
     * {@code data.withSeed(s)} (so its resampling, shuffles, augmentation and initial weights all
     * follow {@code s}) into {@code dir/seed-<s>}, and {@link SeedSummary#FILE} in {@code dir}
     * gets the mean, spread and range of the final test accuracy and of the last-third dip.
     *
     * @param data the dataset and its preparation; its seed is replaced by each seed
     * @param options the network and training settings
     * @param seeds at least one seed, no repeats
     * @param dir the parent folder of the runs
     * @param hooks what to do around each run
     * @return the outcomes and the summary
     * @throws IOException when data cannot be read or a folder written
     */
    public static SeedsOutcome trainSeeds(DataOptions data, ClassifierOptions options, List<Long> seeds, Path dir,
                                          SeedRunHooks hooks) throws IOException {
        if (seeds.isEmpty() || new java.util.HashSet<>(seeds).size() != seeds.size()) {
            throw new IllegalArgumentException("seeds must be distinct and at least one, got " + seeds);
        }
        List<Outcome> outcomes = new ArrayList<>();
        List<ClassifierTrainingResult> results = new ArrayList<>();
        for (long seed : seeds) {
            RunFolder run = RunFolder.at(dir.resolve(seedFolderName(seed)));
            List<? extends LoopListener<? super EpochResult, ? super MultiLayerNetwork>> extra = hooks.start(seed, run);
            Outcome outcome = train(data.withSeed(seed), options, run, extra);
            hooks.finish(seed, outcome);
            outcomes.add(outcome);
            results.add(outcome.training());
        }
        SeedSummary summary = SeedSummary.of(seeds, results);
        Json.write(dir.resolve(SeedSummary.FILE), summary.toJson());
        return new SeedsOutcome(outcomes, summary);
    }

    /**
     * Evaluates a checkpoint of a finished run on its test split again, with the same data
     * preparation and batch size, so the numbers equal those of training on the same machine.
     *
     * @param runDir the run folder
     * @param which the checkpoint
     * @param dataRoot another dataset folder with the same layout, or null for the run's own
     * @return the report
     * @throws IOException when files are missing
     * @throws io.github.wikiart.data.LabelIndexMismatchException when the data's styles differ
     */
    public static ClassificationReport evaluate(Path runDir, Checkpoints.Which which, Path dataRoot)
            throws IOException {
        return evaluate(runDir, which, dataRoot, io.github.wikiart.data.StepProgress.NONE);
    }

    /**
     * As {@link #evaluate(Path, Checkpoints.Which, Path)}, reporting the verification of the test
     * images and the evaluation.
     *
     * @param runDir the run folder
     * @param which the checkpoint
     * @param dataRoot another dataset folder with the same layout, or null for the run's own
     * @param progress told of both steps
     * @return the report
     * @throws IOException when files are missing
     */
    public static ClassificationReport evaluate(Path runDir, Checkpoints.Which which, Path dataRoot,
                                                io.github.wikiart.data.StepProgress progress) throws IOException {
        TrainedClassifier model = TrainedClassifier.load(runDir, which);
        Map<String, Object> d = Json.read(runDir.resolve(DATA));
        DataOptions data = dataOptions(d, dataRoot);
        WikiArtDataset dataset = WikiArtDataset.load(data, false, true, progress);
        LabelIndex testLabels = dataset.labelIndex();
        if (!model.labels().names().containsAll(testLabels.names())) {
            testLabels.requireSameAs(model.labels(), runDir.toString());
        }
        int batch = ((Number) d.get("batch_size")).intValue();
        try (ImageBatchIterator test = model.description().input().batches(dataset.test().samples(), model.labels())
                .decoder(data.decoder()).batchSize(batch).shuffle(false).build()) {
            return ClassifierEvaluator.evaluate(model.network(), test, model.labels(), progress, test.numExamples());
        }
    }

    /** The header of a classifier run's {@code metrics.csv}. */
    public static final String METRICS_HEADER = "epoch,train_loss,test_loss,test_accuracy,macro_f1,images_per_second,"
            + "seconds,learning_rate,validation_loss,validation_accuracy,validation_macro_f1";

    private static MetricsCsv<EpochResult> metrics(RunFolder run) {
        return new MetricsCsv<>(run.dir(), METRICS_HEADER, r -> String.format(Locale.ROOT,
                "%d,%.6f,%.6f,%.6f,%.6f,%.2f,%.3f,%.6g,%.6f,%.6f,%.6f", r.epoch(), r.trainLoss(), r.test().meanLoss(),
                r.test().accuracy(), r.test().macroF1(), r.imagesPerSecond(), r.seconds(), r.learningRate(),
                r.validation() == null ? Double.NaN : r.validation().meanLoss(),
                r.validation() == null ? Double.NaN : r.validation().accuracy(),
                r.validation() == null ? Double.NaN : r.validation().macroF1()));
    }

    private static Map<String, Object> checkpointEntry(EpochResult result) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("epoch", result.epoch());
        e.put("test_accuracy", result.test().accuracy());
        e.put("macro_f1", result.test().macroF1());
        return e;
    }

    private static ImageBatchIterator iterator(List<io.github.wikiart.data.Sample> samples, LabelIndex labels,
                                               DataOptions data, ClassifierOptions options, DecodedImageCache cache,
                                               boolean shuffle) {
        return ImageBatchIterator.builder(samples, labels).imageSize(data.imageSize()).resize(data.resize())
                .decoder(data.decoder()).layout(options.layout()).batchSize(options.batchSize()).shuffle(shuffle)
                .seed(Seeds.derive(data.seed(), "classifier/shuffle")).cache(cache)
                .augmentation(shuffle ? data.augmentation() : Augmentation.NONE)
                .reuseArrays(true).prefetchAcrossEpochs(shuffle).build();
    }

    /**
     * The data settings of a run as written to {@code data.json}.
     *
     * @param data the settings
     * @param batchSize the evaluation batch size
     * @return the JSON map
     */
    public static Map<String, Object> dataJson(DataOptions data, int batchSize) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("root", data.root().toAbsolutePath().toString());
        m.put("train_dir", data.trainDir());
        m.put("test_dir", data.testDir());
        m.put("image_size", data.imageSize());
        m.put("resize", data.resize().configName());
        m.put("train_sampling", data.trainSampling().toString());
        m.put("test_sampling", data.testSampling().toString());
        m.put("toy_sample", data.toySample());
        m.put("max_pixels", data.maxPixels());
        m.put("jpeg_library", data.jpegLibrary().name().toLowerCase(Locale.ROOT));
        m.put("seed", data.seed());
        m.put("augment", data.augmentation().operations());
        m.put("crop_min", data.augmentation().minCrop());
        m.put("validation_fraction", data.validationFraction());
        m.put("batch_size", batchSize);
        return m;
    }

    /**
     * Reads data settings written by {@link #dataJson}.
     *
     * @param d the JSON map
     * @param dataRoot another dataset folder, or null for the recorded one
     * @return the settings
     */
    public static DataOptions dataOptions(Map<String, Object> d, Path dataRoot) {
        Path root = dataRoot != null ? dataRoot : Path.of((String) d.get("root"));
        return new DataOptions(root, (String) d.get("train_dir"), (String) d.get("test_dir"),
                ((Number) d.get("image_size")).intValue(), ResizeMode.parse((String) d.get("resize")),
                Sampling.parse((String) d.get("train_sampling")), Sampling.parse((String) d.get("test_sampling")),
                ((Number) d.get("toy_sample")).intValue(), ((Number) d.get("max_pixels")).longValue(),
                JpegLibrary.valueOf(((String) d.getOrDefault("jpeg_library", "turbojpeg")).toUpperCase(Locale.ROOT)),
                false,
                ((Number) d.get("seed")).longValue(), Augmentation.NONE);
    }

    private static Map<String, Object> summary(ClassifierOptions options, ClassifierTrainingResult result,
                                               LabelIndex labels, WikiArtDataset dataset) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("model", options.architecture().model());
        s.put("classes", labels.names());
        s.put("epochs", result.epochs().size());
        s.put("epochs_requested", options.epochs());
        s.put("stop_reason", result.stopReason().orElse(null));
        s.put("train_images", dataset.train().samples().size());
        s.put("validation_images", dataset.validation().map(v -> v.samples().size()).orElse(0));
        s.put("test_images", dataset.test().samples().size());
        s.put("skipped_files", dataset.train().skipped().size() + dataset.test().skipped().size());
        s.put("train_images_per_second", round(result.imagesPerSecond(), 2));
        if (!result.epochs().isEmpty()) {
            ClassificationReport r = result.finalReport();
            s.put("test_accuracy", r.accuracy());
            s.put("macro_f1", r.macroF1());
            s.put("test_loss", r.meanLoss());
            s.put("majority_baseline", r.majorityBaseline());
            EpochResult selected = result.epochs().get(result.bestEpoch() - 1);
            EpochResult last = result.epochs().get(result.epochs().size() - 1);
            s.put("best_epoch", result.bestEpoch());
            s.put("selected_by", selected.validation() != null ? "validation" : "test");
            s.put("best_test_accuracy", selected.test().accuracy());
            s.put("best_test_macro_f1", selected.test().macroF1());
            if (last.validation() != null) {
                s.put("validation_accuracy", last.validation().accuracy());
                s.put("validation_macro_f1", last.validation().macroF1());
                s.put("best_validation_accuracy", selected.validation().accuracy());
            }
            s.put("last_third_dip", SeedSummary.lastThirdDip(result.epochs()));
            List<Map<String, Object>> perClass = new ArrayList<>();
            for (ClassMetrics m : r.perClass()) {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("class", m.name());
                c.put("precision", m.precision());
                c.put("recall", m.recall());
                c.put("f1", m.f1());
                c.put("support", m.support());
                perClass.add(c);
            }
            s.put("per_class", perClass);
            s.put("confusion", r.confusion());
        }
        return s;
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    /**
     * Writes the resolved configuration text into the run folder.
     *
     * @param run the run
     * @param yaml the configuration as YAML
     * @throws IOException naming the file
     */
    public static void writeConfig(RunFolder run, String yaml) throws IOException {
        AtomicFiles.writeString(run.file(RunFolder.CONFIG), yaml);
    }
}
