package io.github.wikiart.train.classifier;

import io.github.wikiart.train.Json;
import io.github.wikiart.train.LearningRateSchedule;
import io.github.wikiart.train.RunFolder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wikiart.data.Augmentation;
import io.github.wikiart.data.DataOptions;
import io.github.wikiart.data.TensorLayout;
import io.github.wikiart.data.synth.SyntheticStyles;
import io.github.wikiart.models.ClassifierArchitecture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several seeds of one augmented, scheduled training: the rates used, the summary, reproducibility. */
class SeedRunTest {
    @TempDir
    Path dir;

    @Test
    void seedsAreSummarisedRatesFollowTheScheduleAndASeedReproducesExactly() throws Exception {
        Path data = dir.resolve("data");
        SyntheticStyles.builder().styles(3).trainPerStyle(8).testPerStyle(3).size(16).seed(3).build().write(data);
        DataOptions options = DataOptions.defaults(data).withImageSize(16)
                .withAugmentation(new Augmentation(true, 0.75));
        LearningRateSchedule schedule = new LearningRateSchedule(LearningRateSchedule.Shape.COSINE, 1);
        ClassifierOptions net = new ClassifierOptions(new ClassifierArchitecture("stylenet", 0.0, 4, 4, 16), 4, 8,
                4e-3, schedule, TensorLayout.NCHW, 16);
        List<Long> started = new ArrayList<>();
        ClassifierRun.SeedsOutcome out = ClassifierRun.trainSeeds(options, net, List.of(7L, 8L), dir.resolve("runs"),
                (seed, run) -> {
                    started.add(seed);
                    return List.of();
                });
        assertEquals(List.of(7L, 8L), started);
        for (ClassifierRun.Outcome o : out.outcomes()) {
            List<EpochResult> epochs = o.training().epochs();
            assertEquals(4, epochs.size());
            for (EpochResult e : epochs) {
                assertEquals(schedule.rate(4e-3, e.epoch(), 4), e.learningRate(), 1e-12, "epoch " + e.epoch());
            }
            assertTrue(Files.isRegularFile(o.run().file(RunFolder.SUMMARY)));
        }
        assertEquals(dir.resolve("runs/seed-7"), out.outcomes().get(0).run().dir());
        Map<String, Object> json = Json.read(dir.resolve("runs").resolve(SeedSummary.FILE));
        double a7 = out.outcomes().get(0).training().finalReport().accuracy();
        double a8 = out.outcomes().get(1).training().finalReport().accuracy();
        assertEquals((a7 + a8) / 2, ((Number) ((Map<?, ?>) json.get("test_accuracy")).get("mean")).doubleValue(), 1e-12);
        assertEquals(Math.abs(a7 - a8) / Math.sqrt(2),
                ((Number) ((Map<?, ?>) json.get("test_accuracy")).get("std")).doubleValue(), 1e-12);
        List<EpochResult> e7 = out.outcomes().get(0).training().epochs();
        // 4 epochs: the last third is epochs 3 and 4.
        double dip = e7.get(3).test().accuracy() - Math.min(e7.get(2).test().accuracy(), e7.get(3).test().accuracy());
        assertEquals(dip, out.summary().dips().get(0), 1e-12);

        // The same seed alone again: identical epochs, augmentation and schedule included.
        ClassifierRun.Outcome again = ClassifierRun.train(options.withSeed(7), net, RunFolder.at(dir.resolve("again")),
                List.of());
        for (int i = 0; i < 4; i++) {
            assertEquals(e7.get(i).trainLoss(), again.training().epochs().get(i).trainLoss(), "epoch " + (i + 1));
            assertEquals(e7.get(i).test().accuracy(), again.training().epochs().get(i).test().accuracy());
        }
    }
}
