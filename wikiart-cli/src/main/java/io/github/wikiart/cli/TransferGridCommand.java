package io.github.wikiart.cli;

import io.github.wikiart.data.DataOptions;
import io.github.wikiart.data.ImageBatchIterator;
import io.github.wikiart.data.ImageDecoder;
import io.github.wikiart.data.LabelIndex;
import io.github.wikiart.data.ModelInput;
import io.github.wikiart.data.Sample;
import io.github.wikiart.data.Seeds;
import io.github.wikiart.train.transfer.TransferModel;
import io.github.wikiart.train.transfer.TransferModels;
import io.github.wikiart.train.transfer.TransferRun;
import io.github.wikiart.viz.GridCell;
import io.github.wikiart.viz.ImageGrid;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.nd4j.linalg.api.ndarray.INDArray;

/** {@code wikiart transfer grid}: comparison grids of images and their transfers. */
public final class TransferGridCommand implements Command {
    @Override
    public String name() {
        return "transfer grid";
    }

    @Override
    public String summary() {
        return "write a grid of test images beside their transfer to a random other style (or one image to "
                + "every style), with both labels";
    }

    @Override
    public Options options() {
        return new Options().addOption(Flags.run())
                .addOption(Option.builder().longOpt("single-image").desc("one image moved to every style").build())
                .addOption(Option.builder().longOpt("count").hasArg().argName("N")
                        .desc("number of test images (default 8)").build())
                .addOption(Flags.data("folder of content images (default: the run's test split)"))
                .addOption(Option.builder().longOpt("renderings").hasArg().argName("DIR")
                        .desc("true renderings of the content images as DIR/<Style>/<content file name>: writes "
                                + "plots/transfer-vs-truth.png, each image moved to every style above its true "
                                + "rendering in that style").build())
                .addOption(Flags.seed(1));
    }

    @Override
    public String example() {
        return "wikiart transfer grid --run runs/20261129-120000-transfer-cin --count 8\n"
                + "wikiart transfer grid --run runs/20261129-120000-transfer-cin --single-image\n"
                + "wikiart transfer grid --run runs/t --data realstyles/content/test --renderings realstyles/test --count 4";
    }

    @Override
    public int run(CommandLine line, Console console) throws Exception {
        Path runDir = Flags.existingDir(line, "run");
        TransferModel model = TransferModels.load(runDir);
        List<Sample> content = line.hasOption("data") ? TransferImages.content(Flags.existingDir(line, "data"))
                : testSplit(runDir);
        int count = Flags.intInRange(line, "count", 1, 1000, 8);
        Path png = line.hasOption("renderings")
                ? writeAgainstTruth(model, content, Flags.existingDir(line, "renderings"), runDir.resolve("plots"), count)
                : write(model, content, runDir.resolve("plots"), line.hasOption("single-image"), count,
                        Flags.longValue(line, "seed", 1, Long.MIN_VALUE, Long.MAX_VALUE));
        console.out().println("wrote " + png);
        return ExitCodes.OK;
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
    static Path writeAgainstTruth(TransferModel model, List<Sample> content, Path renderings, Path plots, int count)
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
                cells.add(java.nio.file.Files.isRegularFile(truth)
                        ? new GridCell(input.toImage(input.read(truth, decoder), 0), styles.name(k))
                        : new GridCell(blank, "(none)"));
            }
        }
        Path png = plots.resolve("transfer-vs-truth.png");
        java.nio.file.Files.createDirectories(plots);
        ImageGrid.write(cells, styles.size() + 1, Math.max(96, side), png);
        return png;
    }

    static List<Sample> testSplit(Path runDir) throws IOException {
        DataOptions data = TransferRun.dataOptions(runDir);
        return TransferImages.content(data.testPath());
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
    static Path write(TransferModel model, List<Sample> content, Path plots, boolean single, int count, long seed)
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
        java.nio.file.Files.createDirectories(plots);
        ImageGrid.write(cells, single ? Math.min(cells.size(), 7) : Math.min(cells.size(), 8), Math.max(96, side), png);
        return png;
    }
}
