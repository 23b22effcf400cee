package io.github.wikiart.cli;

import io.github.wikiart.reports.JobListener;
import io.github.wikiart.train.classifier.EpochResult;
import io.github.wikiart.train.RunFolder;
import java.io.PrintStream;
import java.util.Locale;

/**
 * A job's progress on the console: a bar redrawn in place on a terminal (a line per quarter
 * epoch otherwise), then one line of results per epoch, with images per second; notices on their
 * own line; each new run folder named.
 */
public class ProgressBar implements JobListener {
    private static final int WIDTH = 28;

    private final PrintStream err;
    private final boolean interactive;
    private int epochs;
    private int lastQuarter;
    private final boolean perSeed;

    /**
     * @param err where to draw
     * @param interactive whether to redraw in place (a terminal)
     * @param perSeed whether the job trains one run per seed (names the seed with each run folder)
     */
    public ProgressBar(PrintStream err, boolean interactive, boolean perSeed) {
        this.err = err;
        this.interactive = interactive;
        this.perSeed = perSeed;
    }

    @Override
    public void onRunStarted(RunFolder run, long seed) {
        err.println(perSeed ? "seed " + seed + ": run folder " + run.dir() : "run folder: " + run.dir());
    }

    @Override
    public void onTrainingStart(int trainingEpochs) {
        epochs = trainingEpochs;
    }

    @Override
    public void onNotice(String message) {
        err.println(message);
    }

    @Override
    public void onPhase(String phase, int phaseEpochs) {
        if (interactive) {
            err.println();
        }
        err.println("training " + phase + " (" + phaseEpochs + " epochs)");
        epochs = phaseEpochs;
    }

    @Override
    public void onEpochStart(int epoch, int batches) {
        lastQuarter = 0;
    }

    @Override
    public void onBatch(int epoch, int batch, int batches, long images, double loss, double imagesPerSecond) {
        String line = String.format(Locale.ROOT, "epoch %d/%d [%s] %d/%d batches  loss %.4f  %.1f images/s", epoch,
                epochs, bar(batch, batches), batch, batches, loss, imagesPerSecond);
        if (interactive) {
            err.print("\r" + line);
            err.flush();
        } else {
            int quarter = 4 * batch / batches;
            if (quarter > lastQuarter) {
                lastQuarter = quarter;
                err.println(line);
            }
        }
    }

    @Override
    public void onEpochEnd(Object result, Object model, boolean best) {
        if (result instanceof EpochResult r) {
            classifierEpoch(r, best);
        } else if (result instanceof io.github.wikiart.train.autoencoder.AutoencoderEpoch r) {
            autoencoderEpoch(r, best);
        }
    }

    private void classifierEpoch(EpochResult r, boolean best) {
        if (interactive) {
            err.print("\r" + " ".repeat(100) + "\r");
        }
        String validation = r.validation() == null ? ""
                : String.format(Locale.ROOT, "validation accuracy %.4f, ", r.validation().accuracy());
        err.printf(Locale.ROOT, "epoch %d/%d: train loss %.4f, %stest loss %.4f, test accuracy %.4f, macro-F1 %.4f, "
                        + "%.1f images/s (%.1f s)%s%n", r.epoch(), epochs, r.trainLoss(), validation,
                r.test().meanLoss(), r.test().accuracy(), r.test().macroF1(), r.imagesPerSecond(), r.seconds(),
                best ? "  *best" : "");
    }

    private void autoencoderEpoch(io.github.wikiart.train.autoencoder.AutoencoderEpoch r, boolean best) {
        if (interactive) {
            err.print("\r" + " ".repeat(100) + "\r");
        }
        String validation = Double.isNaN(r.validationMse()) ? ""
                : String.format(Locale.ROOT, "validation PSNR %.2f dB, ", r.validationPsnrDb());
        err.printf(Locale.ROOT, "epoch %d/%d: train MSE %.5f, %stest MSE %.5f, test PSNR %.2f dB, %.1f images/s "
                + "(%.1f s)%s%n", r.epoch(), epochs, r.trainMse(), validation, r.testMse(), r.testPsnrDb(),
                r.imagesPerSecond(), r.seconds(), best ? "  *best" : "");
    }

    private static String bar(int done, int total) {
        int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
        return "#".repeat(filled) + ".".repeat(WIDTH - filled);
    }
}
