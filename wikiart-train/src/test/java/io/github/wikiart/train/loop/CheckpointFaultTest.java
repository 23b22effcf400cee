package io.github.wikiart.train.loop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wikiart.data.DataOptions;
import io.github.wikiart.data.ImageBatchIterator;
import io.github.wikiart.data.TensorLayout;
import io.github.wikiart.data.WikiArtDataset;
import io.github.wikiart.data.synth.SyntheticStyles;
import io.github.wikiart.models.ConvAutoencoder;
import io.github.wikiart.train.autoencoder.AutoencoderEpoch;
import io.github.wikiart.train.autoencoder.AutoencoderOptions;
import io.github.wikiart.train.autoencoder.AutoencoderTrainer;
import io.github.wikiart.train.model.ModelDescription;
import io.github.wikiart.train.model.ModelFiles;
import io.github.wikiart.data.ModelInput;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The disk fills up in the middle of writing a resume checkpoint: training stops with an error
 * naming the file, the previous checkpoint stays the current one and loads, nothing half-written is
 * left, and once there is space again the run resumes from that checkpoint and ends exactly as an
 * uninterrupted run.
 */
class CheckpointFaultTest {
    @TempDir
    Path dir;

    @Test
    void aFullDiskDuringACheckpointKeepsThePreviousOneAndTheRunResumes() throws Exception {
        Path root = dir.resolve("data");
        SyntheticStyles.builder().styles(2).trainPerStyle(8).testPerStyle(2).size(16).seed(3).build().write(root);
        DataOptions data = DataOptions.defaults(root).withImageSize(16).withSeed(2);
        WikiArtDataset dataset = WikiArtDataset.load(data, true, true);
        ModelDescription description = ModelDescription.of(ModelDescription.Kind.AUTOENCODER, "autoencoder",
                ModelInput.of(data, TensorLayout.NCHW), dataset.labelIndex());

        float[] straight = train(data, dataset, description, dir.resolve("straight"), Integer.MAX_VALUE, null);

        // Checkpoints after every batch (4 per epoch) and at every epoch's end: the 6th (epoch 2,
        // batch 1) finds only 2,000 bytes of free space; the 5th (end of epoch 1) stays current.
        Path run = dir.resolve("run");
        AtomicInteger saves = new AtomicInteger();
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> train(data, dataset, description, run, 6, saves));
        assertTrue(e.getMessage().contains(run.resolve(ResumeCheckpoint.FOLDER).toString())
                && e.getMessage().contains("No space left on device"), e.getMessage());
        assertEquals(6, saves.get());
        ResumeCheckpoint.Saved<AutoencoderEpoch> kept = ResumeCheckpoint.read(run, AutoencoderEpoch.CODEC);
        assertEquals(2, kept.state().epoch());
        assertEquals(0, kept.state().position());
        assertEquals(1, kept.results().size());
        assertTrue(ModelFiles.loadNetwork(kept.model()).params().length() > 100);
        try (Stream<Path> files = Files.list(run.resolve(ResumeCheckpoint.FOLDER))) {
            assertEquals(List.of("model-e2-b0.zip", "state.json"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }

        // Space again: resume and finish.
        MultiLayerNetwork net = ModelFiles.loadNetwork(kept.model());
        float[] resumed = fit(net, data, dataset, checkpoint(run, description, Integer.MAX_VALUE, null),
                kept.resumption());
        assertArrayEquals(straight, resumed);
    }

    private static float[] train(DataOptions data, WikiArtDataset dataset, ModelDescription description, Path run,
                                 int failingSave, AtomicInteger saves) throws IOException {
        MultiLayerNetwork net = new AutoencoderOptions(4, 16, 64, ConvAutoencoder.Act.GELU,
                ConvAutoencoder.Upsampler.TRANSPOSED, ConvAutoencoder.LatentShape.VECTOR, 3, 4, 2e-3,
                TensorLayout.NCHW, 0, 0).model(16, 5).init();
        return fit(net, data, dataset, checkpoint(run, description, failingSave, saves), null);
    }

    private static float[] fit(MultiLayerNetwork net, DataOptions data, WikiArtDataset dataset,
                               ResumeCheckpoint<AutoencoderEpoch, MultiLayerNetwork> checkpoint,
                               Resumption<AutoencoderEpoch> resume) {
        try (ImageBatchIterator train = ImageBatchIterator.builder(dataset.train().samples(), dataset.labelIndex())
                .imageSize(16).batchSize(4).seed(9).build();
             ImageBatchIterator test = ImageBatchIterator.builder(dataset.test().samples(), dataset.labelIndex())
                .imageSize(16).batchSize(4).shuffle(false).build()) {
            // A checkpoint after every batch (the interval is 1 ns).
            AutoencoderTrainer.of(3, List.of(), new LoopControl<>(7L, checkpoint, Duration.ofNanos(1), null, resume), null)
                    .fit(net, train, test);
        }
        return net.params().toFloatVector();
    }

    /** Checkpoints whose {@code failingSave}-th model write runs out of space after 2,000 bytes. */
    private static ResumeCheckpoint<AutoencoderEpoch, MultiLayerNetwork> checkpoint(Path run,
            ModelDescription description, int failingSave, AtomicInteger saves) {
        AtomicInteger count = saves == null ? new AtomicInteger() : saves;
        return new ResumeCheckpoint<>(run, ".zip", (net, out) -> {
            OutputStream target = count.incrementAndGet() == failingSave ? new FullDisk(out, 2000) : out;
            ModelFiles.writeNetwork(net, description, target);
        }, AutoencoderEpoch.CODEC, Map.of());
    }

    /** A stream on a disk with {@code free} bytes left. */
    private static final class FullDisk extends FilterOutputStream {
        private long free;

        FullDisk(OutputStream out, long free) {
            super(out);
            this.free = free;
        }

        @Override
        public void write(int b) throws IOException {
            if (free-- <= 0) {
                throw new IOException("No space left on device");
            }
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            for (int i = 0; i < len; i++) {
                write(b[off + i]);
            }
        }
    }
}
