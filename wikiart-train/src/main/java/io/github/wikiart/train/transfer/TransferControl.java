package io.github.wikiart.train.transfer;

import io.github.wikiart.train.ResumeSettings;
import io.github.wikiart.train.RunControl;
import io.github.wikiart.train.loop.LoopControl;
import io.github.wikiart.train.loop.LoopState;
import io.github.wikiart.train.loop.ResultCodec;
import io.github.wikiart.train.loop.ResumeCheckpoint;
import io.github.wikiart.train.loop.Resumption;
import io.github.wikiart.train.loop.StopSignal;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * How a transfer training made of several phases (the {@code cin} method's loss features and
 * transfer network; the {@code seed} method's step 1 and step 2) checkpoints, stops and resumes.
 *
 * <p>A run has one resume checkpoint ({@link ResumeCheckpoint}, folder {@code resume/}), written
 * by whichever phase is training; its {@code state.json} records that phase under
 * {@value #PHASE}, next to the settings and the loop state. The model file is a zip with the
 * phase's SameDiff graph (with its updater state) and the training step's own state: the latest
 * measured loss, the iteration count and moments of a hand-applied Adam. On resume, a trainer
 * skips the phases before the recorded one (their outcome is in the graph, or in the fixed entries
 * the phase added, such as the results of earlier epochs), continues the recorded one from its
 * batch, and runs the later ones afresh.
 */
public final class TransferControl {
    /** The entry of {@code state.json} that names the phase the checkpoint belongs to. */
    public static final String PHASE = "phase";

    private static final ResultCodec<Map<String, Object>> RAW = new ResultCodec<>() {
        @Override
        public Map<String, Object> encode(Map<String, Object> result) {
            return result;
        }

        @Override
        public Map<String, Object> decode(Map<String, Object> json) {
            return json;
        }
    };

    private final Path runDir;
    private final Duration every;
    private final StopSignal stopSignal;
    private final Map<String, String> settings;
    private final ResumeCheckpoint.Saved<Map<String, Object>> saved;

    private final int patience;
    private final double minDelta;

    private TransferControl(Path runDir, Duration every, StopSignal stopSignal, Map<String, String> settings,
                            ResumeCheckpoint.Saved<Map<String, Object>> saved, int patience, double minDelta) {
        this.runDir = runDir;
        this.every = every;
        this.stopSignal = stopSignal;
        this.settings = settings;
        this.saved = saved;
        this.patience = patience;
        this.minDelta = minDelta;
    }

    /**
     * @param epochs early stopping's patience for every phase, 0 = none
     * @param delta the smallest improvement of a phase's score that counts
     * @return a copy with early stopping
     */
    public TransferControl withEarlyStopping(int epochs, double delta) {
        return new TransferControl(runDir, every, stopSignal, settings, saved, epochs, delta);
    }

    /** @return no resume checkpoints, no stop signal, a fresh start */
    public static TransferControl none() {
        return new TransferControl(null, Duration.ofMinutes(10), null, Map.of(), null, 0, 0);
    }

    /**
     * A fresh start that writes resume checkpoints.
     *
     * @param runDir the run folder
     * @param control the checkpoint interval and the stop signal
     * @param settings the run's settings ({@link ResumeSettings#of}), recorded in every checkpoint
     * @return the control
     */
    public static TransferControl start(Path runDir, RunControl control, Map<String, String> settings) {
        return new TransferControl(Objects.requireNonNull(runDir, "runDir"), control.checkpointEvery(),
                control.stopSignal(), Map.copyOf(settings), null, 0, 0);
    }

    /**
     * Continues from a checkpoint read with {@link #read}; the caller has checked its settings.
     *
     * @param runDir the run folder
     * @param control the checkpoint interval and the stop signal
     * @param settings the run's settings, recorded in every later checkpoint
     * @param checkpoint the run's resume checkpoint
     * @return the control
     */
    public static TransferControl resume(Path runDir, RunControl control, Map<String, String> settings,
                                         ResumeCheckpoint.Saved<Map<String, Object>> checkpoint) {
        return new TransferControl(Objects.requireNonNull(runDir, "runDir"), control.checkpointEvery(),
                control.stopSignal(), Map.copyOf(settings), Objects.requireNonNull(checkpoint, "checkpoint"), 0, 0);
    }

    /**
     * Reads a transfer run's resume checkpoint, its results still encoded (each phase decodes its
     * own kind).
     *
     * @param runDir the run folder
     * @return the checkpoint; its settings are under {@link ResumeSettings#ENTRY}
     * @throws IOException when there is none, or it is malformed or records no phase
     */
    public static ResumeCheckpoint.Saved<Map<String, Object>> read(Path runDir) throws IOException {
        ResumeCheckpoint.Saved<Map<String, Object>> s = ResumeCheckpoint.read(runDir, RAW);
        if (!(s.fixed().get(PHASE) instanceof String)) {
            throw new IOException(runDir.resolve(ResumeCheckpoint.FOLDER).resolve(ResumeCheckpoint.STATE)
                    + ": not a transfer resume checkpoint (no '" + PHASE + "')");
        }
        return s;
    }

    /** @return the phase the checkpoint being resumed was written in, or null for a fresh start */
    public String savedPhase() {
        return saved == null ? null : (String) saved.fixed().get(PHASE);
    }

    /**
     * @param phases a trainer's phases, in order
     * @return the index of the saved phase among them, -1 for a fresh start
     * @throws IllegalStateException when the checkpoint belongs to a phase the trainer does not have
     */
    public int savedPhaseIndex(List<String> phases) {
        String p = savedPhase();
        if (p == null) {
            return -1;
        }
        int i = phases.indexOf(p);
        if (i < 0) {
            throw new IllegalStateException("the resume checkpoint belongs to phase '" + p
                    + "', which this training does not have (its phases: " + phases + ")");
        }
        return i;
    }

    /**
     * One phase's part: its continuation point when the checkpoint belongs to it, and its loop
     * control.
     *
     * @param name the phase
     * @param codec writes and reads its per-epoch results
     * @param <R> its per-epoch result
     * @return the phase's control
     * @throws IOException when the checkpoint's model file cannot be read
     */
    public <R> Phase<R> phase(String name, ResultCodec<R> codec) throws IOException {
        Objects.requireNonNull(name, "name");
        if (saved == null || !name.equals(savedPhase())) {
            return new Phase<>(this, name, codec, null, null, Map.of());
        }
        List<R> results = new ArrayList<>();
        try {
            for (Map<String, Object> r : saved.results()) {
                results.add(codec.decode(r));
            }
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new IOException(saved.model().getParent() + ": a result of phase '" + name + "' is malformed: "
                    + e.getMessage(), e);
        }
        return new Phase<>(this, name, codec, new Resumption<>(saved.state(), results),
                ResumeGraph.read(saved.model()), saved.fixed());
    }

    /** What a training step keeps besides the graph, for the checkpoint's model file. */
    @FunctionalInterface
    public interface StepState {
        /** @return the step's numbers by name (counts are exact up to 2^53) */
        Map<String, Double> numbers();

        /** @return the step's arrays by name (live arrays are fine: they are written at once) */
        default Map<String, INDArray> arrays() {
            return Map.of();
        }
    }

    /**
     * One phase of a transfer training: where it continues, and the {@link LoopControl} for its
     * {@link io.github.wikiart.train.loop.TrainingLoop}.
     *
     * @param <R> its per-epoch result
     */
    public static final class Phase<R> {
        private final TransferControl control;
        private final String name;
        private final ResultCodec<R> codec;
        private final Resumption<R> resumption;
        private final ResumeGraph.Contents contents;
        private final Map<String, Object> fixed;

        private Phase(TransferControl control, String name, ResultCodec<R> codec, Resumption<R> resumption,
                      ResumeGraph.Contents contents, Map<String, Object> fixed) {
            this.control = control;
            this.name = name;
            this.codec = codec;
            this.resumption = resumption;
            this.contents = contents;
            this.fixed = fixed;
        }

        /** @return whether this phase continues from the checkpoint */
        public boolean resumed() {
            return resumption != null;
        }

        /** @return where the loop stopped, null when not {@link #resumed()} */
        public LoopState resumedAt() {
            return resumption == null ? null : resumption.state();
        }

        /** @return the saved graph with its updater state, null when not {@link #resumed()} */
        public SameDiff graph() {
            return contents == null ? null : contents.graph();
        }

        /**
         * @param key a number of the step's state
         * @param otherwise the value for a fresh start
         * @return the saved number, or {@code otherwise} when not {@link #resumed()}
         * @throws IllegalStateException when a resumed checkpoint lacks it
         */
        public double number(String key, double otherwise) {
            if (contents == null) {
                return otherwise;
            }
            Double v = contents.step().get(key);
            if (v == null) {
                throw new IllegalStateException("the resume checkpoint of phase '" + name + "' has no step value '"
                        + key + "'");
            }
            return v;
        }

        /** @return the saved arrays of the step, empty when not {@link #resumed()} */
        public Map<String, INDArray> arrays() {
            return contents == null ? Map.of() : contents.arrays();
        }

        /**
         * @param key an entry the phase added to its checkpoints ({@link #loop})
         * @return its value, null when absent or not {@link #resumed()}
         */
        public Object fixed(String key) {
            return fixed.get(key);
        }

        /**
         * The loop control of this phase: ND4J's stream seeded per batch, a resume checkpoint
         * recording this phase (when the control has a run folder), the stop signal, and the
         * continuation point when {@link #resumed()}.
         *
         * @param seed the seed of the per-batch random stream
         * @param step the step's state, read at every checkpoint
         * @param extra more entries for {@code state.json}, read back with {@link #fixed} (for
         *     example earlier phases' results)
         * @return the loop control
         */
        public LoopControl<R, SameDiff> loop(long seed, StepState step, Map<String, Object> extra) {
            ResumeCheckpoint<R, SameDiff> checkpoint = null;
            if (control.runDir != null) {
                Map<String, Object> entries = new LinkedHashMap<>();
                entries.put(ResumeSettings.ENTRY, control.settings);
                entries.put(PHASE, name);
                entries.putAll(extra);
                checkpoint = new ResumeCheckpoint<>(control.runDir, "-" + name.replace(' ', '-') + ".zip",
                        (sd, out) -> ResumeGraph.write(sd, step.numbers(), step.arrays(), out), codec, entries);
            }
            return new LoopControl<>(seed, checkpoint, control.every, control.stopSignal, resumption, control.patience,
                    control.minDelta);
        }
    }
}
