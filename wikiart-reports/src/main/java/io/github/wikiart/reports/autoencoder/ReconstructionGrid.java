package io.github.wikiart.reports.autoencoder;

import io.github.wikiart.reports.InvalidJobException;
import io.github.wikiart.train.autoencoder.AutoencoderRun;
import io.github.wikiart.train.Checkpoints;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test images of an autoencoder run beside their reconstructions, with the style name on each
 * ({@code wikiart autoencoder compare}).
 *
 * @param png the image written
 * @param images how many test images it shows
 */
public record ReconstructionGrid(Path png, int images) {
    /** The file name of the grid. */
    public static final String FILE = "reconstructions.png";

    /**
     * Writes {@code outDir/reconstructions.png}.
     *
     * @param runDir the autoencoder run folder
     * @param which the checkpoint
     * @param dataRoot another dataset folder with the same styles, or null for the run's own data
     * @param count number of test images, spread over the test split
     * @param outDir the folder to write into, or null for the run's {@code plots} folder
     * @return the grid
     * @throws InvalidJobException when a folder is missing, {@code count} is below 1 or the test split is empty
     * @throws IOException naming the file that failed
     */
    public static ReconstructionGrid write(Path runDir, Checkpoints.Which which, Path dataRoot, int count, Path outDir)
            throws IOException {
        if (!Files.isDirectory(runDir)) {
            throw new InvalidJobException("run: no such folder: " + runDir);
        }
        if (count < 1) {
            throw new InvalidJobException("count: expected at least 1, got " + count);
        }
        AutoencoderRun.TestSet test = AutoencoderRun.testSet(runDir, which, dataRoot);
        Path png = (outDir != null ? outDir : runDir.resolve("plots")).resolve(FILE);
        AutoencoderViews.reconstructionGrid(test, count, png);
        return new ReconstructionGrid(png, Math.min(count, test.samples().size()));
    }
}
