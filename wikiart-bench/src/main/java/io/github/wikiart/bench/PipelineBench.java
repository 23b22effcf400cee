package io.github.wikiart.bench;

import io.github.wikiart.data.DataOptions;
import io.github.wikiart.data.ImageBatchIterator;
import io.github.wikiart.data.ImageDecodeException;
import io.github.wikiart.data.ImageDecoder;
import io.github.wikiart.data.ImageResizer;
import io.github.wikiart.data.ResizeMode;
import io.github.wikiart.data.Sample;
import io.github.wikiart.data.TensorLayout;
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
 * on disk (decode, resize, batch, background prefetch within and across epochs, recycled batch
 * arrays, as the trainer reads them; no cache) against training from the same batches already in
 * memory, with the peak extra resident memory of each.
 */
public final class PipelineBench {
    private PipelineBench() {
    }

    /** Epochs in a row per timed block, as training goes through them. */
    static final int EPOCHS_PER_BLOCK = 3;

    /**
     * Runs it on generated JPEGs: one untimed block of each kind, then {@code rounds} timed blocks
     * of each, alternating (JPEG files, memory, JPEG files, ...) so that both see the same machine
     * state. A block is {@value #EPOCHS_PER_BLOCK} epochs in a row, as a training run reads them
     * (the iterator decodes the next epoch's first batches while the current one ends); after a
     * block from JPEG files the work it did ahead is dropped, untimed, so that none of it runs
     * during the next block from memory. Reports the median block of each kind with min and max.
     *
     * @param imagesPerStyle images per style (6 styles) in one epoch
     * @param rounds timed blocks of each kind
     * @return numbers for JSON or a table
     * @throws IOException when the temporary data cannot be written
     */
    public static Map<String, Object> run(int imagesPerStyle, int rounds) throws IOException {
        Path dir = Files.createTempDirectory("wikiart-pipeline");
        SyntheticStyles.builder().styles(6).trainPerStyle(imagesPerStyle).testPerStyle(1).size(416).seed(5).build()
                .write(dir);
        DataOptions data = DataOptions.defaults(dir).withImageSize(416);
        WikiArtDataset ds = WikiArtDataset.load(data, true, false);
        MultiLayerNetwork net = SeedClassifier.builder().inputSide(416).numClasses(6).build().init();
        Map<String, Object> out = new LinkedHashMap<>();
        // As the classifier trainer reads it: recycled batch arrays, each batch fitted before the next.
        try (ImageBatchIterator it = ImageBatchIterator.builder(ds.train().samples(), ds.labelIndex()).imageSize(416)
                .batchSize(32).seed(1).reuseArrays(true).prefetchAcrossEpochs(true).build();
             ImageBatchIterator kept = ImageBatchIterator.builder(ds.train().samples(), ds.labelIndex()).imageSize(416)
                .batchSize(32).seed(1).build()) {
            List<DataSet> memory = new ArrayList<>();
            while (kept.hasNext()) {
                memory.add(kept.next());
            }
            double[] disk = new double[rounds];
            double[] mem = new double[rounds];
            AtomicLong diskPeak = new AtomicLong();
            AtomicLong memPeak = new AtomicLong();
            double[] diskCpu = new double[rounds];
            double[] memCpu = new double[rounds];
            for (int r = -1; r < rounds; r++) {
                int first = (r + 1) * EPOCHS_PER_BLOCK;
                it.startEpoch(first);
                long cpu0 = cpuNanos();
                long wall0 = System.nanoTime();
                double d = timedBlock(() -> {
                    long images = 0;
                    for (int e = first; e < first + EPOCHS_PER_BLOCK; e++) {
                        it.startEpoch(e);
                        while (it.hasNext()) {
                            DataSet b = it.next();
                            net.fit(b);
                            images += b.numExamples();
                        }
                    }
                    return images;
                }, diskPeak);
                long cpu1 = cpuNanos();
                long wall1 = System.nanoTime();
                it.startEpoch(it.epoch()); // drops the next epoch's batches decoded ahead (untimed)
                long cpuDropped = cpuNanos() - cpu1;
                long wall2 = System.nanoTime();
                double m = timedBlock(() -> {
                    long images = 0;
                    for (int e = 0; e < EPOCHS_PER_BLOCK; e++) {
                        for (DataSet b : memory) {
                            net.fit(b);
                            images += b.numExamples();
                        }
                    }
                    return images;
                }, memPeak);
                if (r >= 0) {
                    disk[r] = d;
                    mem[r] = m;
                    diskCpu[r] = (cpu1 - cpu0) / (double) (wall1 - wall0);
                    memCpu[r] = (cpuNanos() - cpu1 - cpuDropped) / (double) (System.nanoTime() - wall2);
                }
            }
            double diskMedian = Measurement.median(disk);
            double memMedian = Measurement.median(mem);
            out.put("disk_ips", diskMedian);
            out.put("disk_min_ips", Measurement.min(disk));
            out.put("disk_max_ips", Measurement.max(disk));
            out.put("disk_peak_rss_mb", diskPeak.get() / (1024 * 1024));
            out.put("memory_ips", memMedian);
            out.put("memory_min_ips", Measurement.min(mem));
            out.put("memory_max_ips", Measurement.max(mem));
            out.put("memory_peak_rss_mb", memPeak.get() / (1024 * 1024));
            out.put("memory_tensors_mb", memory.size() * 32L * 416 * 416 * 3 * 4 / (1024 * 1024));
            out.put("disk_over_memory", diskMedian / memMedian);
            out.put("images", ds.train().samples().size());
            out.put("rounds", rounds);
            out.put("epochs_per_block", EPOCHS_PER_BLOCK);
            out.put("disk_cpu_cores", Measurement.median(diskCpu));
            out.put("memory_cpu_cores", Measurement.median(memCpu));
            out.put("pipeline_ms_per_image_one_thread", decodeMillisPerImage(ds));
            out.put("jpeg_decoder", ImageDecoder.turboJpegAvailable() ? "libjpeg-turbo (TurboJPEG)" : "ImageIO");
        }
        return out;
    }

