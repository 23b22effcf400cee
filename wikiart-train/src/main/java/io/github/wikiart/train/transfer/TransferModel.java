package io.github.wikiart.train.transfer;

import io.github.wikiart.data.LabelIndex;
import java.io.IOException;
import java.nio.file.Path;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A trained label-conditioned style-transfer network: moves images to a chosen style.
 * Implementations: the original method ({@code seed}) and conditional instance normalisation
 * ({@code cin}, the default).
 */
public interface TransferModel {
    /** @return the method name, as in {@code transfer.method} */
    String method();

    /** @return the styles it knows */
    LabelIndex labels();

    /** @return the side of its square input and output images */
    int imageSize();

    /**
     * Transfers images to target styles.
     *
     * @param images {@code [b, s, s, 3]} (NHWC), pixels in [0, 1]
     * @param targetStyles one style index per image
     * @return the transferred images, same shape, pixels in [0, 1]
     */
    INDArray transfer(INDArray images, int[] targetStyles);

    /**
     * Saves everything needed to {@link TransferModels#load(Path)} it again into a run folder.
     *
     * @param runDir the run folder
     * @throws IOException naming the file
     */
    void save(Path runDir) throws IOException;
}
