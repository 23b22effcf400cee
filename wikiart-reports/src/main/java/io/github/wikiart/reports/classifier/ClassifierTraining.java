package io.github.wikiart.reports.classifier;

import io.github.wikiart.data.DataOptions;
import io.github.wikiart.reports.InvalidJobException;
import io.github.wikiart.reports.JobListener;
import io.github.wikiart.reports.Jobs;
import io.github.wikiart.reports.RunLocation;
import io.github.wikiart.train.classifier.ClassificationReport;
import io.github.wikiart.train.classifier.ClassifierOptions;
import io.github.wikiart.train.classifier.ClassifierRun;
import io.github.wikiart.train.ResumeSettings;
import io.github.wikiart.train.RunFolder;
import io.github.wikiart.train.classifier.SeedSummary;
import io.github.wikiart.train.classifier.EpochResult;
import io.github.wikiart.train.loop.LoopListener;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Trains a style classifier into a run folder ({@code wikiart classify train}): the run of
 * {@link ClassifierRun} plus its plots (training curves every epoch, confusion matrix and class
 * counts at the end).
 */
public final class ClassifierTraining {
    private ClassifierTraining() {
    }

    /**
     * A trained classifier run.
     *
     * @param run the run folder
     * @param outcome what training produced (data, per-epoch results, summary)
     */
    public record Result(RunFolder run, ClassifierRun.Outcome outcome) {
        /** @return the numbers of {@code summary.json} */
        public Map<String, Object> summary() {
            return outcome.summary();
        }

        /** @return the model's name, e.g. {@code stylenet} */
        public String model() {
            return (String) summary().get("model");
        }

        /** @return the final model's test accuracy, NaN when no epoch finished */
        public double testAccuracy() {
            return Jobs.number(summary().get("test_accuracy"));
        }

        /** @return the final model's macro-averaged F1, NaN when no epoch finished */
        public double macroF1() {
            return Jobs.number(summary().get("macro_f1"));
        }

        /** @return the accuracy of always naming the most frequent test style, NaN when no epoch finished */
        public double majorityBaseline() {
            return Jobs.number(summary().get("majority_baseline"));
        }

        /** @return the epoch with the best test accuracy (from 1), or 0 when none finished */
        public int bestEpoch() {
            return summary().get("best_epoch") instanceof Number n ? n.intValue() : 0;
        }

        /** @return training throughput */
        public double imagesPerSecond() {
            return Jobs.number(summary().get("train_images_per_second"));
        }

        /** @return the final evaluation on the test split (fails when no epoch finished) */
        public ClassificationReport finalReport() {
            return outcome.training().finalReport();
        }

        /** @return the folder of the plots */
        public Path plots() {
            return run.dir().resolve("plots");
        }
    }

    /**
     * The runs of a multi-seed training.
     *
     * @param dir the parent folder of the runs, holding {@link SeedSummary#FILE}
     * @param runs one per seed, in order
     * @param summary mean, spread and range over the seeds
     */
    public record SeedsResult(Path dir, List<Result> runs, SeedSummary summary) {
    }

    /**
     * Trains once.
     *
     * @param data the dataset and its preparation
     * @param options the network and training settings
     * @param where where the run folder goes (a new one is named {@code classify-<model>}), or the
     *     run to resume, with its checkpoint interval and stop signal
     * @param listener progress, the run folder, notices
     * @return the run
     * @throws InvalidJobException when {@code data.root} does not exist
     * @throws IOException when data cannot be read or the run folder written
     */
    public static Result train(DataOptions data, ClassifierOptions options, RunLocation where, JobListener listener)
            throws IOException {
        if (where.resuming()) {
            ResumeSettings.requireSame(where.dir(), ClassifierRun.resumeSettings(data, options),
                    where.control().allowedChanges());
        }
        RunFolder run = Jobs.start(data.root(), where, "classify-" + options.architecture().model(), data.seed(),
                listener);
        ClassifierPlots plots = new ClassifierPlots(run, options.architecture().model());
        if (data.validationFraction() == 0) {
            listener.onNotice("data.validation_fraction is 0: the test split chooses the best epoch (and early "
                    + "stopping), so the best test numbers are optimistic");
        }
        listener.onTrainingStart(options.epochs());
        List<LoopListener<? super EpochResult, ? super MultiLayerNetwork>> listeners = List.of(listener, plots);
        ClassifierRun.Outcome outcome = where.resuming()
                ? ClassifierRun.resume(data, options, run, listeners, where.control())
                : ClassifierRun.train(data, options, run, listeners, where.control());
        finish(outcome, plots, listener);
        return new Result(run, outcome);
    }

