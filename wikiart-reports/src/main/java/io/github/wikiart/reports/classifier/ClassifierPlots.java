package io.github.wikiart.reports.classifier;

import io.github.wikiart.data.ClassCount;
import io.github.wikiart.data.PreparedSplit;
import io.github.wikiart.train.classifier.ClassificationReport;
import io.github.wikiart.train.classifier.EpochResult;
import io.github.wikiart.train.RunFolder;
import io.github.wikiart.train.loop.LoopListener;
import io.github.wikiart.viz.ClassCountsPlot;
import io.github.wikiart.viz.ConfusionMatrixPlot;
import io.github.wikiart.viz.EpochMetrics;
import io.github.wikiart.viz.TrainingCurvesPlot;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/** Writes a classifier run's plots: curves after every epoch; confusion matrix and counts at the end. */
public final class ClassifierPlots implements LoopListener<EpochResult, MultiLayerNetwork> {
    /** Training curves. */
    public static final String CURVES = "training-curves.png";
    /** Confusion matrix of the final model. */
    public static final String CONFUSION = "confusion-matrix.png";
    /** Class counts before and after resampling. */
    public static final String COUNTS = "class-counts.png";

    private final RunFolder run;
    private final String title;
    private final List<EpochMetrics> epochs = new ArrayList<>();

    /**
     * @param run the run folder
     * @param title the model's name for titles
     */
    public ClassifierPlots(RunFolder run, String title) {
        this.run = run;
        this.title = title;
    }

    /** Takes the epochs trained before an interruption into the curves. */
    @Override
    public void onResume(List<? extends EpochResult> results, int bestIndex) {
        epochs.clear();
        results.forEach(r -> epochs.add(metrics(r)));
    }

    @Override
    public void onEpochEnd(EpochResult r, MultiLayerNetwork net, boolean best) throws IOException {
        epochs.add(metrics(r));
        TrainingCurvesPlot.write(epochs, title + ": training curves", run.plots().resolve(CURVES));
    }

    private static EpochMetrics metrics(EpochResult r) {
        return new EpochMetrics(r.epoch(), r.trainLoss(), r.test().meanLoss(), Double.NaN, r.test().accuracy(),
                r.test().macroF1());
    }

    /**
     * Writes the end-of-run plots.
     *
     * @param report the final evaluation
     * @param train the training split, for its counts
     * @return the plots folder
     * @throws IOException naming the file that failed
     */
    public Path finish(ClassificationReport report, PreparedSplit train) throws IOException {
        ConfusionMatrixPlot.write(report.confusion(), report.classes(), title + ": test confusion matrix",
                run.plots().resolve(CONFUSION));
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (Map.Entry<String, ClassCount> e : train.counts().entrySet()) {
            counts.put(e.getKey(), new int[] {e.getValue().original(), e.getValue().resampled()});
        }
        ClassCountsPlot.write(counts, "training images per style, before and after resampling",
                run.plots().resolve(COUNTS));
        return run.plots();
    }
}