    /** @return CPU time used by this process so far, all threads, ns */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * The pipeline's work per image on one thread, without training: decode, resize (a no-op at
     * 416 px) and conversion to floats, as a worker does it; the fastest of three passes (the
     * first warms up), ms.
     */
    private static double decodeMillisPerImage(WikiArtDataset ds) {
        ImageDecoder decoder = new ImageDecoder();
        ImageResizer resizer = new ImageResizer(416, ResizeMode.STRETCH);
        float[] floats = new float[416 * 416 * 3];
        double best = Double.MAX_VALUE;
        for (int pass = 0; pass < 3; pass++) {
            long t = System.nanoTime();
            for (Sample sample : ds.train().samples()) {
                try {
                    resizer.resizeToPixels(decoder.decode(sample.path(), 416)).toFloats(416 * 416, TensorLayout.NCHW,
                            floats);
                } catch (ImageDecodeException e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            }
            best = Math.min(best, (System.nanoTime() - t) / 1e6 / ds.train().samples().size());
        }
        return best;
    }

    /** Runs one block of epochs and returns its images per second; raises {@code peak} to the epoch's peak extra resident memory. */
    private static double timedBlock(java.util.function.LongSupplier epoch, AtomicLong peak) {
        long base = Pointer.physicalBytes();
        AtomicLong max = new AtomicLong(base);
        Thread sampler = sampler(max);
        long t = System.nanoTime();
        long images = epoch.getAsLong();
        double ips = images / ((System.nanoTime() - t) / 1e9);
        sampler.interrupt();
        peak.accumulateAndGet(max.get() - base, Math::max);
        return ips;
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
