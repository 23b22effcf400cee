package io.github.wikiart.reports.classifier;

import io.github.wikiart.data.ImageDecoder;
import io.github.wikiart.data.ModelInput;
import io.github.wikiart.reports.ImageSources;
import io.github.wikiart.reports.OrderedDecoding;
import io.github.wikiart.reports.InvalidJobException;
import io.github.wikiart.train.Checkpoints;
import io.github.wikiart.train.classifier.Prediction;
import io.github.wikiart.train.classifier.TrainedClassifier;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

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
        if (images.isEmpty()) {
            throw new InvalidJobException("no images given");
        }
        List<ImagePrediction> out = new ArrayList<>();
        stream(runDir, which, images.stream().map(f -> new ImageSources.Source(f, null)).toList(), top, 32, out::add);
        return new ClassifierPrediction(out);
    }

    /** Receives one image's prediction as soon as its batch has run. */
    @FunctionalInterface
    public interface Listener {
        /**
         * @param prediction the image's styles, or why it could not be read
         * @throws IOException when writing it fails (stops the job)
         */
        void accept(ImagePrediction prediction) throws IOException;
    }

    /**
     * Predicts files, folders and globs ({@link ImageSources}) as a stream: images are decoded on
     * background threads and run through the network in batches, and each image's prediction (or
     * why it could not be read) is handed on in the order of the sources, so a folder of thousands
     * of images needs the memory of one batch and a script sees results as they come.
     *
     * @param runDir the classifier run folder
     * @param which the checkpoint
     * @param sources what to predict, with the problems found while listing
     * @param top how many styles per image, at least 1
     * @param batchSize images per network call, at least 1
     * @param listener receives every source's prediction, in order
     * @return how many sources could not be predicted
     * @throws InvalidJobException when {@code top} or {@code batchSize} is below 1 or the run folder is missing
     * @throws IOException when the model cannot be read or the listener fails
     */
    public static long stream(Path runDir, Checkpoints.Which which, List<ImageSources.Source> sources, int top,
                              int batchSize, Listener listener) throws IOException {
        if (top < 1 || batchSize < 1) {
            throw new InvalidJobException("top and batch size: expected at least 1, got " + top + " and " + batchSize);
        }
        if (!Files.isDirectory(runDir)) {
            throw new InvalidJobException("run: no such folder: " + runDir);
        }
        TrainedClassifier model = TrainedClassifier.load(runDir, which);
        ModelInput input = model.description().input();
        ImageDecoder decoder = new ImageDecoder();
        List<OrderedDecoding.Item<BufferedImage>> pending = new ArrayList<>();
        long[] failures = {0};
        int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        OrderedDecoding.forEach(sources, file -> decoder.decode(file, input.imageSize()), threads, 2 * batchSize,
                item -> {
                    pending.add(item);
                    if (pending.stream().filter(OrderedDecoding.Item::ok).count() == batchSize) {
                        failures[0] += flush(model, input, pending, top, listener);
                    }
                });
        failures[0] += flush(model, input, pending, top, listener);
        return failures[0];
    }

    /** Runs the decoded images of {@code pending} as one batch and hands every item on in order. */
    private static long flush(TrainedClassifier model, ModelInput input, List<OrderedDecoding.Item<BufferedImage>> pending,
                              int top, Listener listener) throws IOException {
        List<BufferedImage> images = pending.stream().filter(OrderedDecoding.Item::ok)
                .map(OrderedDecoding.Item::value).toList();
        INDArray p = images.isEmpty() ? null : model.probabilities(input.toTensor(images));
        long failed = 0;
        int row = 0;
        for (OrderedDecoding.Item<BufferedImage> item : pending) {
            if (!item.ok()) {
                listener.accept(new ImagePrediction(item.path(), List.of(), item.problem()));
                failed++;
                continue;
            }
            listener.accept(new ImagePrediction(item.path(), model.top(p.getRow(row++).toDoubleVector(), top), null));
        }
        pending.clear();
        return failed;
    }

    /** @return how many images could not be read */
    public long failures() {
        return images.stream().filter(i -> i.error() != null).count();
    }
}
