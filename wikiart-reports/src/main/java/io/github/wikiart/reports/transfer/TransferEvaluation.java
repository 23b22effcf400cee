package io.github.wikiart.reports.transfer;

import io.github.wikiart.data.Sample;
import io.github.wikiart.reports.InvalidJobException;
import io.github.wikiart.reports.Jobs;
import io.github.wikiart.train.Checkpoints;
import io.github.wikiart.train.Json;
import io.github.wikiart.train.classifier.TrainedClassifier;
import io.github.wikiart.train.transfer.TransferEvaluator;
import io.github.wikiart.train.transfer.TransferModel;
import io.github.wikiart.train.transfer.TransferModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A transfer run judged by independent classifiers ({@code wikiart transfer eval}): every content
 * image moved to every style, hit rate, style spread and content retention (see
 * {@link TransferEvaluator}), saved as {@code transfer-eval.json} in the run folder.
 *
 * @param file the JSON file written
 * @param numbers everything in it, in its order
 */
public record TransferEvaluation(Path file, Map<String, Object> numbers) {
    /** The saved result inside the transfer run. */
    public static final String FILE = "transfer-eval.json";

    /**
     * Evaluates and saves {@link #FILE} in the run folder.
     *
     * @param runDir the transfer run folder
     * @param judgeDirs classifier runs never used to train the transfer; the first is also reported at the top level
     * @param contentDir a folder of content images, flat or with style folders
     * @param renderings true renderings as {@code <Style>/<content file name>}, or null
     * @return the numbers
     * @throws InvalidJobException when a folder is missing, there is no judge, or a judge does not fit the model
     * @throws IOException when a model cannot be read or the file written
     */
    public static TransferEvaluation evaluate(Path runDir, List<Path> judgeDirs, Path contentDir, Path renderings)
            throws IOException {
        return evaluate(runDir, judgeDirs, contentDir, renderings, io.github.wikiart.data.StepProgress.NONE);
    }

    /**
     * As {@link #evaluate(Path, List, Path, Path)}, reporting the transfers done.
     *
     * @param runDir the transfer run folder
     * @param judgeDirs classifier run folders
     * @param contentDir a folder of content images
     * @param renderings true renderings, or null
     * @param progress told after each style of each batch
     * @return the numbers
     * @throws IOException when a model cannot be read or the file written
     */
    public static TransferEvaluation evaluate(Path runDir, List<Path> judgeDirs, Path contentDir, Path renderings,
                                              io.github.wikiart.data.StepProgress progress) throws IOException {
        if (judgeDirs.isEmpty()) {
            throw new InvalidJobException("judge: need at least one classifier run");
        }
        for (Path dir : List.of(runDir, contentDir)) {
            if (!Files.isDirectory(dir)) {
                throw new InvalidJobException("no such folder: " + dir);
            }
        }
        TransferModel model = TransferModels.load(runDir);
        Map<String, TrainedClassifier> judges = new LinkedHashMap<>();
        for (Path dir : judgeDirs) {
            judges.put(dir.toString(), TrainedClassifier.load(dir, Checkpoints.Which.LAST));
        }
        List<Sample> content = TransferImages.content(contentDir);
        Map<String, Object> result;
        try {
            result = TransferEvaluator.evaluate(model, judges, content, TransferImages.labelsOf(content), renderings,
                    progress);
        } catch (IllegalArgumentException e) {
            throw new InvalidJobException(e.getMessage(), e);
        }
        result.put("judge", judgeDirs.get(0).toString());
        result.put("content", contentDir.toString());
        Path file = runDir.resolve(FILE);
        Json.write(file, result);
        if (Files.isRegularFile(runDir.resolve(io.github.wikiart.train.RunFolder.SUMMARY))) {
            io.github.wikiart.reports.html.RunReport.write(runDir);
        }
        return new TransferEvaluation(file, result);
    }

    /** @return the share of transfers the first judge classifies as their target style */
    public double hitRate() {
        return Jobs.number(numbers.get("hit_rate"));
    }

    /** @return the hit rate of guessing, 1 / number of styles */
    public double chance() {
        return Jobs.number(numbers.get("chance"));
    }

    /** @return how far apart the transfers of one image to different styles are, in grey levels */
    public double styleSpread() {
        return Jobs.number(numbers.get("style_spread"));
    }

    /** @return how much of the content image the transfers keep */
    public double contentRetention() {
        return Jobs.number(numbers.get("content_retention"));
    }

    /** @return {@link #numbers()} as indented JSON text */
    public String toJsonText() {
        return Json.toText(numbers);
    }
}
