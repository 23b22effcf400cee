package io.github.wikiart.data;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes every candidate image once, in parallel, and splits them into loadable samples and
 * skipped files with reasons. Truncated files only fail when their pixels are decoded, so a header
 * check alone would miss them.
 */
public final class ImageVerifier {
    private static final Logger LOG = LoggerFactory.getLogger(ImageVerifier.class);

    /**
     * The verdict on a list of candidates.
     *
     * @param loadable the samples that decoded, in the input order
     * @param skipped the files that did not, in the input order
     */
    public record Result(List<Sample> loadable, List<SkippedFile> skipped) {
        /** Copies the lists. */
        public Result {
            loadable = List.copyOf(loadable);
            skipped = List.copyOf(skipped);
        }
    }

    private final ImageDecoder decoder;
    private final int decodeSide;
    private final int threads;

    /**
     * @param decoder the decoder (its pixel limit applies)
     * @param decodeSide the side images will be resized to (allows subsampled decoding)
     * @param threads decoding threads, at least 1
     */
    public ImageVerifier(ImageDecoder decoder, int decodeSide, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.decoder = decoder;
        this.decodeSide = decodeSide;
        this.threads = threads;
    }

    /**
     * Verifies the candidates.
     *
     * @param candidates samples to check
     * @param strict when true, the first failure (in input order) is thrown
     * @return loadable samples and skipped files
     * @throws ImageDecodeException in strict mode, for the first file that fails
     */
    public Result verify(List<Sample> candidates, boolean strict) throws ImageDecodeException {
        return verify(candidates, strict, StepProgress.NONE, "verifying images");
    }

    /**
     * Verifies the candidates, reporting each one done in input order.
     *
     * @param candidates samples to check
     * @param strict when true, the first failure (in input order) is thrown
     * @param progress told after each candidate
     * @param step the step's name for {@code progress}
     * @return loadable samples and skipped files
     * @throws ImageDecodeException in strict mode, for the first file that fails
     */
    public Result verify(List<Sample> candidates, boolean strict, StepProgress progress, String step)
            throws ImageDecodeException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, DaemonThreads.named("wikiart-verify"));
        try {
            List<Future<ImageDecodeException>> futures = new ArrayList<>(candidates.size());
            for (Sample sample : candidates) {
                futures.add(pool.submit(() -> {
                    try {
                        decoder.decode(sample.path(), decodeSide);
                        return null;
                    } catch (ImageDecodeException e) {
                        return e;
                    }
                }));
            }
            List<Sample> loadable = new ArrayList<>();
            List<SkippedFile> skipped = new ArrayList<>();
            for (int i = 0; i < candidates.size(); i++) {
                ImageDecodeException failure = get(futures.get(i));
                progress.onProgress(step, i + 1, candidates.size());
                if (failure == null) {
                    loadable.add(candidates.get(i));
                } else if (strict) {
                    throw failure;
                } else {
                    LOG.warn("skipping {}", failure.getMessage());
                    skipped.add(new SkippedFile(candidates.get(i).path(), failure.reason()));
                }
            }
            return new Result(loadable, skipped);
        } finally {
            pool.shutdownNow();
        }
    }

    private static ImageDecodeException get(Future<ImageDecodeException> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while verifying images", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("image verification failed", e.getCause());
        }
    }
}
