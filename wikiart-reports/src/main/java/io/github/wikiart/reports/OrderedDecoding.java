package io.github.wikiart.reports;

import io.github.wikiart.data.DaemonThreads;
import io.github.wikiart.data.ImageDecodeException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Decodes the files of an inference job on background threads, a bounded number ahead, and hands
 * them on in their given order: the consumer (the network) never waits for a decoder that could
 * have run while it computed, and memory holds at most {@code window} decoded images.
 */
public final class OrderedDecoding {
    private OrderedDecoding() {
    }

    /**
     * Reads one file.
     *
     * @param <T> what it becomes
     */
    @FunctionalInterface
    public interface Decoder<T> {
        /**
         * @param file the file
         * @return its decoded form
         * @throws ImageDecodeException naming the file and why it cannot be read
         */
        T decode(Path file) throws ImageDecodeException;
    }

    /**
     * One file, decoded or with the reason it is not.
     *
     * @param path the file
     * @param value its decoded form, or null
     * @param problem why there is none, or null
     * @param <T> the decoded form
     */
    public record Item<T>(Path path, T value, String problem) {
        /** @return whether it was decoded */
        public boolean ok() {
            return problem == null;
        }
    }

    /**
     * Receives the items in order.
     *
     * @param <T> the decoded form
     */
    @FunctionalInterface
    public interface Consumer<T> {
        /**
         * @param item the next item
         * @throws IOException when handling it fails (stops the job)
         */
        void accept(Item<T> item) throws IOException;
    }

    /**
     * @param sources the files, with the problems {@link ImageSources} found
     * @param decoder reads one file
     * @param threads decoding threads, at least 1
     * @param window files decoded ahead at most, at least 1
     * @param consumer receives every source's item, in order
     * @param <T> the decoded form
     * @throws IOException when the consumer fails
     */
    public static <T> void forEach(List<ImageSources.Source> sources, Decoder<T> decoder, int threads, int window,
                                   Consumer<T> consumer) throws IOException {
        if (threads < 1 || window < 1) {
            throw new IllegalArgumentException("threads and window must be >= 1, got " + threads + ", " + window);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, DaemonThreads.named("wikiart-infer-decode"));
        try {
            Deque<Future<Item<T>>> ahead = new ArrayDeque<>();
            int next = 0;
            while (next < sources.size() || !ahead.isEmpty()) {
                while (ahead.size() < window && next < sources.size()) {
                    ImageSources.Source s = sources.get(next++);
                    ahead.add(pool.submit(() -> decodeOne(s, decoder)));
                }
                consumer.accept(await(ahead.poll()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> Item<T> decodeOne(ImageSources.Source s, Decoder<T> decoder) {
        if (!s.ok()) {
            return new Item<>(s.path(), null, s.problem());
        }
        try {
            return new Item<>(s.path(), decoder.decode(s.path()), null);
        } catch (ImageDecodeException e) {
            return new Item<>(s.path(), null, e.reason());
        } catch (RuntimeException e) {
            return new Item<>(s.path(), null, "cannot be read: " + e);
        }
    }

    private static <T> Item<T> await(Future<Item<T>> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while decoding", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("decoding failed: " + e.getCause(), e.getCause());
        }
    }
}
