package io.github.wikiart.bench;

import io.github.wikiart.data.DataOptions;
import io.github.wikiart.data.ImageBatchIterator;
import io.github.wikiart.data.WikiArtDataset;
import io.github.wikiart.data.synth.SyntheticStyles;
import io.github.wikiart.models.SeedClassifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.bytedeco.javacpp.Pointer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;

/**
 * The data-pipeline benchmark: training the original classifier (416 px, batch 32) from JPEG files
 * on disk (decode, resize, batch, background prefetch; no cache) against training from tensors
 * already in memory, with the peak resident memory of each phase.
 */
public final class PipelineBench {
    private PipelineBench() {
    }

    /**
     * Runs it on generated JPEGs.
     *
     * @param imagesPerStyle images per style (6 styles)
     * @param epochs timed passes over the images, after one warm-up batch
     * @return numbers for JSON or a table
     * @throws IOException when the temporary data cannot be written
     */
    public static Map<String, Object> run(int imagesPerStyle, int epochs) throws IOException {
        Path dir = Files.createTempDirectory("wikiart-pipeline");
        SyntheticStyles.builder().styles(6).trainPerStyle(imagesPerStyle).testPerStyle(1).size(416).seed(5).build()
                .write(dir);
        DataOptions data = DataOptions.defaults(dir).withImageSize(416);
        WikiArtDataset ds = WikiArtDataset.load(data, true, false);
        MultiLayerNetwork net = SeedClassifier.builder().inputSide(416).numClasses(6).build().init();
        Map<String, Object> out = new LinkedHashMap<>();
        try (ImageBatchIterator it = ImageBatchIterator.builder(ds.train().samples(), ds.labelIndex()).imageSize(416)
                .batchSize(32).seed(1).build()) {
            net.fit(it.next());
            long base = Pointer.physicalBytes();
            AtomicLong peak = new AtomicLong(base);
            Thread sampler = sampler(peak);
            long images = 0;
            long t = System.nanoTime();
            for (int e = 0; e < epochs; e++) {
                it.startEpoch(e + 1);
                while (it.hasNext()) {
                    DataSet b = it.next();
                    net.fit(b);
                    images += b.numExamples();
                }
            }
            double disk = images / ((System.nanoTime() - t) / 1e9);
            sampler.interrupt();
            out.put("disk_ips", disk);
            out.put("disk_peak_rss_mb", (peak.get() - base) / (1024 * 1024));

            List<DataSet> memory = new ArrayList<>();
            it.startEpoch(0);
            while (it.hasNext()) {
                memory.add(it.next());
            }
            base = Pointer.physicalBytes();
            AtomicLong peak2 = new AtomicLong(base);
            Thread sampler2 = sampler(peak2);
            images = 0;
            t = System.nanoTime();
            for (int e = 0; e < epochs; e++) {
                for (DataSet b : memory) {
                    net.fit(b);
                    images += b.numExamples();
                }
            }
            double mem = images / ((System.nanoTime() - t) / 1e9);
            sampler2.interrupt();
            out.put("memory_ips", mem);
            out.put("memory_peak_rss_mb", (peak2.get() - base) / (1024 * 1024));
            out.put("memory_tensors_mb", memory.size() * 32L * 416 * 416 * 3 * 4 / (1024 * 1024));
            out.put("disk_over_memory", disk / mem);
            out.put("images", ds.train().samples().size());
            out.put("epochs", epochs);
        }
        return out;
    }

    private static Thread sampler(AtomicLong peak) {
        Thread th = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(Pointer.physicalBytes(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "rss-sampler");
        th.setDaemon(true);
        th.start();
        return th;
    }
}
