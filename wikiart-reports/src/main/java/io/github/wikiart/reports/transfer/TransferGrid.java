package io.github.wikiart.reports.transfer;

import io.github.wikiart.data.ImageBatchIterator;
import io.github.wikiart.data.ImageDecoder;
import io.github.wikiart.data.LabelIndex;
import io.github.wikiart.data.ModelInput;
import io.github.wikiart.data.Sample;
import io.github.wikiart.data.Seeds;
import io.github.wikiart.data.TensorLayout;
import io.github.wikiart.reports.InvalidJobException;
import io.github.wikiart.train.transfer.TransferModel;
import io.github.wikiart.train.transfer.TransferModels;
import io.github.wikiart.train.transfer.TransferRun;
import io.github.wikiart.viz.GridCell;
import io.github.wikiart.viz.ImageGrid;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Comparison grids of a transfer run ({@code wikiart transfer grid}): test images beside their
 * transfer to a random other style, one image moved to every style, or content images moved to
 * every style above their true renderings.
 *
 * @param png the image written
 */
public record TransferGrid(Path png) {
    /**
     * Writes one grid into the run's {@code plots} folder.
     *
     * @param runDir the transfer run folder
     * @param contentDir a folder of content images, or null for the run's test split
     * @param renderings true renderings as {@code <Style>/<content file name>} (writes
     *     {@code transfer-vs-truth.png}), or null
     * @param single one image to every style ({@code transfer-single-image.png}) instead of
     *     {@code count} images to random other styles ({@code transfer-grid.png}); ignored with renderings
     * @param count number of content images
     * @param seed seed of the random target styles
     * @return the grid
     * @throws InvalidJobException when a folder is missing or holds no image, or {@code count} is below 1
     * @throws IOException naming the file that failed
     */
    public static TransferGrid write(Path runDir, Path contentDir, Path renderings, boolean single, int count,
                                     long seed) throws IOException {
        if (!Files.isDirectory(runDir)) {
            throw new InvalidJobException("run: no such folder: " + runDir);
        }
        if (count < 1) {
            throw new InvalidJobException("count: expected at least 1, got " + count);
        }
        TransferModel model = TransferModels.load(runDir);
        List<Sample> content = TransferImages.content(contentDir != null ? contentDir
                : TransferRun.dataOptions(runDir).testPath());
        Path plots = runDir.resolve("plots");
        return new TransferGrid(renderings != null ? writeAgainstTruth(model, content, renderings, plots, count)
                : writeGrid(model, content, plots, single, count, seed));
    }

    /**
     * Writes {@code transfer-vs-truth.png}: per content image two rows, the image and its transfers
     * to every style, then its true rendering in every style (blank where none exists).
     *
     * @param model the transfer model
     * @param content content images
     * @param renderings folder of {@code <Style>/<content file name>}
     * @param plots the folder to write into
     * @param count number of content images, spread evenly over the list
     * @return the PNG written
     * @throws IOException naming the file
     */
    public static Path writeAgainstTruth(TransferModel model, List<Sample> content, Path renderings, Path plots, int count)
            throws IOException {
        LabelIndex styles = model.labels();
        ModelInput input = model.input();
        int side = input.imageSize();
        ImageDecoder decoder = new ImageDecoder();
        int n = Math.min(count, content.size());
        List<GridCell> cells = new ArrayList<>();
        java.awt.image.BufferedImage blank = new java.awt.image.BufferedImage(side, side,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < n; i++) {
            Sample c = content.get((int) ((long) i * content.size() / n));
            INDArray x = input.read(c.path(), decoder);
            cells.add(new GridCell(input.toImage(x, 0), c.path().getFileName().toString()));
            for (int k = 0; k < styles.size(); k++) {
                cells.add(new GridCell(input.toImage(model.transfer(x, new int[] {k}), 0),
                        "to " + styles.name(k)));
            }
            cells.add(new GridCell(blank, "true renderings:"));
            for (int k = 0; k < styles.size(); k++) {
                Path truth = renderings.resolve(styles.name(k)).resolve(c.path().getFileName().toString());
                cells.add(Files.isRegularFile(truth)
                        ? new GridCell(input.toImage(input.read(truth, decoder), 0), styles.name(k))
                        : new GridCell(blank, "(none)"));
            }
        }
        Path png = plots.resolve("transfer-vs-truth.png");
        Files.createDirectories(plots);
        ImageGrid.write(cells, styles.size() + 1, Math.max(96, side), png);
        return png;
    }

    /**
     * Writes the grid.
     *
     * @param model the transfer model
     * @param content content images
     * @param plots the folder to write into
     * @param single one image to every style instead of N images to random other styles
     * @param count N
     * @param seed seed of the random target styles
     * @return the PNG written
     * @throws IOException naming the file
     */
    public static Path writeGrid(TransferModel model, List<Sample> content, Path plots, boolean single, int count, long seed)
            throws IOException {
        LabelIndex styles = model.labels();
        int side = model.imageSize();
        List<GridCell> cells = new ArrayList<>();
        Random random = new Random(Seeds.derive(seed, "transfer/grid"));
        int n = single ? 1 : Math.min(count, content.size());
        List<Sample> chosen = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            chosen.add(content.get((int) ((long) i * content.size() / n)));
        }
        ModelInput input = model.input();
        try (ImageBatchIterator it = input.batches(chosen, TransferImages.labelsOf(chosen)).batchSize(n).shuffle(false)
                .build()) {
            INDArray x = it.next().getFeatures();
            if (single) {
                cells.add(new GridCell(input.toImage(x, 0), "input: " + chosen.get(0).label()));
                for (int k = 0; k < styles.size(); k++) {
                    INDArray y = model.transfer(x, new int[] {k});
                    cells.add(new GridCell(input.toImage(y, 0), "to " + styles.name(k)));
                }
            } else {
                int[] targets = new int[(int) x.size(0)];
                for (int i = 0; i < targets.length; i++) {
                    int own = styles.contains(chosen.get(i).label()) ? styles.indexOf(chosen.get(i).label()) : -1;
                    do {
                        targets[i] = random.nextInt(styles.size());
                    } while (targets[i] == own && styles.size() > 1);
                }
                INDArray y = model.transfer(x, targets);
                for (int i = 0; i < targets.length; i++) {
                    cells.add(new GridCell(input.toImage(x, i), "input: " + chosen.get(i).label()));
                    cells.add(new GridCell(input.toImage(y, i), "to " + styles.name(targets[i])));
                }
            }
        }
        Path png = plots.resolve(single ? "transfer-single-image.png" : "transfer-grid.png");
        Files.createDirectories(plots);
        ImageGrid.write(cells, single ? Math.min(cells.size(), 7) : Math.min(cells.size(), 8), Math.max(96, side), png);
        return png;
    }
}
