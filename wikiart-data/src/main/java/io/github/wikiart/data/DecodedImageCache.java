package io.github.wikiart.data;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A size-limited cache of decoded and resized images as RGB bytes (one byte per channel, four
 * times smaller than floats), so later epochs skip decoding. It fills up to its limit and then
 * keeps what it holds: training reads every image once per epoch, and under that access pattern a
 * least-recently-used policy would always evict exactly the images needed next (no hits at all),
 * while keeping the first ones gives a hit rate of {@code limit / dataset size}. Thread-safe.
 */
public final class DecodedImageCache {
    private final long maxBytes;
    private final Map<Path, byte[]> entries = new HashMap<>();
    private long bytes;
    private long hits;
    private long misses;

    /** @param maxBytes the most bytes of pixel data held, at least 0 (0 caches nothing) */
    public DecodedImageCache(long maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("cache size must be >= 0, got " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    /**
     * @param path the image file
     * @return its cached bytes, or null
     */
    public synchronized byte[] get(Path path) {
        byte[] value = entries.get(path);
        if (value == null) {
            misses++;
        } else {
            hits++;
        }
        return value;
    }

    /**
     * Caches the bytes of an image if they fit within the limit; otherwise does nothing.
     *
     * @param path the image file
     * @param pixels its resized RGB bytes (not copied: do not modify them afterwards)
     */
    public synchronized void put(Path path, byte[] pixels) {
        if (entries.containsKey(path) || bytes + pixels.length > maxBytes) {
            return;
        }
        entries.put(path, pixels);
        bytes += pixels.length;
    }

    /** @return bytes currently held */
    public synchronized long bytes() {
        return bytes;
    }

    /** @return lookups that found an entry */
    public synchronized long hits() {
        return hits;
    }

    /** @return lookups that found nothing */
    public synchronized long misses() {
        return misses;
    }
}
