package io.github.wikiart.cli;

import io.github.wikiart.reports.autoencoder.LatentSpace;
import io.github.wikiart.train.latent.LatentReport;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code wikiart autoencoder latent}: PCA and k-means of the test set's latent vectors. */
public final class AutoencoderLatentCommand extends BaseCommand {
    /** Its name, summary and examples. */
    public AutoencoderLatentCommand() {
        super("autoencoder latent",
                "project the test set's latent vectors with PCA, cluster them with k-means, measure agreement "
                        + "with the styles (NMI, ARI, purity) and plot both",
                "",
                "wikiart autoencoder latent --run runs/20261129-101500-autoencoder");
    }

    @Override
    public Options options() {
        return new Options().addOption(Flags.run())
                .addOption(Flags.data("dataset folder with the same styles (default: the run's own data)"))
                .addOption(Flags.checkpoint()).addOption(Flags.seed(1));
    }

    @Override
    public int run(CommandLine line, Console console) throws Exception {
        Path runDir = Flags.existingDir(line, "run");
        Path data = line.hasOption("data") ? Flags.existingDir(line, "data") : null;
        LatentSpace latent = LatentSpace.analyse(runDir, Flags.checkpoint(line), data,
                Flags.longValue(line, "seed", 1, Long.MIN_VALUE, Long.MAX_VALUE), RunStart.listener(console, false));
        LatentReport r = latent.report();
        console.out().printf(Locale.ROOT, "%d test images, k = %d: NMI %.3f, ARI %.3f, purity %.3f; "
                        + "PCA explains %.1f%% + %.1f%% of the variance%n", r.points(), r.clusters(), r.nmi(),
                r.adjustedRandIndex(), r.purity(), 100 * r.explainedVarianceRatio()[0],
                100 * r.explainedVarianceRatio()[1]);
        console.out().println("wrote " + latent.json() + ", " + latent.byStyle() + ", " + latent.byCluster());
        return ExitCodes.OK;
    }
}
