package io.github.wikiart.train;

import io.github.wikiart.data.DataOptions;
import io.github.wikiart.data.TensorLayout;
import io.github.wikiart.models.ClassifierArchitecture;
import io.github.wikiart.train.classifier.ClassifierOptions;
import io.github.wikiart.train.classifier.ClassifierRun;
import io.github.wikiart.train.loop.LoopListener;
import io.github.wikiart.train.loop.ResumeCheckpoint;
import io.github.wikiart.train.loop.StopSignal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The training {@link CrashSafetyTest} kills: a small classifier on a generated dataset with a
 * resume checkpoint after every batch, resumed from its checkpoint when the run folder holds one
 * and started over otherwise. Run in a child JVM: {@code KillableTraining DATA RUN}.
 */
public final class KillableTraining {
    /** Printed when the first batch of this process is trained. */
    static final String TRAINING = "training";

    private KillableTraining() {
    }

    /** @return the run's data settings */
    static DataOptions data(Path root) {
        return DataOptions.defaults(root).withImageSize(16).withSeed(4);
    }

    /** @return the run's classifier settings (dropout on, so the random streams matter) */
    static ClassifierOptions options() {
        return new ClassifierOptions(new ClassifierArchitecture("stylenet", 0.3, 4, 4, 16), 16, 4, 4e-3,
                new LearningRateSchedule(LearningRateSchedule.Shape.COSINE, 1), TensorLayout.NCHW, 0);
    }

    /**
     * @param args the data folder and the run folder
     * @throws Exception when training fails (exit code 1)
     */
    public static void main(String[] args) throws Exception {
        DataOptions data = data(Path.of(args[0]));
        Path run = Path.of(args[1]);
        RunControl control = new RunControl(Duration.ofNanos(1), new StopSignal(), Set.of());
        LoopListener<Object, Object> announce = new LoopListener<>() {
            private boolean said;

            @Override
            public void onBatch(int epoch, int batch, int batches, long images, double loss, double ips) {
                if (!said) {
                    System.out.println(TRAINING);
                    System.out.flush();
                    said = true;
                }
            }
        };
        if (ResumeCheckpoint.exists(run)) {
            ClassifierRun.resume(data, options(), RunFolder.resume(run), List.of(announce), control);
        } else {
            ClassifierRun.train(data, options(), RunFolder.overwrite(run), List.of(announce), control);
        }
        System.exit(0);
    }
}
