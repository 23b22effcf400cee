package io.github.wikiart.reports.autoencoder;

import io.github.wikiart.reports.InvalidJobException;
import io.github.wikiart.train.autoencoder.AutoencoderRun;
import io.github.wikiart.train.Checkpoints;
import io.github.wikiart.train.latent.LatentReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The latent space of an autoencoder run's test set ({@code wikiart autoencoder latent}): PCA,
 * k-means with k = number of styles, agreement with the styles (NMI, ARI, purity), written as
 * {@code latent.json} and two scatters (by style, by cluster).
 *
 * @param report the numbers
 * @param json the {@code latent.json} written
 * @param byStyle the scatter coloured by style
 * @param byCluster the scatter coloured by cluster
 */
public record LatentSpace(LatentReport report, Path json, Path byStyle, Path byCluster) {
    /** File name of the numbers. */
    public static final String FILE = "latent.json";
    /** File name of the scatter coloured by style. */
    public static final String BY_STYLE = "latent-pca-styles.png";
    /** File name of the scatter coloured by cluster. */
    public static final String BY_CLUSTER = "latent-pca-clusters.png";

    /**
     * Writes {@code runDir/latent.json} and the scatters into {@code runDir/plots}.
     *
     * @param runDir the autoencoder run folder
     * @param which the checkpoint
     * @param dataRoot another dataset folder with the same styles, or null for the run's own data
     * @param seed the k-means seed
     * @return the report and the files
     * @throws InvalidJobException when the run folder is missing or the test split has too few images
     * @throws IOException naming the file that failed
     */
    public static LatentSpace analyse(Path runDir, Checkpoints.Which which, Path dataRoot, long seed)
            throws IOException {
        return analyse(runDir, which, dataRoot, seed, io.github.wikiart.data.StepProgress.NONE);
    }

    /**
     * As {@link #analyse(Path, Checkpoints.Which, Path, long)}, reporting the images encoded.
     *
     * @param runDir the autoencoder run folder
     * @param which the checkpoint
     * @param dataRoot another dataset folder, or null for the run's own
     * @param seed the k-means seed
     * @param progress told after each batch
     * @return the report and the files
     * @throws IOException naming the file that failed
     */
    public static LatentSpace analyse(Path runDir, Checkpoints.Which which, Path dataRoot, long seed,
                                      io.github.wikiart.data.StepProgress progress) throws IOException {
        if (!Files.isDirectory(runDir)) {
            throw new InvalidJobException("run: no such folder: " + runDir);
        }
        AutoencoderRun.TestSet test = AutoencoderRun.testSet(runDir, which, dataRoot);
        Path plots = Files.createDirectories(runDir.resolve("plots"));
        LatentReport r = AutoencoderViews.latentPlots(test, plots, runDir.resolve(FILE), seed, progress);
        LatentSpace latent = new LatentSpace(r, runDir.resolve(FILE), plots.resolve(BY_STYLE),
                plots.resolve(BY_CLUSTER));
        if (Files.isRegularFile(runDir.resolve(io.github.wikiart.train.RunFolder.SUMMARY))) {
            io.github.wikiart.reports.html.RunReport.write(runDir);
        }
        return latent;
    }

    /**
     * Writes the report of a test set that is already loaded.
     *
     * @param test the test set and model
     * @param plots the folder of the scatters
     * @param json where {@code latent.json} goes
     * @param seed the k-means seed
     * @return the report and the files
     * @throws IOException naming the file that failed
     */
    public static LatentSpace write(AutoencoderRun.TestSet test, Path plots, Path json, long seed) throws IOException {
        LatentReport r = AutoencoderViews.latentPlots(test, plots, json, seed);
        return new LatentSpace(r, json, plots.resolve(BY_STYLE), plots.resolve(BY_CLUSTER));
    }
}
