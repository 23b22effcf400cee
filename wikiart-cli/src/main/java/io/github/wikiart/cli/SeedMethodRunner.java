package io.github.wikiart.cli;

import io.github.wikiart.train.config.WikiartConfig;
import io.github.wikiart.data.DataOptions;
import io.github.wikiart.data.WikiArtDataset;
import io.github.wikiart.train.AutoencoderOptions;
import io.github.wikiart.train.AutoencoderRun;
import io.github.wikiart.train.RunFolder;
import io.github.wikiart.train.loop.EpochStats;
import io.github.wikiart.train.loop.LoopListener;
import io.github.wikiart.train.transfer.TransferModel;
import io.github.wikiart.train.transfer.TransferOptions;
import io.github.wikiart.train.transfer.seed.SeedTransferOptions;
import io.github.wikiart.train.transfer.seed.SeedTransferTrainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Runs the original transfer method: uses {@code transfer.autoencoder_run}, or first trains an
 * autoencoder with the {@code autoencoder} section into {@code <run>/autoencoder}.
 */
final class SeedMethodRunner {
    private SeedMethodRunner() {
    }

    static TransferModel train(WikiartConfig config, WikiArtDataset dataset, DataOptions data, TransferOptions options,
                               long seed, RunFolder run,
                               LoopListener<? super EpochStats, ? super SameDiff> progress, Console console)
            throws IOException {
        Path ae = options.autoencoderRun();
        if (ae == null) {
            ae = run.dir().resolve("autoencoder");
            AutoencoderOptions aeOptions = SeedTransferTrainer.autoencoderOptions(config.autoencoder());
            console.err().println("transfer.autoencoder_run is empty: training an autoencoder first into " + ae
                    + (aeOptions.latentShape() == config.autoencoder().latentShape() ? ""
                    : " (with autoencoder.latent_shape vector: the seed method needs a vector latent)"));
            AutoencoderRun.train(data, aeOptions, RunFolder.at(ae),
                    List.of(new ProgressBar(console.err(), config.autoencoder().epochs(), System.console() != null)));
        } else if (!Files.isDirectory(ae)) {
            throw new UserException("transfer.autoencoder_run: no such run folder: " + ae);
        }
        SeedTransferOptions seedOptions = options.seedMethod(seed);
        return SeedTransferTrainer.train(dataset.train().samples(), dataset.labelIndex(), data, ae, seedOptions,
                run.dir(), progress);
    }
}
