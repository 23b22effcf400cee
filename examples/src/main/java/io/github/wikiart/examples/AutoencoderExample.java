package io.github.wikiart.examples;

import io.github.wikiart.data.DataOptions;
import io.github.wikiart.data.synth.SyntheticStyles;
import io.github.wikiart.reports.JobListener;
import io.github.wikiart.reports.RunLocation;
import io.github.wikiart.reports.autoencoder.AutoencoderTraining;
import io.github.wikiart.reports.autoencoder.LatentSpace;
import io.github.wikiart.reports.autoencoder.ReconstructionGrid;
import io.github.wikiart.train.autoencoder.AutoencoderEpoch;
import io.github.wikiart.train.autoencoder.AutoencoderOptions;
import io.github.wikiart.train.Checkpoints;
import io.github.wikiart.models.ConvAutoencoder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the convolutional autoencoder through the library API, then writes its reconstruction
 * grid and its latent-space report (PCA, k-means against the styles), one library call each.
 *
 * <pre>
 * java -cp "examples/target/classes:$(cat examples/target/classpath.txt)" \
 *     io.github.wikiart.examples.AutoencoderExample [DATA_DIR] [OUT_DIR]
 * </pre>
 */
public final class AutoencoderExample {
    private static final Logger LOG = LoggerFactory.getLogger(AutoencoderExample.class);

    private AutoencoderExample() {
    }

    /**
     * What the example produced.
     *
     * @param training the trained run
     * @param reconstructions the reconstruction grid
     * @param latent the latent-space report
     */
    public record Result(AutoencoderTraining.Result training, ReconstructionGrid reconstructions, LatentSpace latent) {
    }

    /**
     * Runs the example.
     *
     * @param dataDir a WikiArt-layout folder; generated (4 styles) when it does not exist
     * @param outDir where the run folder goes
     * @param imageSize image side, a multiple of 8
     * @param epochs training epochs
     * @return the run, the grid and the latent report
     * @throws Exception on failure
     */
    public static Result run(Path dataDir, Path outDir, int imageSize, int epochs) throws Exception {
        if (!Files.isDirectory(dataDir)) {
            SyntheticStyles.builder().styles(4).trainPerStyle(30).testPerStyle(8).size(imageSize).seed(5).build()
                    .write(dataDir);
        }
        DataOptions data = DataOptions.defaults(dataDir).withImageSize(imageSize).withSeed(5);
        AutoencoderOptions defaults = AutoencoderOptions.defaults();
        AutoencoderOptions options = new AutoencoderOptions(8, 16, defaults.latentDivisor(), defaults.activation(),
                defaults.upsampler(), ConvAutoencoder.LatentShape.VECTOR, epochs, 8, 2e-3, defaults.layout(),
                defaults.cacheMegabytes(), 0);
        JobListener log = new JobListener() {
            @Override
            public void onEpochEnd(Object result, Object model, boolean best) {
                if (result instanceof AutoencoderEpoch r) {
                    LOG.info("epoch {}: test MSE {}, PSNR {} dB", r.epoch(), r.testMse(), r.testPsnrDb());
                }
            }
        };
        AutoencoderTraining.Result training = AutoencoderTraining.train(data, options, RunLocation.under(outDir), log);
        Path run = training.run().dir();
        ReconstructionGrid grid = ReconstructionGrid.write(run, Checkpoints.Which.LAST, null, 8, null);
        LatentSpace latent = LatentSpace.analyse(run, Checkpoints.Which.LAST, null, 1);
        return new Result(training, grid, latent);
    }

    /**
     * @param args optional dataset folder and output folder
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        Path data = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("wikiart-example").resolve("data");
        Path out = args.length > 1 ? Path.of(args[1]) : data.resolveSibling("runs");
        Result r = run(data, out, 32, 10);
        System.out.printf("test PSNR %.2f dB (mean image %.2f dB); latent space vs styles: NMI %.3f; grid: %s%n",
                r.training().testPsnrDb(), r.training().baselinePsnrDb(), r.latent().report().nmi(),
                r.reconstructions().png());
    }
}
