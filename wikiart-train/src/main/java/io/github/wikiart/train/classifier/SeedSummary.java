package io.github.wikiart.train.classifier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The same training over several seeds, summarised: the mean, spread and range of the final test
 * accuracy and of the last-third dip ({@link #lastThirdDip}), so one number can be trusted.
 *
 * @param seeds the seeds, in run order
 * @param finalAccuracies the final test accuracy of each run
 * @param dips the last-third dip of each run
 * @param bestAccuracies the best test accuracy of any epoch of each run
 */
public record SeedSummary(List<Long> seeds, List<Double> finalAccuracies, List<Double> dips,
                          List<Double> bestAccuracies) {
    /** The file a multi-seed run writes into its parent folder. */
    public static final String FILE = "seeds-summary.json";

    /** Copies the lists and checks they have one entry per seed. */
    public SeedSummary {
        seeds = List.copyOf(seeds);
        finalAccuracies = List.copyOf(finalAccuracies);
        dips = List.copyOf(dips);
        bestAccuracies = List.copyOf(bestAccuracies);
        if (seeds.isEmpty() || finalAccuracies.size() != seeds.size() || dips.size() != seeds.size()
                || bestAccuracies.size() != seeds.size()) {
            throw new IllegalArgumentException("one result per seed expected: " + seeds.size() + " seeds, "
                    + finalAccuracies.size() + " accuracies, " + dips.size() + " dips");
        }
    }

    /**
     * Summarises finished runs.
     *
     * @param seeds the seeds
     * @param results the training result of each seed, same order
     * @return the summary
     * @throws IllegalArgumentException when a run completed no epoch
     */
    public static SeedSummary of(List<Long> seeds, List<ClassifierTrainingResult> results) {
        List<Double> acc = new ArrayList<>();
        List<Double> dip = new ArrayList<>();
        List<Double> best = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            ClassifierTrainingResult r = results.get(i);
            if (r.epochs().isEmpty()) {
                throw new IllegalArgumentException("the run with seed " + seeds.get(i) + " completed no epoch");
            }
            acc.add(r.finalReport().accuracy());
            dip.add(lastThirdDip(r.epochs()));
            best.add(r.epochs().get(r.bestEpoch() - 1).test().accuracy());
        }
        return new SeedSummary(seeds, acc, dip, best);
    }

    /**
     * How far the test accuracy fell below the final one in the last third of training: the final
     * accuracy minus the lowest accuracy of the last {@code ceil(n / 3)} epochs (the final one
     * included, so never negative). 0 means no epoch of the last third was worse than the end.
     *
     * @param epochs the epochs of one run, in order, at least one
     * @return the dip, in accuracy units (0.02 = 2 points)
     */
    public static double lastThirdDip(List<EpochResult> epochs) {
        if (epochs.isEmpty()) {
            throw new IllegalArgumentException("no epochs");
        }
        int n = epochs.size();
        double last = epochs.get(n - 1).test().accuracy();
        double lowest = last;
        for (int i = n - (n + 2) / 3; i < n; i++) {
            lowest = Math.min(lowest, epochs.get(i).test().accuracy());
        }
        return last - lowest;
    }

    /**
     * Mean, sample standard deviation (n - 1 in the denominator; 0 for one value), minimum and
     * maximum.
     *
     * @param values at least one value
     * @return a map with the keys {@code mean}, {@code std}, {@code min}, {@code max}
     */
    public static Map<String, Double> stats(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double mean = sum / values.size();
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("mean", mean);
        m.put("std", values.size() < 2 ? 0.0 : Math.sqrt(squares / (values.size() - 1)));
        m.put("min", min);
        m.put("max", max);
        return m;
    }

    /** @return the summary as written to {@value #FILE} */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seeds", seeds);
        m.put("test_accuracy", stats(finalAccuracies));
        m.put("last_third_dip", stats(dips));
        m.put("best_test_accuracy", stats(bestAccuracies));
        List<Map<String, Object>> runs = new ArrayList<>();
        for (int i = 0; i < seeds.size(); i++) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("seed", seeds.get(i));
            r.put("run", ClassifierRun.seedFolderName(seeds.get(i)));
            r.put("test_accuracy", finalAccuracies.get(i));
            r.put("last_third_dip", dips.get(i));
            r.put("best_test_accuracy", bestAccuracies.get(i));
            runs.add(r);
        }
        m.put("runs", runs);
        return m;
    }
}
