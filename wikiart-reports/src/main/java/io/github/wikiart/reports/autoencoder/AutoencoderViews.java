package io.github.wikiart.reports.autoencoder;

import io.github.wikiart.data.ImageBatchIterator;
import io.github.wikiart.data.ModelInput;
import io.github.wikiart.reports.InvalidJobException;
import io.github.wikiart.train.autoencoder.AutoencoderEpoch;
import io.github.wikiart.train.autoencoder.AutoencoderRun;
import io.github.wikiart.train.Json;
import io.github.wikiart.train.autoencoder.TrainedAutoencoder;
import io.github.wikiart.train.latent.LatentAnalysis;
import io.github.wikiart.train.latent.LatentReport;
import io.github.wikiart.train.loop.LoopListener;
import io.github.wikiart.viz.GridCell;
import io.github.wikiart.viz.ImageGrid;
import io.github.wikiart.viz.ScatterPlot;
import io.github.wikiart.viz.ScatterPoint;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/** The autoencoder's pictures: reconstruction grids and latent-space scatters. */
public final class AutoencoderViews {
    /** Batch size for inference. */
    private static final int BATCH = 16;

    private AutoencoderViews() {
    }

    /**
     * Writes N test images beside their reconstructions, with the style name on each.
     *
     * @param test the run's test set
     * @param count number of images (spread over the test set so several styles appear)
     * @param png target file
     * @throws IOException naming the file
     * @throws InvalidJobException when the test split has no images
     */
    public static void reconstructionGrid(AutoencoderRun.TestSet test, int count, Path png) throws IOException {
        TrainedAutoencoder model = test.model();
        int n = Math.min(count, test.samples().size());
        if (n == 0) {
            throw new InvalidJobException("the test split has no images");
        }
        List<io.github.wikiart.data.Sample> chosen = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            chosen.add(test.samples().get((int) ((long) i * test.samples().size() / n)));
        }
        AutoencoderRun.TestSet subset = new AutoencoderRun.TestSet(test.data(), chosen, model);
        List<GridCell> cells = new ArrayList<>();
        int side = model.description().imageSize();
        try (ImageBatchIterator it = subset.iterator(BATCH)) {
            int k = 0;
            while (it.hasNext()) {
                DataSet ds = it.next();
                INDArray x = ds.getFeatures();
                INDArray y = model.reconstruct(x);
                for (int i = 0; i < x.size(0); i++, k++) {
                    String style = chosen.get(k).label();
                    cells.add(new GridCell(model.description().input().toImage(x, i), style));
                    cells.add(new GridCell(model.description().input().toImage(y, i), "reconstruction"));
                }
            }
        }
        int columns = Math.min(8, cells.size());
        ImageGrid.write(cells, columns, Math.max(96, side), png);
    }

    /**
     * Projects the latent vectors of all test images with PCA, clusters them with k-means
     * (k = number of styles), writes {@code latent.json} and two scatters: coloured by style and by
     * cluster, with the agreement numbers on them.
     *
     * @param test the run's test set
     * @param outDir where to write
     * @param seed k-means seed
     * @return the agreement numbers
     * @throws IOException naming the file
     * @throws InvalidJobException when there are fewer test images than styles (or than 2)
     */
    public static LatentReport latentPlots(AutoencoderRun.TestSet test, Path outDir, long seed) throws IOException {
        return latentPlots(test, outDir, outDir.resolve(LatentSpace.FILE), seed);
    }

    /**
     * As {@link #latentPlots(AutoencoderRun.TestSet, Path, long)}, with {@code latent.json} at {@code json}.
     *
     * @param test the run's test set
     * @param outDir where to write the plots
     * @param json where to write the numbers
     * @param seed k-means seed
     * @return the agreement numbers
     * @throws IOException naming the file
     */
    public static LatentReport latentPlots(AutoencoderRun.TestSet test, Path outDir, Path json, long seed)
            throws IOException {
        return latentPlots(test, outDir, json, seed, io.github.wikiart.data.StepProgress.NONE);
    }

    /**
     * As {@link #latentPlots(AutoencoderRun.TestSet, Path, Path, long)}, reporting the images encoded.
     *
     * @param test the test set and model
     * @param outDir the folder of the scatters
     * @param json where {@code latent.json} goes
     * @param seed k-means seed
     * @param progress told after each batch ({@code encoding})
     * @return the agreement numbers
     * @throws IOException naming the file
     */
    public static LatentReport latentPlots(AutoencoderRun.TestSet test, Path outDir, Path json, long seed,
                                           io.github.wikiart.data.StepProgress progress) throws IOException {
        TrainedAutoencoder model = test.model();
        List<double[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        try (ImageBatchIterator it = test.iterator(BATCH)) {
            while (it.hasNext()) {
                DataSet ds = it.next();
                for (double[] z : model.latents(ds.getFeatures())) {
                    rows.add(z);
                }
                INDArray idx = ds.getLabels().argMax(1);
                for (int i = 0; i < idx.length(); i++) {
                    labels.add(idx.getInt(i));
                }
                progress.onProgress("encoding", rows.size(), test.samples().size());
            }
        }
        int classes = model.labels().size();
        if (rows.size() < Math.max(2, classes)) {
            throw new InvalidJobException("latent analysis needs at least " + Math.max(2, classes) + " test images, got "
                    + rows.size());
        }
        int[] truth = labels.stream().mapToInt(Integer::intValue).toArray();
        LatentAnalysis.Result r = LatentAnalysis.analyse(rows.toArray(new double[0][]), truth, classes, seed);
        LatentReport report = r.report();
        Json.write(json, report.toJson());
        double[] ratio = report.explainedVarianceRatio();
        String x = String.format(Locale.ROOT, "PC1 (%.1f%% of variance)", 100 * ratio[0]);
        String y = String.format(Locale.ROOT, "PC2 (%.1f%% of variance)", 100 * ratio[1]);
        List<String> notes = List.of(
                String.format(Locale.ROOT, "k-means, k = %d, vs styles:", classes),
                String.format(Locale.ROOT, "NMI %.3f", report.nmi()),
                String.format(Locale.ROOT, "ARI %.3f", report.adjustedRandIndex()),
                String.format(Locale.ROOT, "purity %.3f", report.purity()));
        double[][] p = r.pca().projected();
        List<ScatterPoint> byClass = new ArrayList<>();
        List<ScatterPoint> byCluster = new ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            byClass.add(new ScatterPoint(p[i][0], p[i][1], model.labels().name(truth[i])));
        }
        for (int c = 0; c < classes; c++) {
            for (int i = 0; i < p.length; i++) {
                if (r.clusters()[i] == c) {
                    byCluster.add(new ScatterPoint(p[i][0], p[i][1], "cluster " + (c + 1)));
                }
            }
        }
        ScatterPlot.write(byClass, "latent space of the test set (PCA), coloured by style", x, y, notes,
                outDir.resolve(LatentSpace.BY_STYLE));
        ScatterPlot.write(byCluster, "latent space of the test set (PCA), coloured by k-means cluster", x, y, notes,
                outDir.resolve(LatentSpace.BY_CLUSTER));
        return report;
    }

    /** Writes a comparison image of fixed test images every few epochs during training. */
    static final class EpochComparisons implements LoopListener<AutoencoderEpoch, MultiLayerNetwork> {
        private final Path plots;
        private final int every;
        private final INDArray images;
        private final List<String> styles;
        private final ModelInput input;

        EpochComparisons(Path plots, int every, INDArray images, List<String> styles, ModelInput input) {
            this.plots = plots;
            this.every = every;
            this.images = images;
            this.styles = styles;
            this.input = input;
        }

        @Override
        public void onEpochEnd(AutoencoderEpoch r, MultiLayerNetwork net, boolean best) throws IOException {
            if (every == 0 || r.epoch() % every != 0) {
                return;
            }
            INDArray y = io.github.wikiart.models.ConvAutoencoder.unflatten(net.output(images, false),
                    input.imageSize(), input.layout());
            List<GridCell> cells = new ArrayList<>();
            for (int i = 0; i < images.size(0); i++) {
                cells.add(new GridCell(input.toImage(images, i), styles.get(i)));
                cells.add(new GridCell(input.toImage(y, i), String.format(Locale.ROOT, "epoch %d", r.epoch())));
            }
            ImageGrid.write(cells, Math.min(8, cells.size()), Math.max(96, input.imageSize()),
                    plots.resolve(String.format(Locale.ROOT, "compare-epoch-%03d.png", r.epoch())));
        }
    }
}
