package io.github.wikiart.train.classifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The evaluation of a classifier on a labelled set: accuracy, macro-F1, per-class precision,
 * recall and F1, and the confusion matrix.
 *
 * @param classes the class names, in label-index order
 * @param confusion counts {@code [true class][predicted class]}
 * @param meanLoss mean negative log-likelihood of the true class (NaN when unknown)
 */
public record ClassificationReport(List<String> classes, int[][] confusion, double meanLoss) {
    /** Validates and copies. */
    public ClassificationReport {
        classes = List.copyOf(classes);
        Objects.requireNonNull(confusion, "confusion");
        if (confusion.length != classes.size()) {
            throw new IllegalArgumentException("confusion matrix has " + confusion.length + " rows for "
                    + classes.size() + " classes");
        }
        int[][] copy = new int[confusion.length][];
        for (int i = 0; i < confusion.length; i++) {
            if (confusion[i].length != classes.size()) {
                throw new IllegalArgumentException("confusion matrix row " + i + " has " + confusion[i].length + " columns");
            }
            copy[i] = confusion[i].clone();
        }
        confusion = copy;
    }

    /**
     * Builds a report from true and predicted class indices.
     *
     * @param classes class names
     * @param truth true class per example
     * @param predicted predicted class per example
     * @param meanLoss mean loss, or NaN
     * @return the report
     */
    public static ClassificationReport of(List<String> classes, int[] truth, int[] predicted, double meanLoss) {
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException(truth.length + " labels but " + predicted.length + " predictions");
        }
        int[][] m = new int[classes.size()][classes.size()];
        for (int i = 0; i < truth.length; i++) {
            m[truth[i]][predicted[i]]++;
        }
        return new ClassificationReport(classes, m, meanLoss);
    }

    /** @return a copy of the confusion matrix */
    @Override
    public int[][] confusion() {
        int[][] copy = new int[confusion.length][];
        for (int i = 0; i < confusion.length; i++) {
            copy[i] = confusion[i].clone();
        }
        return copy;
    }

    /** @return number of examples */
    public int total() {
        int n = 0;
        for (int[] row : confusion) {
            for (int v : row) {
                n += v;
            }
        }
        return n;
    }

    /** @return fraction of examples whose predicted class is the true one (0 for no examples) */
    public double accuracy() {
        int correct = 0;
        for (int i = 0; i < confusion.length; i++) {
            correct += confusion[i][i];
        }
        int n = total();
        return n == 0 ? 0 : (double) correct / n;
    }

    /** @return precision, recall, F1 and support for each class, in class order */
    public List<ClassMetrics> perClass() {
        List<ClassMetrics> out = new ArrayList<>();
        for (int k = 0; k < classes.size(); k++) {
            int tp = confusion[k][k];
            int actual = 0;
            int predicted = 0;
            for (int j = 0; j < classes.size(); j++) {
                actual += confusion[k][j];
                predicted += confusion[j][k];
            }
            double precision = predicted == 0 ? 0 : (double) tp / predicted;
            double recall = actual == 0 ? 0 : (double) tp / actual;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            out.add(new ClassMetrics(classes.get(k), precision, recall, f1, actual));
        }
        return out;
    }

    /**
     * Macro-averaged F1: the unweighted mean of the per-class F1 over the classes that have
     * examples in this set (classes absent from it would otherwise count as 0).
     *
     * @return the macro-F1
     */
    public double macroF1() {
        double sum = 0;
        int counted = 0;
        for (ClassMetrics m : perClass()) {
            if (m.support() > 0) {
                sum += m.f1();
                counted++;
            }
        }
        return counted == 0 ? 0 : sum / counted;
    }

    /** @return accuracy of always predicting the most frequent class of this set */
    public double majorityBaseline() {
        int best = 0;
        for (ClassMetrics m : perClass()) {
            best = Math.max(best, m.support());
        }
        int n = total();
        return n == 0 ? 0 : (double) best / n;
    }
}
