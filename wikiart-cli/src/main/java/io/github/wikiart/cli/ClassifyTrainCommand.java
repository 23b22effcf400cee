package io.github.wikiart.cli;

import io.github.wikiart.train.config.ConfigWriter;
import io.github.wikiart.train.config.WikiartConfig;
import io.github.wikiart.train.ClassifierRun;
import io.github.wikiart.train.EpochResult;
import io.github.wikiart.train.RunFolder;
import io.github.wikiart.train.SeedSummary;
import io.github.wikiart.train.loop.LoopListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/** {@code wikiart classify train}: trains a style classifier into a run folder. */
public final class ClassifyTrainCommand implements Command {
    @Override
    public String name() {
        return "classify train";
    }

    @Override
    public String summary() {
        return "train a style classifier (stylenet or the original seed model) and evaluate it every epoch";
    }

    @Override
    public Options options() {
        return new Options().addOption(Flags.config()).addOption(Flags.set()).addOption(Flags.runDir())
                .addOption(Flags.seeds());
    }

    @Override
    public String example() {
        return "wikiart classify train -c examples/configs/demo.yaml --set classifier.epochs=5\n"
                + "wikiart classify train --set data.root=/data/wikiart --set classifier.model=seed "
                + "--set data.image_size=416 --run-dir runs/seed-416\n"
                + "wikiart classify train --set data.root=/data/wikiart --seeds 1,2,3 --run-dir runs/three-seeds";
    }

    @Override
    public int run(CommandLine line, Console console) throws Exception {
        WikiartConfig config = ConfigCheckCommand.load(line);
        if (line.hasOption("seeds")) {
            return trainSeeds(config, Flags.seeds(line), line.getOptionValue("run-dir"), console);
        }
        Outcome outcome = train(config, line.getOptionValue("run-dir"), console);
        printSummary(outcome.summary(), outcome.run(), console);
        return ExitCodes.OK;
    }

    /**
     * What a training command produced.
     *
     * @param run the run folder
     * @param summary the summary numbers
     */
    record Outcome(RunFolder run, Map<String, Object> summary) {
    }

    /**
     * Trains as configured, with progress on stderr and plots in the run folder.
     *
     * @param config the configuration
     * @param runDir an explicit run folder, or null for a new one under {@code output.runs_dir}
     * @param console where to print progress
     * @return the run folder and summary
     * @throws Exception on failure
     */
    static Outcome train(WikiartConfig config, String runDir, Console console) throws Exception {
        RunFolder run = RunStart.begin(config, runDir, "classify-" + config.classifier().model(), console);
        ClassifierPlots plots = new ClassifierPlots(run, config.classifier().model());
        ProgressBar progress = new ProgressBar(console.err(), config.classifier().epochs(), System.console() != null);
        ClassifierRun.Outcome outcome = ClassifierRun.train(config.data(),
                config.classifier(), run, List.of(progress, plots));
        outcome.training().stopReason().ifPresent(r -> console.err().println("training stopped early: " + r));
        if (!outcome.training().epochs().isEmpty()) {
            plots.finish(outcome.training().finalReport(), outcome.dataset().train());
        }
        return new Outcome(run, outcome.summary());
    }

    /**
     * Trains once per seed into {@code DIR/seed-<s>} and summarises the seeds.
     *
     * @return the exit code
     */
    private static int trainSeeds(WikiartConfig config, List<Long> seeds, String runDir, Console console)
            throws Exception {
        if (!Files.isDirectory(config.data().root())) {
            throw new UserException("data.root: no such folder: " + config.data().root());
        }
        String model = config.classifier().model();
        Path dir = runDir != null ? Path.of(runDir)
                : RunFolder.create(config.output().runsDir(), "classify-" + model + "-seeds").dir();
        console.err().println("runs of " + seeds.size() + " seeds under: " + dir);
        Map<Long, ClassifierPlots> plots = new HashMap<>();
        ClassifierRun.SeedsOutcome outcome = ClassifierRun.trainSeeds(config.data(),
                config.classifier(), seeds, dir, new ClassifierRun.SeedRunHooks() {
                    @Override
                    public List<LoopListener<? super EpochResult, ? super MultiLayerNetwork>> start(long seed,
                            RunFolder run) throws IOException {
                        ClassifierRun.writeConfig(run, ConfigWriter.render(config.withSeed(seed)));
                        console.err().println("seed " + seed + ": run folder " + run.dir());
                        plots.put(seed, new ClassifierPlots(run, model));
                        return List.of(new ProgressBar(console.err(), config.classifier().epochs(),
                                System.console() != null), plots.get(seed));
                    }

                    @Override
                    public void finish(long seed, ClassifierRun.Outcome o) throws IOException {
                        o.training().stopReason().ifPresent(r -> console.err().println("training stopped early: " + r));
                        if (!o.training().epochs().isEmpty()) {
                            plots.get(seed).finish(o.training().finalReport(), o.dataset().train());
                        }
                    }
                });
        for (ClassifierRun.Outcome o : outcome.outcomes()) {
            printSummary(o.summary(), o.run(), console);
        }
        SeedSummary s = outcome.summary();
        Map<String, Double> acc = SeedSummary.stats(s.finalAccuracies());
        Map<String, Double> dip = SeedSummary.stats(s.dips());
        console.out().printf(Locale.ROOT, "%d seeds: test accuracy mean %.4f, std %.4f, min %.4f, max %.4f; "
                        + "last-third dip mean %.4f, max %.4f%n", seeds.size(), acc.get("mean"), acc.get("std"),
                acc.get("min"), acc.get("max"), dip.get("mean"), dip.get("max"));
        console.out().println("summary: " + dir.resolve(SeedSummary.FILE));
        return ExitCodes.OK;
    }

    static void printSummary(Map<String, Object> s, RunFolder run, Console console) {
        console.out().printf(Locale.ROOT, "model %s: test accuracy %.4f, macro-F1 %.4f (majority class %.4f), "
                        + "best epoch %s, %.1f training images/s%n", s.get("model"), num(s.get("test_accuracy")),
                num(s.get("macro_f1")), num(s.get("majority_baseline")), s.get("best_epoch"),
                num(s.get("train_images_per_second")));
        console.out().println("run folder: " + run.dir() + "   plots: " + run.dir().resolve("plots"));
    }

    private static double num(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
