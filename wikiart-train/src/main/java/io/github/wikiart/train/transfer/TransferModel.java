package io.github.wikiart.train.transfer;

import io.github.wikiart.data.LabelIndex;
import io.github.wikiart.data.ModelInput;
import io.github.wikiart.train.model.ModelDescription;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A trained label-conditioned style-transfer network: moves images to a chosen style.
 * Implementations: the original method ({@code seed}) and conditional instance normalisation
 * ({@code cin}, the default).
 */
public interface TransferModel {
    /** @return what it is, its styles and how its images are prepared (NHWC, pixels in [0, 1]) */
    ModelDescription description();

    /** @return the method name, as in {@code transfer.method} */
    default String method() {
        return description().architecture();
    }

    /** @return the styles it knows */
    default LabelIndex labels() {
        return description().labels();
    }

    /** @return the side of its square input and output images */
    default int imageSize() {
        return description().imageSize();
    }

    /** @return how images become its input tensors, and its output tensors images */
    default ModelInput input() {
        return description().input();
    }

    /**
     * Transfers images to target styles.
     *
     * @param images {@code [b, s, s, 3]} (NHWC), pixels in [0, 1]
     * @param targetStyles one style index per image
     * @return the transferred images, same shape, pixels in [0, 1]
     */
    INDArray transfer(INDArray images, int[] targetStyles);

    /**
     * Transfers one image, prepared as in training (its size and resize mode: a model trained
     * with {@code data.resize: crop} crops).
     *
     * @param image any image
     * @param targetStyle the style's index in {@link #labels()}
     * @return the transferred {@code s x s} image
     */
    default BufferedImage transfer(BufferedImage image, int targetStyle) {
        ModelInput in = input();
        return in.toImage(transfer(in.toTensor(image), new int[] {targetStyle}), 0);
    }

    /**
     * @return whether {@link #transferAtOwnSize} works: the network is fully convolutional and runs
     *     at any image size, not only its training size
     */
    default boolean anySize() {
        return false;
    }

    /**
     * Transfers one image at its own width and height (no squashing to the training size); only
     * for models where {@link #anySize()} holds.
     *
     * @param image any image
     * @param targetStyle the style's index in {@link #labels()}
     * @return the transferred image, as wide and high as {@code image}
     * @throws UnsupportedOperationException when the network runs only at its training size
     */
    default BufferedImage transferAtOwnSize(BufferedImage image, int targetStyle) {
        throw new UnsupportedOperationException("the " + method() + " transfer network runs only at its training size "
                + imageSize() + "x" + imageSize());
    }

    /**
     * Writes its model file: one zip holding the description and everything
     * {@link TransferModels#load(Path)} needs, written atomically.
     *
     * @param file the target
     * @throws IOException naming the file
     */
    void saveModel(Path file) throws IOException;
}
