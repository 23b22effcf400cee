package io.github.wikiart.reports.demo;

import io.github.wikiart.data.DataOptions;
import io.github.wikiart.train.AutoencoderOptions;
import io.github.wikiart.train.ClassifierOptions;
import io.github.wikiart.train.transfer.TransferOptions;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The settings of the demo. The dataset is generated into {@code data.root()}; each step then
 * changes only what it must: the classifier steps their model, the autoencoder step its epochs (8),
 * the judge and the transfer step the image size (32 px), their epochs (4) and the judge's seed.
 *
 * @param runsDir the parent of the run folders
 * @param seed the seed of the generated data, the latent clustering and the grids; the judge uses seed + 1
 * @param data the dataset preparation (its root is where the data is generated)
 * @param classifier the classifier settings (the model is replaced by each step's)
 * @param autoencoder the autoencoder settings
 * @param transfer the transfer settings
 */
public record DemoOptions(Path runsDir, long seed, DataOptions data, ClassifierOptions classifier,
                          AutoencoderOptions autoencoder, TransferOptions transfer) {
    /** Validates that nothing is missing. */
    public DemoOptions {
        Objects.requireNonNull(runsDir, "runsDir");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(classifier, "classifier");
        Objects.requireNonNull(autoencoder, "autoencoder");
        Objects.requireNonNull(transfer, "transfer");
    }
}
