package io.github.wikiart.train.loop;

/**
 * What the training part of one epoch did, before any evaluation.
 *
 * @param epoch the epoch, from 1
 * @param batches batches trained on
 * @param images images trained on
 * @param meanLoss mean of the batches' losses
 * @param seconds wall time of the training part (data loading included, evaluation excluded)
 */
public record EpochStats(int epoch, int batches, long images, double meanLoss, double seconds) {
    /** Writes and reads the numbers exactly, for resume checkpoints. */
    public static final ResultCodec<EpochStats> CODEC = new ResultCodec<>() {
        @Override
        public java.util.Map<String, Object> encode(EpochStats s) {
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("epoch", s.epoch());
            m.put("batches", s.batches());
            m.put("images", s.images());
            m.put("mean_loss", ResultCodec.exact(s.meanLoss()));
            m.put("seconds", ResultCodec.exact(s.seconds()));
            return m;
        }

        @Override
        public EpochStats decode(java.util.Map<String, Object> m) {
            return new EpochStats(whole(m, "epoch").intValue(), whole(m, "batches").intValue(),
                    whole(m, "images").longValue(), ResultCodec.exact(m, "mean_loss"), ResultCodec.exact(m, "seconds"));
        }

        private static Number whole(java.util.Map<String, Object> m, String key) {
            if (m.get(key) instanceof Number n) {
                return n;
            }
            throw new IllegalArgumentException("'" + key + "' is not a whole number: " + m.get(key));
        }
    };

    /** @return training throughput */
    public double imagesPerSecond() {
        return images / seconds;
    }

    /**
     * Throughput over several epochs: all images over all seconds (each epoch weighted by its time).
     *
     * @param epochs per-epoch results
     * @param imagesPerSecond an epoch's throughput
     * @param seconds an epoch's duration
     * @param <E> the per-epoch result
     * @return images per second over all epochs, 0 when no time passed
     */
    public static <E> double imagesPerSecond(java.util.List<? extends E> epochs,
                                             java.util.function.ToDoubleFunction<? super E> imagesPerSecond,
                                             java.util.function.ToDoubleFunction<? super E> seconds) {
        double images = 0;
        double total = 0;
        for (E e : epochs) {
            images += imagesPerSecond.applyAsDouble(e) * seconds.applyAsDouble(e);
            total += seconds.applyAsDouble(e);
        }
        return total == 0 ? 0 : images / total;
    }
}
