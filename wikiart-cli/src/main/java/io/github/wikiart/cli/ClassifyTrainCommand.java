package io.github.wikiart.cli;

import io.github.wikiart.train.config.WikiartConfig;
import io.github.wikiart.data.DataOptions;
import io.github.wikiart.reports.RunLocation;
import io.github.wikiart.reports.classifier.ClassifierTraining;
import io.github.wikiart.train.classifier.SeedSummary;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code wikiart classify train}: trains a style classifier into a run folder. */
public final class ClassifyTrainCommand extends BaseCommand {
    /** Its name, summary and examples. */
    public ClassifyTrainCommand() {
        super("classify train",
                "train a style classifier (stylenet or the original seed model) and evaluate it every epoch",
                "",
                "wikiart classify train -c examples/configs/demo.yaml --set classifier.epochs=5\n"
                        + "wikiart classify train --set data.root=/data/wikiart --set classifier.model=seed "
                        + "--set data.image_size=416 --run-dir runs/seed-416\n"
                        + "wikiart classify train --set data.root=/data/wikiart --seeds 1,2,3 --run-dir runs/three-seeds\n"
                        + "wikiart classify train --resume runs/seed-416   (after Ctrl-C or a crash)\n"
                        + "wikiart classify train --resume runs/seed-416 --set classifier.epochs=20 "
                        + "--allow-change classifier.epochs");
    }

    @Override
    public Options options() {
        return RunStart.withRunFlags(new Options().addOption(Flags.config()).addOption(Flags.set())
                .addOption(Flags.seeds()));
    }

    @Override
    public int run(CommandLine line, Console console) throws Exception {
        WikiartConfig config = RunStart.config(line);
        DataOptions data = config.data();
        ProgressBar progress = RunStart.listener(console, line.hasOption("seeds"));
        RunLocation where = RunStart.where(config, line, console, progress);
        if (!line.hasOption("seeds")) {
            printSummary(ClassifierTraining.train(data, config.classifier(), where,
                    progress), console);
            return ExitCodes.OK;
        }
        List<Long> seeds = Flags.seeds(line);
        ClassifierTraining.SeedsResult outcome = ClassifierTraining.trainSeeds(data, config.classifier(),
                seeds, where, progress);
        outcome.runs().forEach(r -> printSummary(r, console));
        SeedSummary s = outcome.summary();
        Map<String, Double> acc = SeedSummary.stats(s.finalAccuracies());
        Map<String, Double> dip = SeedSummary.stats(s.dips());
        console.out().printf(Locale.ROOT, "%d seeds: test accuracy mean %.4f, std %.4f, min %.4f, max %.4f; "
                        + "last-third dip mean %.4f, max %.4f%n", seeds.size(), acc.get("mean"), acc.get("std"),
                acc.get("min"), acc.get("max"), dip.get("mean"), dip.get("max"));
        console.out().println("summary: " + outcome.dir().resolve(SeedSummary.FILE));
        return ExitCodes.OK;
    }

    private static void printSummary(ClassifierTraining.Result r, Console console) {
        console.out().printf(Locale.ROOT, "model %s: test accuracy %.4f, macro-F1 %.4f (majority class %.4f), "
                        + "best epoch %s, %.1f training images/s%n", r.model(), r.testAccuracy(), r.macroF1(),
                r.majorityBaseline(), r.summary().get("best_epoch"), r.imagesPerSecond());
        console.out().println("run folder: " + r.run().dir() + "   plots: " + r.plots());
    }
}
