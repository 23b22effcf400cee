package io.github.wikiart.cli;

import io.github.wikiart.reports.classifier.ClassifierEvaluation;
import io.github.wikiart.train.ClassMetrics;
import io.github.wikiart.train.ClassificationReport;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code wikiart classify eval}: recomputes the test metrics of a trained run. */
public final class ClassifyEvalCommand extends BaseCommand {
    /** Its name, summary and examples. */
    public ClassifyEvalCommand() {
        super("classify eval",
                "evaluate a trained classifier run on its test split (or another dataset) and print the metrics",
                "",
                "wikiart classify eval --run runs/20261129-101500-classify-stylenet\n"
                        + "wikiart classify eval --run runs/my-run --data /data/other-wikiart --checkpoint best --json");
    }

    @Override
    public Options options() {
        return new Options().addOption(Flags.run())
                .addOption(Flags.data("dataset folder with the same styles (default: the run's own data)"))
                .addOption(Flags.checkpoint()).addOption(Flags.json());
    }

    @Override
    public int run(CommandLine line, Console console) throws Exception {
        Path runDir = Flags.existingDir(line, "run");
        Path data = line.hasOption("data") ? Flags.existingDir(line, "data") : null;
        ClassifierEvaluation e = ClassifierEvaluation.evaluate(runDir, Flags.checkpoint(line), data);
        if (line.hasOption("json")) {
            console.out().println(e.toJsonText());
            return ExitCodes.OK;
        }
        ClassificationReport r = e.report();
        console.out().printf(Locale.ROOT, "%s checkpoint of %s on %d test images: accuracy %.4f, macro-F1 %.4f, "
                + "loss %.4f%n", e.checkpointName(), runDir, r.total(), r.accuracy(), r.macroF1(), r.meanLoss());
        e.trainingTestAccuracy().ifPresent(a -> console.out().printf(Locale.ROOT,
                "training's final test accuracy: %.4f (%s)%n", a, a == r.accuracy() ? "identical" : "DIFFERENT"));
        int width = Math.max(5, r.classes().stream().mapToInt(String::length).max().orElse(5));
        console.out().printf("  %-" + width + "s %9s %7s %7s %8s%n", "style", "precision", "recall", "f1", "support");
        for (ClassMetrics m : r.perClass()) {
            console.out().printf(Locale.ROOT, "  %-" + width + "s %9.4f %7.4f %7.4f %8d%n", m.name(), m.precision(),
                    m.recall(), m.f1(), m.support());
        }
        return ExitCodes.OK;
    }
}
