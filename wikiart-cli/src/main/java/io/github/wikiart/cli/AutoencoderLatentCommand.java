package io.github.wikiart.cli;

import io.github.wikiart.train.AutoencoderRun;
import io.github.wikiart.train.latent.LatentReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code wikiart autoencoder latent}: PCA and k-means of the test set's latent vectors. */
public final class AutoencoderLatentCommand implements Command {
    @Override
    public String name() {
        return "autoencoder latent";
    }

    @Override
    public String summary() {
        return "project the test set's latent vectors with PCA, cluster them with k-means, measure agreement "
                + "with the styles (NMI, ARI, purity) and plot both";
    }

    @Override
    public Options options() {
        return new Options().addOption(Flags.run())
                .addOption(Flags.data("dataset folder with the same styles (default: the run's own data)"))
                .addOption(Flags.checkpoint()).addOption(Flags.seed(1));
    }

    @Override
    public String example() {
        return "wikiart autoencoder latent --run runs/20261129-101500-autoencoder";
    }

    @Override
    public int run(CommandLine line, Console console) throws Exception {
        Path runDir = Flags.existingDir(line, "run");
        Path data = line.hasOption("data") ? Flags.existingDir(line, "data") : null;
        AutoencoderRun.TestSet test = AutoencoderRun.testSet(runDir, Flags.checkpoint(line), data);
        Path plots = Files.createDirectories(runDir.resolve("plots"));
        LatentReport r = AutoencoderViews.latentPlots(test, plots,
                Flags.longValue(line, "seed", 1, Long.MIN_VALUE, Long.MAX_VALUE));
        Files.move(plots.resolve("latent.json"), runDir.resolve("latent.json"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        console.out().printf(Locale.ROOT, "%d test images, k = %d: NMI %.3f, ARI %.3f, purity %.3f; "
                        + "PCA explains %.1f%% + %.1f%% of the variance%n", r.points(), r.clusters(), r.nmi(),
                r.adjustedRandIndex(), r.purity(), 100 * r.explainedVarianceRatio()[0],
                100 * r.explainedVarianceRatio()[1]);
        console.out().println("wrote " + runDir.resolve("latent.json") + ", " + plots.resolve("latent-pca-styles.png")
                + ", " + plots.resolve("latent-pca-clusters.png"));
        return ExitCodes.OK;
    }
}
