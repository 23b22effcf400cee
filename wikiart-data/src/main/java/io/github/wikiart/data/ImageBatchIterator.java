package io.github.wikiart.data;

import java.nio.FloatBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A DL4J iterator over image samples: batches of float features with pixels scaled from 0..255 to
 * [0, 1] (value / 255, no mean subtraction), in {@link TensorLayout#NCHW} or
 * {@link TensorLayout#NHWC}, and one-hot labels over a {@link LabelIndex}.
 *
 * <p>Images are decoded and resized by background threads a few batches ahead (prefetch), so memory
 * stays bounded by {@code prefetch * batchSize} images: there is never a float copy of the whole
 * dataset. An optional {@link DecodedImageCache} keeps resized bytes for later epochs. With
 * shuffling on, epoch {@code e} visits the samples in an order drawn from {@code (seed, e)}, so a
 * run is reproducible; {@link #reset()} moves to the next epoch. An image that fails to decode is
 * left out of its batch, logged, and listed by {@link #skipped()}; with
 * {@link Builder#failOnUnreadable} it is an error instead, for consumers that match batches to
 * their samples by position. The decoding threads run at the
 * lowest priority by default ({@link Builder#backgroundPriority}). An optional {@link Augmentation}
 * (for training iterators) changes each image with a random stream drawn from
 * {@code (seed, epoch, sample)}, so augmented batches are reproducible too.
 *
 * <p>Not thread-safe: one consumer. Close it to stop the background threads (they are daemons, so
 * forgetting to close never blocks JVM exit).
 */
public final class ImageBatchIterator implements DataSetIterator, AutoCloseable {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ImageBatchIterator.class);

    private final List<Sample> samples;
    private final LabelIndex labels;
    private final ImageResizer resizer;
    private final ImageDecoder decoder;
    private final DecodedImageCache cache;
    private final TensorLayout layout;
    private final int batchSize;
    private final boolean shuffle;
    private final long seed;
    private final int prefetch;
    private final boolean acrossEpochs;
    private final Augmentation augmentation;
    private final boolean failOnUnreadable;
    private final transient ExecutorService workers;
    private final Map<java.nio.file.Path, SkippedFile> skipped = Collections.synchronizedMap(new LinkedHashMap<>());

    private DataSetPreProcessor preProcessor;
    private int epoch;
    private int[] order;
    private int nextBatchToSubmit;
    /** Batches of this epoch handed out or found empty, in order (the position a resume starts from). */
    private int consumed;
    private final Deque<Future<Batch>> pending = new ArrayDeque<>();
    /** With {@code acrossEpochs}: the order of epoch {@code epoch + 1} and its first batches, submitted ahead. */
    private int[] nextOrder;
    private final Deque<Future<Batch>> nextPending = new ArrayDeque<>();
    private DataSet ready;
    /** Feature arrays recycled by full batches when reuse is on (else null). */
    private final INDArray[] ring;
    private long submitted;

    private record Batch(INDArray features, INDArray labels, int count) {
    }

    private ImageBatchIterator(Builder b) {
        this.samples = List.copyOf(b.samples);
        this.labels = b.labels;
        for (Sample s : samples) {
            labels.indexOf(s.label());
        }
        this.resizer = new ImageResizer(b.imageSize, b.resize);
        this.decoder = b.decoder;
        this.cache = b.cache;
        this.layout = b.layout;
        this.batchSize = b.batchSize;
        this.shuffle = b.shuffle;
        this.seed = b.seed;
        this.prefetch = b.prefetch;
        this.acrossEpochs = b.acrossEpochs;
        this.augmentation = b.augmentation;
        this.failOnUnreadable = b.failOnUnreadable;
        this.workers = Executors.newFixedThreadPool(b.workers, DaemonThreads.named("wikiart-decode", b.backgroundPriority));
        this.ring = b.reuseArrays ? new INDArray[b.prefetch + 2] : null;
        startEpoch(0);
    }

    /**
     * Starts a builder.
     *
     * @param samples the samples to iterate over, in their given order when not shuffled
     * @param labels the label index the one-hot labels follow
     * @return the builder
     */
    public static Builder builder(List<Sample> samples, LabelIndex labels) {
        return new Builder(samples, labels);
    }

    /**
     * Rewinds to the start of an epoch; with shuffling, the order is the one drawn for that epoch.
     * Batches decoded ahead are dropped, except, with {@link Builder#prefetchAcrossEpochs}, the
     * first batches of epoch {@code epoch() + 1} when that is the epoch started after the current
     * one was read to its end.
     *
     * @param epochNumber the epoch, 0 for the first
     */
    public void startEpoch(int epochNumber) {
        startEpoch(epochNumber, 0);
    }

    /**
     * Starts an epoch at one of its batches, as if the batches before it had been read: the way a
     * resumed training continues in the middle of an epoch. Nothing before {@code firstBatch} is
     * decoded.
     *
     * @param epochNumber the epoch, 0 for the first
     * @param firstBatch the {@link #position()} to start from, in {@code [0, batchesPerEpoch()]}
     */
    public void startEpoch(int epochNumber, int firstBatch) {
        if (epochNumber < 0) {
            throw new IllegalArgumentException("epoch must be >= 0, got " + epochNumber);
        }
        if (firstBatch < 0 || firstBatch > batchesPerEpoch()) {
            throw new IllegalArgumentException("first batch must be in [0, " + batchesPerEpoch() + "], got "
                    + firstBatch);
        }
        ready = null;
        consumed = firstBatch;
        if (firstBatch == 0 && epochNumber == epoch + 1 && nextOrder != null && pending.isEmpty()) {
            epoch = epochNumber;
            order = nextOrder;
            nextBatchToSubmit = nextPending.size();
            pending.addAll(nextPending);
            nextPending.clear();
            nextOrder = null;
            return;
        }
        stopPending();
        epoch = epochNumber;
        order = orderOf(epochNumber);
        nextBatchToSubmit = firstBatch;
    }

    /**
     * How far the current epoch has got: the number of its batches already returned by
     * {@link #next()} (counting batches left out because none of their images decoded). Read
     * between {@code next()} and the following {@code hasNext()}, it is the position
     * {@link #startEpoch(int, int)} continues from.
     *
     * @return batches of this epoch consumed so far
     */
    public int position() {
        return consumed;
    }

    /** @return the sample indices in the order of that epoch */
    private int[] orderOf(int epochNumber) {
        List<Integer> idx = new ArrayList<>(samples.size());
        for (int i = 0; i < samples.size(); i++) {
            idx.add(i);
        }
        if (shuffle) {
            Collections.shuffle(idx, new Random(Seeds.derive(seed, "epoch/" + epochNumber)));
        }
        return idx.stream().mapToInt(Integer::intValue).toArray();
    }

    /** @return the current epoch number */
    public int epoch() {
        return epoch;
    }

    /** @return number of batches in one epoch */
    public int batchesPerEpoch() {
        return (samples.size() + batchSize - 1) / batchSize;
    }

    /** @return number of samples per epoch (including any that later fail to decode) */
    public int numExamples() {
        return samples.size();
    }

    /** @return files that failed to decode so far, with reasons, in the order seen */
    public List<SkippedFile> skipped() {
        synchronized (skipped) {
            return List.copyOf(skipped.values());
        }
    }

    /** @return the layout of the features */
    public TensorLayout layout() {
        return layout;
    }

    /** @return the side of the images */
    public int imageSize() {
        return resizer.side();
    }

    @Override
    public boolean hasNext() {
        while (ready == null) {
            fillPipeline();
            Future<Batch> head = pending.poll();
            if (head == null) {
                return false;
            }
            Batch batch = await(head);
            consumed++;
            if (failOnUnreadable) {
                requireNoneSkipped();
            }
            if (batch.count() > 0) {
                ready = toDataSet(batch);
            }
        }
        return true;
    }

    /**
     * With {@link Builder#failOnUnreadable}: checked for every batch, an empty one included (a last
     * batch none of whose files decode yields no {@code next()} to check after).
     */
    private void requireNoneSkipped() {
        List<SkippedFile> bad = skipped();
        if (!bad.isEmpty()) {
            throw new IllegalArgumentException("cannot read image " + bad.get(0).path() + ": " + bad.get(0).reason());
        }
    }

    @Override
    public DataSet next() {
        if (!hasNext()) {
            throw new NoSuchElementException("epoch " + epoch + " is finished; call reset()");
        }
        DataSet out = ready;
        ready = null;
        if (preProcessor != null) {
            preProcessor.preProcess(out);
        }
        return out;
    }

    @Override
    public DataSet next(int num) {
        throw new UnsupportedOperationException("the batch size is fixed at " + batchSize + " by the builder");
    }

    private void fillPipeline() {
        int total = batchesPerEpoch();
        while (pending.size() + nextPending.size() < prefetch && nextBatchToSubmit < total) {
            pending.add(submit(epoch, order, nextBatchToSubmit++));
        }
        if (acrossEpochs && nextBatchToSubmit == total) {
            if (nextOrder == null) {
                nextOrder = orderOf(epoch + 1);
            }
            while (pending.size() + nextPending.size() < prefetch && nextPending.size() < total) {
                nextPending.add(submit(epoch + 1, nextOrder, nextPending.size()));
            }
        }
    }

    /** Hands batch {@code index} of an epoch with that order to a worker. */
    private Future<Batch> submit(int epochNumber, int[] epochOrder, int index) {
        int start = index * batchSize;
        int end = Math.min(start + batchSize, epochOrder.length);
        int[] members = java.util.Arrays.copyOfRange(epochOrder, start, end);
        int slot = ring != null && members.length == batchSize ? (int) (submitted++ % ring.length) : -1;
        return workers.submit(() -> loadBatch(epochNumber, members, slot));
    }

    /**
     * Decodes one batch on a worker thread straight into an off-heap array, so the consumer thread
     * (the training loop) does no per-pixel work at all.
     */
    private Batch loadBatch(int epochNumber, int[] members, int slot) {
        int side = resizer.side();
        int pixels = side * side;
        INDArray features = slot >= 0 ? ring[slot] : null;
        if (features == null) {
            features = Nd4j.createUninitialized(DataType.FLOAT, layout == TensorLayout.NHWC
                    ? new long[] {members.length, side, side, 3} : new long[] {members.length, 3, side, side}, 'c');
            if (slot >= 0) {
                ring[slot] = features;
            }
        }
        FloatBuffer out = features.data().asNioFloat();
        float[] oneHot = new float[members.length * labels.size()];
        int count = 0;
        for (int m : members) {
            Sample sample = samples.get(m);
            RgbPixels rgb = pixelsOf(sample);
            if (rgb == null) {
                continue;
            }
            if (!augmentation.isNone()) {
                rgb = RgbPixels.of(augmentation.apply(rgb.toRgbBytes(pixels), side,
                        new java.util.SplittableRandom(Seeds.derive(seed, "augment/" + epochNumber + "/" + m))));
            }
            rgb.toFloats(pixels, layout, out, (int) features.offset() + count * 3 * pixels);
            oneHot[count * labels.size() + labels.indexOf(sample.label())] = 1f;
            count++;
        }
        // The buffer written above views the array's native memory: the array must outlive it.
        java.lang.ref.Reference.reachabilityFence(features);
        HostMemory.written(features);
        if (count < members.length && count > 0) {
            features = features.get(NDArrayIndex.interval(0, count)).dup('c');
        }
        INDArray labelArray = Nd4j.create(java.util.Arrays.copyOf(oneHot, count * labels.size()),
                new long[] {count, labels.size()}, 'c');
        return new Batch(features, labelArray, count);
    }

    private RgbPixels pixelsOf(Sample sample) {
        byte[] cached = cache == null ? null : cache.get(sample.path());
        if (cached != null) {
            return RgbPixels.of(cached);
        }
        RgbPixels rgb;
        try {
            rgb = resizer.resizeToPixels(decoder.decode(sample.path(), resizer.side()));
        } catch (ImageDecodeException e) {
            if (skipped.putIfAbsent(sample.path(), new SkippedFile(sample.path(), e.reason())) == null) {
                LOG.warn("skipping {}", e.getMessage());
            }
            return null;
        }
        if (cache != null) {
            cache.put(sample.path(), rgb.toRgbBytes(resizer.side() * resizer.side()));
        }
        return rgb;
    }

    private static DataSet toDataSet(Batch batch) {
        return new DataSet(batch.features(), batch.labels());
    }

    private static Batch await(Future<Batch> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading a batch", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("loading a batch failed: " + e.getCause(), e.getCause());
        }
    }

    @Override
    public int inputColumns() {
        return resizer.side() * resizer.side() * 3;
    }

    @Override
    public int totalOutcomes() {
        return labels.size();
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    @Override
    public boolean asyncSupported() {
        return false;
    }

    /** Moves to the next epoch (a new shuffled order when shuffling). */
    @Override
    public void reset() {
        startEpoch(epoch + 1);
    }

    @Override
    public int batch() {
        return batchSize;
    }

    @Override
    public void setPreProcessor(DataSetPreProcessor preProcessor) {
        this.preProcessor = preProcessor;
    }

    @Override
    public DataSetPreProcessor getPreProcessor() {
        return preProcessor;
    }

    @Override
    public List<String> getLabels() {
        return labels.names();
    }

    /** Stops the background threads. */
    @Override
    public void close() {
        stopPending();
        workers.shutdownNow();
    }

    /**
     * Drops the batches decoded ahead. With recycled arrays a batch still being written must
     * finish first (it writes into an array a later batch will use), so they are awaited;
     * otherwise they are cancelled.
     */
    private void stopPending() {
        pending.addAll(nextPending);
        nextPending.clear();
        nextOrder = null;
        for (Future<Batch> f : pending) {
            if (ring == null) {
                f.cancel(true);
            } else {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                } catch (ExecutionException e) {
                    LOG.debug("a dropped batch failed to load", e);
                }
            }
        }
        pending.clear();
    }

    /** Builder for {@link ImageBatchIterator}; every setter validates its argument. */
    public static final class Builder {
        private final List<Sample> samples;
        private final LabelIndex labels;
        private int imageSize = 64;
        private ResizeMode resize = ResizeMode.STRETCH;
        private ImageDecoder decoder = new ImageDecoder();
        private DecodedImageCache cache;
        private TensorLayout layout = TensorLayout.NCHW;
        private int batchSize = 32;
        private boolean shuffle = true;
        private long seed = 1;
        private int prefetch = 3;
        private int workers = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        private boolean reuseArrays;
        private boolean backgroundPriority = true;
        private boolean acrossEpochs;
        private Augmentation augmentation = Augmentation.NONE;
        private boolean failOnUnreadable;

        private Builder(List<Sample> samples, LabelIndex labels) {
            this.samples = Objects.requireNonNull(samples, "samples");
            this.labels = Objects.requireNonNull(labels, "labels");
        }

        /** @param side image side in pixels (default 64) @return this */
        public Builder imageSize(int side) {
            if (side < 1) {
                throw new IllegalArgumentException("imageSize must be >= 1, got " + side);
            }
            this.imageSize = side;
            return this;
        }

        /** @param mode resize mode (default stretch) @return this */
        public Builder resize(ResizeMode mode) {
            this.resize = Objects.requireNonNull(mode, "resize");
            return this;
        }

        /** @param d decoder, for its pixel limit (default 100 megapixels) @return this */
        public Builder decoder(ImageDecoder d) {
            this.decoder = Objects.requireNonNull(d, "decoder");
            return this;
        }

        /** @param c cache of resized bytes, or null for none (default none) @return this */
        public Builder cache(DecodedImageCache c) {
            this.cache = c;
            return this;
        }

        /** @param l tensor layout (default NCHW) @return this */
        public Builder layout(TensorLayout l) {
            this.layout = Objects.requireNonNull(l, "layout");
            return this;
        }

        /** @param n batch size, at least 1 (default 32) @return this */
        public Builder batchSize(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("batchSize must be >= 1, got " + n);
            }
            this.batchSize = n;
            return this;
        }

        /** @param on whether to shuffle every epoch (default true) @return this */
        public Builder shuffle(boolean on) {
            this.shuffle = on;
            return this;
        }

        /** @param s the seed of the per-epoch shuffles (default 1) @return this */
        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        /** @param batches batches decoded ahead, at least 1 (default 3) @return this */
        public Builder prefetch(int batches) {
            if (batches < 1) {
                throw new IllegalArgumentException("prefetch must be >= 1, got " + batches);
            }
            this.prefetch = batches;
            return this;
        }

        /** @param threads decoding threads, at least 1 (default min(2, processors)) @return this */
        public Builder workers(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("workers must be >= 1, got " + threads);
            }
            this.workers = threads;
            return this;
        }

        /**
         * Recycles the feature arrays of full batches (default off). Each new array costs an
         * allocation whose pages the kernel must fault in and zero (about 25 ms for a batch of 32
         * at 416 px); recycling skips that. The price: a batch's features are overwritten by a
         * later batch, so they stay valid only until {@code next()} has been called twice more,
         * enough for a training loop that fits each batch before fetching the next, but not for
         * code that keeps batches.
         *
         * @param on whether to recycle @return this
         */
        public Builder reuseArrays(boolean on) {
            this.reuseArrays = on;
            return this;
        }

        /**
         * Runs the decoding threads at the lowest priority (Linux nice 19; default on). Training
         * keeps both cores of a small machine busy; at normal priority a decoding thread takes a
         * core from one of training's OpenMP threads and the whole operation waits for it, at the
         * lowest it fills the gaps training leaves (the original classifier from JPEG files, three
         * alternating runs each: 86-91 % of its in-memory rate at normal priority, 92-94 % at the
         * lowest; BENCHMARKS.md). If training ever starves for data it waits, the cores fall idle
         * and decoding proceeds. No effect off Linux.
         *
         * @param on whether to lower the decoding threads' priority @return this
         */
        public Builder backgroundPriority(boolean on) {
            this.backgroundPriority = on;
            return this;
        }

        /**
         * Keeps decoding ahead across the end of an epoch (default off): once the last batches of
         * epoch {@code e} are submitted, the first ones of {@code e + 1} follow, and
         * {@link #startEpoch startEpoch(e + 1)} (or {@link #reset()}) starts with them ready
         * instead of waiting for a whole batch to decode. For training iterators that go through
         * epochs in order; started any other way, the work ahead is dropped (and wasted).
         *
         * @param on whether to decode the next epoch's first batches ahead @return this
         */
        public Builder prefetchAcrossEpochs(boolean on) {
            this.acrossEpochs = on;
            return this;
        }

        /**
         * Changes every image at random, for training iterators (default {@link Augmentation#NONE}).
         * Image {@code i} of the sample list in epoch {@code e} draws from a stream seeded by
         * {@code (seed, e, i)}: the same seed gives the same batches, whatever the threads do.
         *
         * @param a the augmentation
         * @return this
         */
        public Builder augmentation(Augmentation a) {
            this.augmentation = Objects.requireNonNull(a, "augmentation");
            return this;
        }

        /**
         * Makes an image that fails to decode an error (default off: it is left out of its batch
         * and listed by {@link #skipped()}): {@code hasNext()} throws an
         * {@link IllegalArgumentException} naming the file and the reason, at the latest when the
         * batch that holds it is reached, even a last batch none of whose files decode. For
         * consumers that match outputs to their inputs by position, such as evaluations.
         *
         * @param on whether an unreadable image is an error @return this
         */
        public Builder failOnUnreadable(boolean on) {
            this.failOnUnreadable = on;
            return this;
        }

        /** @return the iterator, positioned at the start of epoch 0 */
        public ImageBatchIterator build() {
            return new ImageBatchIterator(this);
        }
    }
}
