package io.github.wikiart.train;

import static io.github.wikiart.train.ResumeAssertions.assertSameMetrics;
import static io.github.wikiart.train.ResumeAssertions.control;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wikiart.config.ConfigException;
import io.github.wikiart.data.Augmentation;
import io.github.wikiart.data.DataOptions;
import io.github.wikiart.data.TensorLayout;
import io.github.wikiart.data.synth.SyntheticStyles;
import io.github.wikiart.models.ClassifierArchitecture;
import io.github.wikiart.models.ConvAutoencoder;
import io.github.wikiart.train.autoencoder.AutoencoderOptions;
import io.github.wikiart.train.autoencoder.AutoencoderRun;
import io.github.wikiart.train.classifier.ClassifierOptions;
import io.github.wikiart.train.classifier.ClassifierRun;
import io.github.wikiart.train.loop.LoopListener;
import io.github.wikiart.train.loop.StopSignal;
import io.github.wikiart.train.loop.TrainingInterruptedException;
import io.github.wikiart.train.model.ModelFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interrupting a training at batch boundaries (mid-epoch and at an epoch's last batch) and resuming
 * it ends with bit-identical parameters and the same {@code metrics.csv} (timings aside) as an
 * uninterrupted run; a second uninterrupted run with the same seed is bit-identical too.
 */
class ResumeTest {
    /** Epochs of 6 batches (24 images, batch 4). */
    private static final int EPOCHS = 3;

    @TempDir
    Path dir;
    private DataOptions data;

    @BeforeEach
    void data() throws Exception {
        Path root = dir.resolve("data");
        SyntheticStyles.builder().styles(3).trainPerStyle(8).testPerStyle(2).size(16).seed(5).build().write(root);
        data = DataOptions.defaults(root).withImageSize(16).withAugmentation(new Augmentation(true, 0.75)).withSeed(11);
    }

    @Test
    void classifierResumedTwiceEqualsAnUninterruptedRun() throws Exception {
        // Dropout, augmentation and a cosine schedule: every random stream and the rate matter.
        ClassifierOptions options = new ClassifierOptions(new ClassifierArchitecture("stylenet", 0.3, 4, 4, 16),
                EPOCHS, 4, 4e-3, new LearningRateSchedule(LearningRateSchedule.Shape.COSINE, 1), TensorLayout.NCHW, 0);
        Path straight = dir.resolve("straight");
        ClassifierRun.train(data, options, RunFolder.at(straight), List.of());
        Path again = dir.resolve("again");
        ClassifierRun.train(data, options, RunFolder.at(again), List.of());
        assertSameParameters(straight, again);

        Path broken = dir.resolve("broken");
        StopSignal first = new StopSignal();
        assertThrows(TrainingInterruptedException.class, () -> ClassifierRun.train(data, options,
                RunFolder.at(broken), List.of(stopAt(first, 1, 6)), control(first)));
        assertEquals(RunFolder.State.INTERRUPTED, RunFolder.status(broken).orElseThrow().state());
        assertThrows(UnfinishedRunException.class, () -> RunFolder.at(broken));
        StopSignal second = new StopSignal();
        assertThrows(TrainingInterruptedException.class, () -> ClassifierRun.resume(data, options,
                RunFolder.resume(broken), List.of(stopAt(second, 2, 3)), control(second)));
        ClassifierRun.resume(data, options, RunFolder.resume(broken), List.of(), control(new StopSignal()));

        assertEquals(RunFolder.State.FINISHED, RunFolder.status(broken).orElseThrow().state());
        assertSameParameters(straight, broken);
        assertSameMetrics(straight, broken, EPOCHS, "images_per_second", "seconds");
    }

    @Test
    void autoencoderResumedMidEpochEqualsAnUninterruptedRun() throws Exception {
        AutoencoderOptions options = autoencoder(EPOCHS);
        Path straight = dir.resolve("straight");
        AutoencoderRun.train(data, options, RunFolder.at(straight), List.of());
        Path again = dir.resolve("again");
        AutoencoderRun.train(data, options, RunFolder.at(again), List.of());
        assertSameParameters(straight, again);
        Path broken = dir.resolve("broken");
        StopSignal stop = new StopSignal();
        assertThrows(TrainingInterruptedException.class, () -> AutoencoderRun.train(data, options,
                RunFolder.at(broken), List.of(stopAt(stop, 2, 4)), control(stop)));
        AutoencoderRun.resume(data, options, RunFolder.resume(broken), List.of(), control(new StopSignal()));
        assertSameParameters(straight, broken);
        assertSameMetrics(straight, broken, EPOCHS, "images_per_second", "seconds");
    }

    @Test
    void resumingWithOtherSettingsIsRefusedNamingTheKeyUnlessAllowed() throws Exception {
        AutoencoderOptions options = autoencoder(2);
        Path run = dir.resolve("run");
        StopSignal stop = new StopSignal();
        assertThrows(TrainingInterruptedException.class, () -> AutoencoderRun.train(data, options,
                RunFolder.at(run), List.of(stopAt(stop, 1, 2)), control(stop)));
        ConfigException e = assertThrows(ConfigException.class, () -> AutoencoderRun.resume(data,
                autoencoder(3), RunFolder.resume(run), List.of(), control(new StopSignal())));
        assertTrue(e.getMessage().contains("autoencoder.epochs (was 2, now 3)"), e.getMessage());
        assertEquals(RunFolder.State.INTERRUPTED, RunFolder.status(run).orElseThrow().state());
        AutoencoderRun.Outcome done = AutoencoderRun.resume(data, autoencoder(3), RunFolder.resume(run),
                List.of(), control(new StopSignal()).allowing(Set.of("autoencoder.epochs")));
        assertEquals(3, done.training().epochs().size());
        assertEquals(List.of(1, 2, 3), done.training().epochs().stream().map(r -> r.epoch()).toList());
    }

    @Test
    void overwriteEmptiesARunFolderButNeverAnotherFolder() throws Exception {
        Path run = dir.resolve("run");
        AutoencoderOptions options = autoencoder(1);
        AutoencoderRun.train(data, options, RunFolder.at(run), List.of());
        assertThrows(java.nio.file.FileAlreadyExistsException.class, () -> RunFolder.at(run));
        RunFolder.overwrite(run);
        assertFalse(Files.exists(run.resolve(RunFolder.SUMMARY)));
        Path other = Files.createDirectories(dir.resolve("photos"));
        Files.writeString(other.resolve("keep.txt"), "mine");
        assertThrows(java.nio.file.FileAlreadyExistsException.class, () -> RunFolder.overwrite(other));
        assertTrue(Files.exists(other.resolve("keep.txt")));
    }

    private static AutoencoderOptions autoencoder(int epochs) {
        return new AutoencoderOptions(4, 16, 64, ConvAutoencoder.Act.GELU, ConvAutoencoder.Upsampler.TRANSPOSED,
                ConvAutoencoder.LatentShape.VECTOR, epochs, 4, 2e-3, TensorLayout.NCHW, 0, 0);
    }

    /** Requests a stop after a given batch of a given epoch. */
    private static LoopListener<Object, Object> stopAt(StopSignal signal, int epoch, int batch) {
        return new LoopListener<>() {
            @Override
            public void onBatch(int e, int b, int batches, long images, double loss, double imagesPerSecond) {
                if (e == epoch && b == batch) {
                    signal.request();
                }
            }
        };
    }

    private static void assertSameParameters(Path a, Path b) throws Exception {
        float[] pa = ModelFiles.loadNetwork(a.resolve("model-last.zip")).params().toFloatVector();
        float[] pb = ModelFiles.loadNetwork(b.resolve("model-last.zip")).params().toFloatVector();
        assertTrue(pa.length > 100);
        assertArrayEquals(pa, pb, "parameters differ");
        float[] ba = ModelFiles.loadNetwork(a.resolve("model-best.zip")).params().toFloatVector();
        float[] bb = ModelFiles.loadNetwork(b.resolve("model-best.zip")).params().toFloatVector();
        assertArrayEquals(ba, bb, "best checkpoints differ");
    }
}