    /**
     * Trains the same configuration once per seed into {@code DIR/seed-<s>} and summarises the
     * seeds in {@code DIR/}{@link SeedSummary#FILE} (see {@link ClassifierRun#trainSeeds}).
     *
     * @param data the dataset and its preparation; its seed is replaced by each seed
     * @param options the network and training settings
     * @param seeds at least one seed, no repeats
     * @param where the parent folder (a new one is named {@code classify-<model>-seeds})
     * @param listener progress, each run folder, notices
     * @return the runs and the summary
     * @throws InvalidJobException when {@code data.root} does not exist or the seeds repeat
     * @throws IOException when data cannot be read or a folder written
     */
    public static SeedsResult trainSeeds(DataOptions data, ClassifierOptions options, List<Long> seeds,
                                         RunLocation where, JobListener listener) throws IOException {
        Jobs.requireDataRoot(data.root());
        if (where.mode() != RunLocation.Mode.NEW) {
            throw new InvalidJobException("--seeds trains a new run per seed: resume or overwrite one seed's folder ("
                    + "DIR/" + ClassifierRun.seedFolderName(seeds.isEmpty() ? 1 : seeds.get(0))
                    + ") on its own, without --seeds");
        }
        if (seeds.isEmpty() || new HashSet<>(seeds).size() != seeds.size()) {
            throw new InvalidJobException("seeds: expected at least one seed and no repeats, got " + seeds);
        }
        String model = options.architecture().model();
        Path dir = where.folder("classify-" + model + "-seeds");
        listener.onNotice("runs of " + seeds.size() + " seeds under: " + dir);
        Map<Long, ClassifierPlots> plots = new HashMap<>();
        ClassifierRun.SeedsOutcome outcome = ClassifierRun.trainSeeds(data, options, seeds, dir,
                new ClassifierRun.SeedRunHooks() {
                    @Override
                    public List<LoopListener<? super EpochResult, ? super MultiLayerNetwork>> start(long seed, RunFolder run) throws IOException {
                        where.record(run, seed);
                        listener.onRunStarted(run, seed);
                        plots.put(seed, new ClassifierPlots(run, model));
                        listener.onTrainingStart(options.epochs());
                        return List.<LoopListener<? super EpochResult, ? super MultiLayerNetwork>>of(listener, plots.get(seed));
                    }

                    @Override
                    public void finish(long seed, ClassifierRun.Outcome o) throws IOException {
                        ClassifierTraining.finish(o, plots.get(seed), listener);
                    }
                });
        List<Result> runs = new ArrayList<>();
        for (ClassifierRun.Outcome o : outcome.outcomes()) {
            runs.add(new Result(o.run(), o));
        }
        return new SeedsResult(dir, runs, outcome.summary());
    }

    private static void finish(ClassifierRun.Outcome outcome, ClassifierPlots plots, JobListener listener)
            throws IOException {
        outcome.training().stopReason().ifPresent(r -> listener.onNotice("training stopped early: " + r));
        if (!outcome.training().epochs().isEmpty()) {
            plots.finish(outcome.training().finalReport(), outcome.dataset().train());
        }
        io.github.wikiart.reports.html.RunReport.write(outcome.run().dir());
    }
}
