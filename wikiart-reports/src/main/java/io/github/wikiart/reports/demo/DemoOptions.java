package io.github.wikiart.reports.demo;

import io.github.wikiart.data.DataOptions;
import io.github.wikiart.train.autoencoder.AutoencoderOptions;
import io.github.wikiart.train.classifier.ClassifierOptions;
import io.github.wikiart.train.transfer.TransferOptions;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The settings of the demo. The dataset is generated into {@code data.root()}; each step then
 * changes only what it must: the classifier steps their model, the autoencoder step its epochs,
 * the judge and the transfer step the image size, their epochs and the judge's seed (see {@link Scale}).
 *
 * @param runsDir the parent of the run folders
 * @param seed the seed of the generated data, the latent clustering and the grids; the judge uses seed + 1
 * @param data the dataset preparation (its root is where the data is generated)
 * @param classifier the classifier settings (the model is replaced by each step's)
 * @param autoencoder the autoencoder settings
 * @param transfer the transfer settings
 * @param scale how much data and how many epochs the steps use
 */
public record DemoOptions(Path runsDir, long seed, DataOptions data, ClassifierOptions classifier,
                          AutoencoderOptions autoencoder, TransferOptions transfer, Scale scale) {
    /**
     * How big the demo is.
     *
     * @param styles generated styles
     * @param trainPerStyle generated training images per style
     * @param testPerStyle generated test images per style
     * @param generatedSize side of the generated images
     * @param autoencoderEpochs epochs of the autoencoder step
     * @param smallSize image side of the judge and transfer steps
     * @param smallEpochs epochs of the judge and transfer steps
     */
    public record Scale(int styles, int trainPerStyle, int testPerStyle, int generatedSize, int autoencoderEpochs,
                        int smallSize, int smallEpochs) {
        /** The demo of {@code wikiart demo}: 6 styles of 60 + 20 images at 64 px; 8 and 4 epochs; 32 px. */
        public static final Scale STANDARD = new Scale(6, 60, 20, 64, 8, 32, 4);

        /** Validates the sizes. */
        public Scale {
            if (styles < 2 || trainPerStyle < 1 || testPerStyle < 1 || generatedSize < 8 || autoencoderEpochs < 1
                    || smallSize < 8 || smallEpochs < 1) {
                throw new IllegalArgumentException("demo scale: need at least 2 styles, one image per split, sides of "
                        + "8 px and one epoch, got " + this);
            }
        }
    }

    /** Validates that nothing is missing. */
    public DemoOptions {
        Objects.requireNonNull(runsDir, "runsDir");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(classifier, "classifier");
        Objects.requireNonNull(autoencoder, "autoencoder");
        Objects.requireNonNull(transfer, "transfer");
        Objects.requireNonNull(scale, "scale");
    }
}
