package io.github.wikiart.reports.classifier;

import io.github.wikiart.reports.ImageInputs;
import io.github.wikiart.reports.InvalidJobException;
import io.github.wikiart.train.Checkpoints;
import io.github.wikiart.train.classifier.Prediction;
import io.github.wikiart.train.classifier.TrainedClassifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The most probable styles of image files by a trained classifier run
 * ({@code wikiart classify predict}). An image that cannot be read is reported with its reason and
 * the others are still predicted.
 *
 * @param images one entry per image, in the order given
 */
public record ClassifierPrediction(List<ImagePrediction> images) {
    /**
     * The styles of one image.
     *
     * @param image the file
     * @param predictions the most probable styles, most probable first; empty when it could not be read
     * @param error why the image could not be read, or null
     */
    public record ImagePrediction(Path image, List<Prediction> predictions, String error) {
    }

    /**
     * Predicts.
     *
     * @param runDir the classifier run folder
     * @param which the checkpoint
     * @param images image files
     * @param top how many styles per image, at least 1
     * @return the predictions
     * @throws InvalidJobException when there is no image, {@code top} is below 1 or the run folder is missing
     * @throws IOException when the model cannot be read
     */
    public static ClassifierPrediction predict(Path runDir, Checkpoints.Which which, List<Path> images, int top)
            throws IOException {
        if (top < 1) {
            throw new InvalidJobException("top: expected at least 1, got " + top);
        }
        if (!Files.isDirectory(runDir)) {
            throw new InvalidJobException("run: no such folder: " + runDir);
        }
        TrainedClassifier model = TrainedClassifier.load(runDir, which);
        return new ClassifierPrediction(ImageInputs.map(images,
                (file, image) -> new ImagePrediction(file, model.predict(image, top), null),
                (file, reason) -> new ImagePrediction(file, List.of(), reason)));
    }

    /** @return how many images could not be read */
    public long failures() {
        return images.stream().filter(i -> i.error() != null).count();
    }
}
