package io.github.wikiart.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Sets a validation split aside from a training split: per style, a seeded random
 * {@code round(fraction * n)} of its images (at most {@code n - 1}, so every style keeps a
 * training image), taken before resampling, so an image and the copies resampling makes of it never
 * straddle the two. Both parts keep the listing's order.
 */
public final class ValidationCarver {
    private ValidationCarver() {
    }

    /**
     * The two parts.
     *
     * @param training the images left for training
     * @param validation the images set aside
     */
    public record Parts(List<Sample> training, List<Sample> validation) {
        /** Copies the lists. */
        public Parts {
            training = List.copyOf(training);
            validation = List.copyOf(validation);
        }
    }

    /**
     * @param samples the training split's images, in listing order
     * @param fraction the share per style to set aside, in [0, 1)
     * @param seed the seed of the choice
     * @return the training and validation images
     */
    public static Parts carve(List<Sample> samples, double fraction, long seed) {
        if (!(fraction >= 0 && fraction < 1)) {
            throw new IllegalArgumentException("validation fraction must be in [0, 1), got " + fraction);
        }
        Map<String, List<Integer>> byStyle = new LinkedHashMap<>();
        for (int i = 0; i < samples.size(); i++) {
            byStyle.computeIfAbsent(samples.get(i).label(), k -> new ArrayList<>()).add(i);
        }
        boolean[] chosen = new boolean[samples.size()];
        for (Map.Entry<String, List<Integer>> e : byStyle.entrySet()) {
            List<Integer> indices = new ArrayList<>(e.getValue());
            int k = Math.min((int) Math.round(fraction * indices.size()), indices.size() - 1);
            Collections.shuffle(indices, new Random(Seeds.derive(seed, "validation/" + e.getKey())));
            for (int i = 0; i < k; i++) {
                chosen[indices.get(i)] = true;
            }
        }
        List<Sample> training = new ArrayList<>();
        List<Sample> validation = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            (chosen[i] ? validation : training).add(samples.get(i));
        }
        return new Parts(training, validation);
    }
}
