package io.github.wikiart.cli;

import io.github.wikiart.reports.JobListener;
import io.github.wikiart.train.classifier.EpochResult;
import io.github.wikiart.train.RunFolder;
import java.io.PrintStream;
import java.util.Locale;

/**
 * A job's progress on the console: a bar redrawn in place on a terminal (a line per quarter
 * epoch otherwise) with images per second and the time left (ETA), then one line of results per
 * epoch; notices on their own line; each new run folder named. Every complete line also goes to
 * the run folder's {@value #LOG} (from the moment the folder is known).
 */
public class ProgressBar implements JobListener, io.github.wikiart.data.StepProgress {
    /** The log of what the console showed, in each run folder. */
    public static final String LOG = "train.log";
    private static final int WIDTH = 28;

    private final PrintStream err;
    private final boolean interactive;
    private int epochs;
    private int lastQuarter;
    private final boolean perSeed;
    private java.io.PrintStream log;
    private final LogSink logSink;
    private long phaseStart;
    private int epochsEnded;
    private long epochStart;
    private String step;
    private long stepStart;
    private long stepShown;

    /**
     * @param err where to draw
     * @param interactive whether to redraw in place (a terminal)
     * @param perSeed whether the job trains one run per seed (names the seed with each run folder)
     */
    public ProgressBar(PrintStream err, boolean interactive, boolean perSeed) {
        this(err, interactive, perSeed, new LogSink());
    }

    /**
     * @param err where to draw
     * @param interactive whether to redraw in place (a terminal)
     * @param perSeed whether the job trains one run per seed
     * @param logSink pointed at each run's {@value #LOG}, so the library's log lands there too
     */
    public ProgressBar(PrintStream err, boolean interactive, boolean perSeed, LogSink logSink) {
        this.err = err;
        this.interactive = interactive;
        this.perSeed = perSeed;
        this.logSink = logSink;
    }

    @Override
    public void onRunStarted(RunFolder run, long seed) throws java.io.IOException {
        if (log != null) {
            log.close();
        }
        log = new PrintStream(java.nio.file.Files.newOutputStream(run.file(LOG),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND), true,
                java.nio.charset.StandardCharsets.UTF_8);
        logSink.attach(log);
        line(perSeed ? "seed " + seed + ": run folder " + run.dir() : "run folder: " + run.dir());
    }

    @Override
    public void onTrainingStart(int trainingEpochs) {
        epochs = trainingEpochs;
        startPhase();
    }

    @Override
    public void onNotice(String message) {
        line(message);
    }

    @Override
    public void onPhase(String phase, int phaseEpochs) {
        if (interactive) {
            err.println();
        }
        line("training " + phase + " (" + phaseEpochs + " epochs)");
        epochs = phaseEpochs;
        startPhase();
    }

    private void startPhase() {
        phaseStart = System.nanoTime();
        epochsEnded = 0;
    }

    @Override
    public void onEpochStart(int epoch, int batches) {
        lastQuarter = 0;
        epochStart = System.nanoTime();
    }

    @Override
    public void onBatch(int epoch, int batch, int batches, long images, double loss, double imagesPerSecond) {
        String line = String.format(Locale.ROOT, "epoch %d/%d [%s] %d/%d batches  loss %.4f  %.1f images/s  eta %s",
                epoch, epochs, bar(batch, batches), batch, batches, loss, imagesPerSecond,
                duration(eta(epoch, batch, batches)));
        if (interactive) {
            err.print("\r" + line);
            err.flush();
        } else {
            int quarter = 4 * batch / batches;
            if (quarter > lastQuarter) {
                lastQuarter = quarter;
                line(line);
            }
        }
    }

    /**
     * Seconds left in the phase: the rest of this epoch at this epoch's batch rate, and the epochs
     * after it at the mean wall time (evaluation included) of the epochs ended so far, or this
     * epoch's estimate before one has ended.
     */
    private double eta(int epoch, int batch, int batches) {
        double inEpoch = (System.nanoTime() - epochStart) / 1e9;
        double thisEpoch = batch == 0 ? 0 : inEpoch / batch * batches;
        double perEpoch = epochsEnded > 0 ? (System.nanoTime() - phaseStart) / 1e9 / (epochsEnded + (double) batch
                / batches) : thisEpoch;
        int later = Math.max(0, epochs - epoch);
        return Math.max(0, thisEpoch - inEpoch) + later * perEpoch;
    }

    /** @return e.g. {@code 45s}, {@code 3m05s}, {@code 1h02m} */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
    }

    /**
     * A long step outside the training loop (verifying images, evaluating, encoding, judging):
     * redrawn in place with its rate and time left on a terminal; otherwise one line when it ends,
     * with its rate and duration.
     */
    @Override
    public void onProgress(String name, long done, long total) {
        long now = System.nanoTime();
        if (!name.equals(step)) {
            step = name;
            stepStart = now;
            stepShown = now;
        }
        boolean last = done >= total;
        double seconds = (now - stepStart) / 1e9;
        double rate = done / Math.max(1e-9, seconds);
        if (interactive) {
            if (now - stepShown >= 200_000_000L || last) {
                stepShown = now;
                err.print(String.format(Locale.ROOT, "\r%s %d/%d  %.1f images/s  eta %s", name, done, total, rate,
                        duration((total - done) / Math.max(1e-9, rate))));
                if (last) {
                    err.println();
                }
                err.flush();
            }
            if (last && log != null) {
                log.println(String.format(Locale.ROOT, "%s %d/%d  %.1f images/s  (%s)", name, done, total, rate,
                        duration(seconds)));
            }
        } else if (last) {
            line(String.format(Locale.ROOT, "%s %d/%d  %.1f images/s  (%s)", name, done, total, rate,
                    duration(seconds)));
        }
        if (last) {
            step = null;
        }
    }

    /** Prints a complete line on the console and into the run's {@value #LOG}. */
    private void line(String text) {
        err.println(text);
        if (log != null) {
            log.println(text);
        }
    }

    @Override
    public void onEpochEnd(Object result, Object model, boolean best) {
        epochsEnded++;
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
        line(String.format(Locale.ROOT, "epoch %d/%d: train loss %.4f, %stest loss %.4f, test accuracy %.4f, "
                        + "macro-F1 %.4f, %.1f images/s (%.1f s)%s", r.epoch(), epochs, r.trainLoss(), validation,
                r.test().meanLoss(), r.test().accuracy(), r.test().macroF1(), r.imagesPerSecond(), r.seconds(),
                best ? "  *best" : ""));
    }

    private void autoencoderEpoch(io.github.wikiart.train.autoencoder.AutoencoderEpoch r, boolean best) {
        if (interactive) {
            err.print("\r" + " ".repeat(100) + "\r");
        }
        String validation = Double.isNaN(r.validationMse()) ? ""
                : String.format(Locale.ROOT, "validation PSNR %.2f dB, ", r.validationPsnrDb());
        line(String.format(Locale.ROOT, "epoch %d/%d: train MSE %.5f, %stest MSE %.5f, test PSNR %.2f dB, "
                + "%.1f images/s (%.1f s)%s", r.epoch(), epochs, r.trainMse(), validation, r.testMse(), r.testPsnrDb(),
                r.imagesPerSecond(), r.seconds(), best ? "  *best" : ""));
    }

    private static String bar(int done, int total) {
        int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
        return "#".repeat(filled) + ".".repeat(WIDTH - filled);
    }
}
