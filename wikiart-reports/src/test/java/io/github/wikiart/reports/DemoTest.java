package io.github.wikiart.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wikiart.data.DataOptions;
import io.github.wikiart.data.Sampling;
import io.github.wikiart.models.ConvAutoencoder;
import io.github.wikiart.reports.classifier.ClassifierTraining;
import io.github.wikiart.reports.demo.Demo;
import io.github.wikiart.reports.demo.DemoListener;
import io.github.wikiart.reports.demo.DemoOptions;
import io.github.wikiart.reports.demo.DemoStep;
import io.github.wikiart.reports.transfer.TransferGrid;
import io.github.wikiart.train.autoencoder.AutoencoderOptions;
import io.github.wikiart.train.RunFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo through the library, at a tiny scale: every step runs and hands on its typed result. */
class DemoTest {
    @Test
    void runsEveryStepInOrderAndReturnsTheirResults(@TempDir Path dir) throws Exception {
        DataOptions data = DataOptions.defaults(dir.resolve("data")).withImageSize(32)
                .withSampling(Sampling.parse("mean"), Sampling.NONE).withSeed(7);
        AutoencoderOptions d = AutoencoderOptions.defaults();
        AutoencoderOptions ae = new AutoencoderOptions(4, 8, d.latentDivisor(), d.activation(), d.upsampler(),
                ConvAutoencoder.LatentShape.VECTOR, 1, 8, 1e-3, d.layout(), 0, 0);
        DemoOptions options = new DemoOptions(dir.resolve("runs"), 7, data, LibraryCallsTest.smallClassifier(1), ae,
                LibraryCallsTest.transfer("cin", null), new DemoOptions.Scale(2, 6, 3, 32, 1, 16, 1));
        List<DemoStep> steps = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        List<Long> seeds = new ArrayList<>();
        Demo.Result r = Demo.run(options, new DemoListener() {
            @Override
            public void onStep(DemoStep step, int number, String description) {
                steps.add(step);
                numbers.add(number);
            }

            @Override
            public void onRunStarted(RunFolder run, long seed) {
                seeds.add(seed);
            }
        });
        assertEquals(List.of(DemoStep.values()), steps);
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7), numbers);
        // Both classifiers, the autoencoder and the transfer train with the data's seed; the judge with seed + 1.
        assertEquals(List.of(7L, 7L, 7L, 8L, 7L), seeds);
        assertEquals(18, r.generated().imageCount());
        assertEquals(List.of("stylenet", "seed"), r.classifiers().stream().map(ClassifierTraining.Result::model).toList());
        assertEquals(6, r.reconstructions().images());
        assertEquals(6, r.latent().report().points());
        assertEquals(2, r.latent().report().clusters());
        assertTrue(Files.isRegularFile(r.autoencoder().run().dir().resolve("plots/latent.json")));
        // 12 training images, one per style set aside for validation (data.validation_fraction 0.1).
        assertEquals(10, ((Number) r.judge().summary().get("train_images")).intValue());
        assertEquals(2, ((Number) r.judge().summary().get("validation_images")).intValue());
        assertEquals(12, ((Number) r.evaluation().numbers().get("outputs")).intValue());
        assertEquals(0.5, r.evaluation().chance(), 1e-12);
        for (TransferGrid grid : r.grids()) {
            assertTrue(Files.size(grid.png()) > 1000, grid.png().toString());
        }
    }
}
