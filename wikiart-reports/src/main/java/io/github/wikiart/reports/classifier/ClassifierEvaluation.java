package io.github.wikiart.reports.classifier;

import io.github.wikiart.reports.InvalidJobException;
import io.github.wikiart.train.Checkpoints;
import io.github.wikiart.train.classifier.ClassMetrics;
import io.github.wikiart.train.classifier.ClassificationReport;
import io.github.wikiart.train.classifier.ClassifierRun;
import io.github.wikiart.train.Json;
import io.github.wikiart.train.RunFolder;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * A trained classifier run evaluated again on its test split or on another dataset with the same
 * styles ({@code wikiart classify eval}).
 *
 * @param run the run folder
 * @param checkpoint the checkpoint evaluated
 * @param report the metrics
 * @param trainingTestAccuracy the final test accuracy recorded by training, when the last checkpoint
 *     was evaluated on the run's own data (the two must be identical on the same machine)
 */
public record ClassifierEvaluation(Path run, Checkpoints.Which checkpoint, ClassificationReport report,
                                   OptionalDouble trainingTestAccuracy) {
    /**
     * Evaluates.
     *
     * @param runDir the run folder
     * @param which the checkpoint
     * @param dataRoot another dataset folder with the same styles, or null for the run's own data
     * @return the evaluation
     * @throws InvalidJobException when a folder does not exist
     * @throws io.github.wikiart.data.LabelIndexMismatchException when the data's styles differ
     * @throws IOException when files are missing
     */
    public static ClassifierEvaluation evaluate(Path runDir, Checkpoints.Which which, Path dataRoot)
            throws IOException {
        return evaluate(runDir, which, dataRoot, io.github.wikiart.data.StepProgress.NONE);
    }

    /**
     * As {@link #evaluate(Path, Checkpoints.Which, Path)}, reporting progress.
     *
     * @param runDir the run folder
     * @param which the checkpoint
     * @param dataRoot another dataset folder, or null for the run's own
     * @param progress told of the verification and the evaluation
     * @return the evaluation
     * @throws IOException when files are missing
     */
    public static ClassifierEvaluation evaluate(Path runDir, Checkpoints.Which which, Path dataRoot,
                                                io.github.wikiart.data.StepProgress progress) throws IOException {
        if (!Files.isDirectory(runDir)) {
            throw new InvalidJobException("run: no such folder: " + runDir);
        }
        if (dataRoot != null && !Files.isDirectory(dataRoot)) {
            throw new InvalidJobException("data: no such folder: " + dataRoot);
        }
        ClassificationReport r = ClassifierRun.evaluate(runDir, which, dataRoot, progress);
        Path summary = runDir.resolve(RunFolder.SUMMARY);
        OptionalDouble trained = OptionalDouble.empty();
        if (which == Checkpoints.Which.LAST && dataRoot == null && Files.isRegularFile(summary)
                && Json.read(summary).get("test_accuracy") instanceof Number n) {
            trained = OptionalDouble.of(n.doubleValue());
        }
        return new ClassifierEvaluation(runDir, which, r, trained);
    }

    /** @return the checkpoint's name, {@code best} or {@code last} */
    public String checkpointName() {
        return checkpoint.name().toLowerCase(Locale.ROOT);
    }

    /** @return the numbers as one JSON object (the {@code --json} output) */
    public Map<String, Object> toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("checkpoint", checkpointName());
        out.put("test_accuracy", report.accuracy());
        out.put("macro_f1", report.macroF1());
        out.put("test_loss", report.meanLoss());
        out.put("test_images", report.total());
        trainingTestAccuracy.ifPresent(a -> out.put("training_test_accuracy", a));
        return out;
    }

    /**
     * @return the numbers for people: one line of totals, whether training's accuracy was
     *     reproduced, then precision, recall, F1 and support per style
     */
    public String toText() {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        ClassificationReport r = report;
        out.printf(Locale.ROOT, "%s checkpoint of %s on %d test images: accuracy %.4f, macro-F1 %.4f, "
                + "loss %.4f%n", checkpointName(), run, r.total(), r.accuracy(), r.macroF1(), r.meanLoss());
        trainingTestAccuracy.ifPresent(a -> out.printf(Locale.ROOT, "training's final test accuracy: %.4f (%s)%n", a,
                a == r.accuracy() ? "identical" : "DIFFERENT"));
        int width = Math.max(5, r.classes().stream().mapToInt(String::length).max().orElse(5));
        out.printf("  %-" + width + "s %9s %7s %7s %8s%n", "style", "precision", "recall", "f1", "support");
        for (ClassMetrics m : r.perClass()) {
            out.printf(Locale.ROOT, "  %-" + width + "s %9.4f %7.4f %7.4f %8d%n", m.name(), m.precision(), m.recall(),
                    m.f1(), m.support());
        }
        out.flush();
        return text.toString();
    }

    /** @return {@link #toJson()} as indented JSON text */
    public String toJsonText() {
        return Json.toText(toJson());
    }
}
