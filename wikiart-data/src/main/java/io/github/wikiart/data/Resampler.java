package io.github.wikiart.data;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Resamples a split to a target count per class, as the original system's
 * {@code trainsampling}/{@code testsampling} did (see {@link Sampling} for the targets).
 *
 * <p>Over-sampling duplicates evenly: the class is shuffled once and then cycled through, so no
 * file is used {@code k + 1} times before every file of its class is used {@code k} times, and
 * exactly the target count is kept. Under-sampling keeps a seeded random subset, in the original
 * order. An empty class stays empty. The same seed always gives the same result.
 */
public final class Resampler {
    private Resampler() {
    }

    /**
     * Resamples.
     *
     * @param samples the split's samples in deterministic order
     * @param classes every class of the split, in order (classes without samples included)
     * @param sampling the target rule
     * @param seed the seed of this split's resampling (see {@link Seeds#derive(long, String)})
     * @return the resampled samples and the per-class report
     */
    public static ResampledSplit resample(List<Sample> samples, Collection<String> classes, Sampling sampling,
                                          long seed) {
        Map<String, List<Sample>> byClass = new LinkedHashMap<>();
        for (String name : classes) {
            byClass.put(name, new ArrayList<>());
        }
        for (Sample sample : samples) {
            List<Sample> list = byClass.get(sample.label());
            if (list == null) {
                throw new IllegalArgumentException("sample " + sample.path() + " has class '" + sample.label()
                        + "' which is not among the split's classes " + classes);
            }
            list.add(sample);
        }
        List<Integer> sizes = byClass.values().stream().map(List::size).toList();
        int target = sampling.target(sizes);
        List<Sample> out = new ArrayList<>();
        Map<String, ClassCount> counts = new LinkedHashMap<>();
        int classNumber = 0;
        for (Map.Entry<String, List<Sample>> entry : byClass.entrySet()) {
            List<Sample> members = entry.getValue();
            List<Sample> chosen = target < 0 ? members
                    : resampleClass(members, target, new Random(seed * 1_000_003L + classNumber));
            out.addAll(chosen);
            counts.put(entry.getKey(), new ClassCount(members.size(), chosen.size()));
            classNumber++;
        }
        return new ResampledSplit(out, counts);
    }

    private static List<Sample> resampleClass(List<Sample> members, int target, Random random) {
        int n = members.size();
        if (n == 0 || target == n) {
            return members;
        }
        List<Integer> order = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        java.util.Collections.shuffle(order, random);
        List<Sample> chosen = new ArrayList<>(target);
        if (target > n) {
            for (int i = 0; i < target; i++) {
                chosen.add(members.get(order.get(i % n)));
            }
        } else {
            List<Integer> keep = new ArrayList<>(order.subList(0, target));
            keep.sort(null);
            for (int i : keep) {
                chosen.add(members.get(i));
            }
        }
        return chosen;
    }

    /**
     * The toy sample of the original: the first {@code n} files of each class in the
     * deterministic order.
     *
     * @param samples samples in deterministic order
     * @param n files per class, at least 1
     * @return the first {@code n} of each class, in the same order
     */
    public static List<Sample> firstPerClass(List<Sample> samples, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("toy sample size must be >= 1, got " + n);
        }
        Map<String, Integer> taken = new LinkedHashMap<>();
        List<Sample> out = new ArrayList<>();
        for (Sample sample : samples) {
            int count = taken.getOrDefault(sample.label(), 0);
            if (count < n) {
                out.add(sample);
                taken.put(sample.label(), count + 1);
            }
        }
        return out;
    }
}
